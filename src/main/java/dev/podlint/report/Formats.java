package dev.podlint.report;

import dev.podlint.rule.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report formats, in the order {@code --help} lists them: each name with the reporter that
 * writes it and the ending of its file. The command line ({@code --format}), the class-data-sharing
 * training run of the build and the tests (every format fuzzed, every format's golden output) all
 * take the formats from here, so a new format is its reporter, one line below and its golden file.
 */
public final class Formats {
  /** What a reporter may be made with: the {@code --fail-on} level (null: none) and whether to colour. */
  public record Settings(Severity failLevel, boolean color) {}

  /**
   * A format.
   *
   * @param name what {@code --format} calls it
   * @param ending how a file of it ends, after {@code report.} (its golden output's name)
   * @param reporter the reporter that writes it
   */
  public record Format(String name, String ending, Function<Settings, Reporter> reporter) {
    /** The reporter of this format, made with {@code settings}. */
    public Reporter reporter(Settings settings) {
      return reporter.apply(settings);
    }

    /** The name of a file of this format: {@code report.} and its ending. */
    public String fileName() {
      return "report." + ending;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Format> ALL = List.of(
      new Format("text", "txt", s -> new TextReporter(s.color())),
      new Format("json", "json", s -> new JsonReporter()),
      new Format("sarif", "sarif", s -> new SarifReporter()),
      new Format("github", "github.txt", s -> new GithubReporter()),
      new Format("junit", "junit.xml", s -> new JunitReporter(s.failLevel())),
      new Format("checkstyle", "checkstyle.xml", s -> new CheckstyleReporter()));

  private Formats() {}

  /** Every format, in the order {@code --help} lists them. */
  public static List<Format> all() {
    return ALL;
  }

  /** The format written when none is named: text. */
  public static Format standard() {
    return ALL.get(0);
  }

  /** The names of the formats, in order. */
  public static List<String> names() {
    return ALL.stream().map(Format::name).toList();
  }

  /** The format of a name, whatever its case. */
  public static Optional<Format> named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(f -> f.name().equals(n)).findFirst();
  }
}
