package dev.podlint.cli;

import dev.podlint.report.Formats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run class-data sharing learns from ({@code mvn package} and {@code bin/podlint} archive the
 * classes it loads): {@code podlint lint} with a report in every format, so that no format's
 * classes are left out. Arguments: the directory for the reports (one file a format, the standard
 * one on standard output), then the arguments of {@code podlint lint}.
 */
public final class TrainingRun {
  private TrainingRun() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: TrainingRun REPORT_DIR [podlint lint arguments]");
      System.exit(ExitCodes.USAGE);
    }
    Main.main(arguments(Path.of(args[0]), List.of(args).subList(1, args.length)).toArray(String[]::new));
  }

  /** {@code podlint lint} with every format, into {@code dir} but the standard one, then {@code lint}. */
  static List<String> arguments(Path dir, List<String> lint) {
    List<String> all = new ArrayList<>(List.of("lint"));
    for (Formats.Format f : Formats.all()) {
      if (f != Formats.standard()) {
        all.addAll(List.of("-f", f.name(), "-o", dir.resolve(f.fileName()).toString()));
      }
    }
    all.addAll(List.of("-f", Formats.standard().name()));
    all.addAll(lint);
    return all;
  }
}
