package dev.podlint.cli;

import dev.podlint.config.ConfigLocator;
import dev.podlint.config.Exclusions;
import dev.podlint.load.Inputs;
import dev.podlint.load.Shard;
import dev.podlint.report.TextEscape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs of {@code podlint lint}: its paths expanded (exclusions and podlint's own
 * configuration files left out, each said unless quiet), without the earlier reports this run
 * replaces, and the checks of {@code --stdin-name} and {@code --shard} against them.
 */
final class LintInputs {
  private final Path workingDir;
  private final List<String> paths;
  private final PrintWriter err;
  private final boolean quiet;

  LintInputs(Path workingDir, List<String> paths, PrintWriter err, boolean quiet) {
    this.workingDir = workingDir;
    this.paths = paths;
    this.err = err;
    this.quiet = quiet;
  }

  /** Checks {@code --stdin-name}: a non-empty name of standard input, which must be among the paths. */
  void checkStdinName(String stdinName) {
    if (stdinName != null && (stdinName.isBlank() || !paths.contains("-"))) {
      throw new UserException(ExitCodes.USAGE, stdinName.isBlank() ? "--stdin-name needs a non-empty name"
          : "--stdin-name names standard input, which is read only when '-' is among the paths");
    }
    try {
      if (stdinName != null) {
        workingDir.resolve(stdinName);
      }
    } catch (InvalidPathException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--stdin-name': " + e.getMessage());
    }
  }

  /** The shard of {@code --shard}, or null without one. */
  Shard shard(String shard) {
    if (shard == null) {
      return null;
    }
    Shard slice;
    try {
      slice = Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--shard': " + e.getMessage());
    }
    if (paths.contains("-")) {
      throw new UserException(ExitCodes.USAGE, "--shard splits files and directories; standard input ('-') "
          + "cannot be sharded");
    }
    return slice;
  }

  /**
   * The paths expanded: what {@code exclusions} match and podlint's own configuration files are
   * never manifests; the earlier reports that {@code outputs} replace are left out too.
   */
  Inputs.Expansion expand(Exclusions exclusions, String stdinName, List<OutputOption> outputs) {
    Inputs.Expansion inputs = Inputs.expand(paths, workingDir, p -> exclusions.test(p)
        || ConfigLocator.NAMES.contains(String.valueOf(p.getFileName())) && !Files.isDirectory(p), stdinName);
    if (!quiet) {
      for (String arg : inputs.excluded()) {
        err.println("podlint: not linting " + TextEscape.fileName(arg) + ": " + TextEscape.value(exclusions.match(
            workingDir.resolve(arg)).map(x -> "excluded by \"" + x.glob().text() + "\" (" + x.origin() + ")")
            .orElse("it is a podlint configuration file")));
      }
      inputs.notFollowed().forEach(note -> err.println("podlint: " + TextEscape.value(note)));
    }
    return leaveOutPriorReports(inputs, outputs);
  }

  /**
   * Leaves out of the inputs each earlier JSON or SARIF report of podlint's ({@link PriorReport})
   * that a directory walk found and that an {@code -o} of this run replaces: running
   * {@code podlint lint . -f json -o report.json} twice works. A file named on the command line
   * stays an input, so writing over it is refused as usual.
   */
  private Inputs.Expansion leaveOutPriorReports(Inputs.Expansion inputs, List<OutputOption> outputs) {
    Set<Path> named = new HashSet<>();
    for (String arg : paths) {
      try {
        Path p = workingDir.resolve(arg);
        if (!arg.equals("-") && Files.isRegularFile(p)) {
          named.add(p.toRealPath());
        }
      } catch (IOException | InvalidPathException e) {
        // not a readable file: the expansion reports it
      }
    }
    Inputs.Expansion kept = inputs;
    for (OutputOption o : outputs) {
      if (o.output == null) {
        continue;
      }
      Path target;
      try {
        target = OutputTargets.target(workingDir.resolve(o.output));
      } catch (InvalidPathException e) {
        continue; // the plan reports it
      }
      String name = kept.realPaths().get(target);
      if (name != null && !named.contains(target) && PriorReport.is(target)) {
        kept = kept.without(target);
        if (!quiet) {
          err.println("podlint: not linting " + TextEscape.fileName(name)
              + ": it is an earlier podlint report, which this run replaces");
        }
      }
    }
    return kept;
  }
}
