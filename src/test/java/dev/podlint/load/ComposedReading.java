package dev.podlint.load;

import dev.podlint.model.Position;
import dev.podlint.model.YNode;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * How podlint read documents before {@link EventBuilder}: every document composed by
 * snakeyaml-engine, then converted ({@link Converter}); kept in the tests as the oracle the builder
 * is compared with.
 */
final class ComposedReading {
  /** A document's tree and where it lies. */
  record Read(YNode root, Extent extent) {}

  /** The documents read, and the error reading stopped at (or null). */
  record Result(List<Read> documents, SyntaxError error) {}

  private ComposedReading() {}

  /** Reads {@code text} (already cut at its limits) as {@link Reading} did: documents up to the first error. */
  static Result read(String text, boolean shared) {
    MarkedParser parser = MarkedParser.of(text);
    Composer composer = new Composer(Settings.MANIFESTS, parser);
    CharOffsets offsets = new CharOffsets(text);
    List<Read> out = new ArrayList<>();
    Position lastEnd = new Position(1, 1);
    try {
      while (composer.hasNext()) {
        YNode root = new Converter(shared, 0).convertRoot(composer.next());
        lastEnd = root.span().end();
        int start = offsets.of(parser.documentStart.getIndex());
        out.add(new Read(root, new Extent(offsets.lineStart(start, parser.documentStart.getColumn()),
            parser.documentStart.getLine(), offsets.of(parser.documentEnd.getIndex()))));
      }
      return new Result(out, null);
    } catch (TreeProblem | YamlEngineException e) {
      return new Result(out, SyntaxErrors.syntaxError(e, text, lastEnd));
    } catch (StackOverflowError e) {
      return new Result(out, new SyntaxError(Converter.TOO_DEEP, SyntaxErrors.tooDeep(text).orElse(lastEnd)));
    }
  }
}
