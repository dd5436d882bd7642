package dev.podlint.schema;

import dev.podlint.model.BoundedRegex;
import java.util.Optional;
import org.everit.json.schema.loader.SchemaLoader;
import org.everit.json.schema.regexp.JavaUtilRegexpFactory;
import org.everit.json.schema.regexp.Regexp;
import org.everit.json.schema.regexp.RegexpFactory;
import org.everit.json.schema.regexp.RegexpMatchingFailure;

/**
 * Gives everit {@link BoundedRegex}es for {@code pattern} and {@code patternProperties}, so that a
 * schema's regular expression cannot hang validation: a match that runs out of steps throws
 * {@link BoundedRegex.TooSlowException} out of {@code validate} (everit catches only its own
 * validation exceptions), and the caller reports it.
 */
final class BoundedRegexpFactory implements RegexpFactory {
  static final BoundedRegexpFactory INSTANCE = new BoundedRegexpFactory();

  /** everit's failure value; its constructor is not public, so one is taken from everit's own factory. */
  private static final Optional<RegexpMatchingFailure> FAILURE =
      new JavaUtilRegexpFactory().createHandler("x").patternMatchingFailure("");

  private BoundedRegexpFactory() {}

  /** everit's schema loader with bounded regular expressions: every schema podlint compiles uses it. */
  static SchemaLoader.SchemaLoaderBuilder loader() {
    return SchemaLoader.builder().regexpFactory(INSTANCE);
  }

  @Override
  public Regexp createHandler(String regexp) {
    return new Bounded(BoundedRegex.compile(regexp, null));
  }

  private record Bounded(BoundedRegex regex) implements Regexp {
    @Override
    public Optional<RegexpMatchingFailure> patternMatchingFailure(String input) {
      return regex.find(input) ? Optional.empty() : FAILURE;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bounded b && b.regex.regex().equals(regex.regex());
    }

    @Override
    public int hashCode() {
      return regex.regex().hashCode();
    }

    /** The pattern as written: everit prints it in messages and recompiles it for {@code getPattern()}. */
    @Override
    public String toString() {
      return regex.regex();
    }
  }
}
