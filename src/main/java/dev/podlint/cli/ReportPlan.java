package dev.podlint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reports of {@code podlint lint} to write, checked before anything is linted: text to
 * standard output by default; a lone {@code -o FILE} writes text; with several reports every one
 * names its format, at most one goes to standard output, and no report goes to an input of the run
 * or to the file of another.
 */
final class ReportPlan {
  private ReportPlan() {}

  /** The reports {@code outputs} ask for, claimed in {@code targets}; a usage error when they clash. */
  static List<OutputOption> of(List<OutputOption> outputs, OutputTargets targets, Path workingDir) {
    if (outputs.isEmpty()) {
      return List.of(OutputOption.standard());
    }
    List<OutputOption> plan = new ArrayList<>();
    OutputOption toStdout = null;
    for (OutputOption o : outputs) {
      if (o.format == null) {
        if (outputs.size() > 1) {
          throw new UserException(ExitCodes.USAGE, "--output " + o.output + " has no --format: when writing several "
              + "reports, give each its format (-f sarif -o report.sarif -f text)");
        }
        o.format = OutputOption.standard().format;
      }
      if (o.output == null) {
        if (toStdout != null) {
          throw new UserException(ExitCodes.USAGE, "both " + toStdout.format + " and " + o.format + " would go to "
              + "standard output: follow all but one --format with --output FILE");
        }
        toStdout = o;
      } else {
        targets.claim(workingDir.resolve(o.output), o.output.toString(), "the " + o.format + " report");
      }
      plan.add(o);
    }
    Path stdout = Path.of("/dev/stdout");
    if (toStdout != null && Files.exists(stdout)) {
      Optional<String> other = targets.claimant(stdout);
      if (other.isPresent()) {
        throw new UserException(ExitCodes.USAGE, "both the " + toStdout.format + " report and " + other.get()
            + " would go to standard output: follow all but one --format with --output FILE");
      }
    }
    return plan;
  }
}
