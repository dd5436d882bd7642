package dev.podlint.cli;

import dev.podlint.report.Formats;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** One report of {@code podlint lint}: a format and where it goes; {@code -f} and {@code -o} pair up in the order given. */
final class OutputOption {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", completionCandidates = Names.class,
      converter = Converter.class,
      description = "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable: each --format pairs "
          + "with the --output that follows it; at most one report goes to standard output.")
  Formats.Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report of the --format before it to FILE (written to a temporary file first, then "
          + "renamed) instead of standard output.")
  Path output;

  /** The report written when none is asked for: text to standard output. */
  static OutputOption standard() {
    OutputOption o = new OutputOption();
    o.format = Formats.standard();
    return o;
  }

  /** The format names, for {@code --help}. */
  static final class Names extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Formats.names());
    }
  }

  /** A format from its name, whatever its case. */
  static final class Converter implements ITypeConverter<Formats.Format> {
    @Override
    public Formats.Format convert(String value) {
      return Formats.named(value).orElseThrow(() -> new TypeConversionException(
          "expected one of " + Formats.names() + " (case-insensitive) but was '" + value + "'"));
    }
  }
}
