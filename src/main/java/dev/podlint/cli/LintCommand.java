package dev.podlint.cli;

import dev.podlint.Podlint;
import dev.podlint.config.ConfigLocator;
import dev.podlint.config.Configuration;
import dev.podlint.config.Exclusions;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.InputProblem;
import dev.podlint.load.Inputs;
import dev.podlint.report.Report;
import dev.podlint.report.Reporter;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podlint lint}: lints files, directories or standard input. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    description = "Lints Kubernetes manifests and reports problems at their line and column.")
public final class LintCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json, sarif, github }

  /** Levels for --fail-on. */
  enum FailOn { error, warning, note, none }

  private final Main.Env env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories (searched recursively for *.yaml, *.yml, *.json); '-' reads standard "
          + "input. Default: the current directory.")
  List<String> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (written to a temporary file first, then renamed) instead of "
          + "standard output.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Exit with 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} "
          + "(default: failOn of the configuration, else error).")
  FailOn failOn;

  @picocli.CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--srcroot", paramLabel = "DIR",
      description = "Directory that SARIF file locations are relative to (%%SRCROOT%%). Default: the current "
          + "directory.")
  Path srcRoot;

  @Option(names = "--sarif-category", paramLabel = "NAME",
      description = "SARIF automationDetails.id podlint/NAME/ instead of podlint/, so that code scanning keeps the "
          + "results of several podlint runs (one per directory or environment) apart.")
  String sarifCategory;

  @Option(names = "--kubernetes-version", paramLabel = "VERSION",
      completionCandidates = KubernetesVersions.class,
      description = "The Kubernetes version to check against: ${COMPLETION-CANDIDATES} (default: "
          + "kubernetesVersion of the configuration, else the newest).")
  String kubernetesVersion;

  /** The versions podlint knows, for --help. */
  static final class KubernetesVersions extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    KubernetesVersions() {
      super(LintOptions.KUBERNETES_VERSIONS);
    }
  }

  @Option(names = "--strict-kinds", negatable = true,
      description = "Report objects of kinds podlint has no schema for (custom resources) as errors, not notes "
          + "(default: strictKinds of the configuration, else not).")
  Boolean strictKinds;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the summary line on standard error.")
  boolean quiet;

  @Option(names = "--rules-dir", paramLabel = "DIR",
      description = "Also run the user rules in DIR: every *.yaml and *.yml file directly inside it is a declarative "
          + "rule (engine: schema). Repeatable.")
  List<Path> rulesDirs = new ArrayList<>();

  LintCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    Configuration configuration = configOptions.load(env, RuleDirs.catalog(rulesDirs, env.workingDir()), err,
        "nothing was linted (--no-config lints without it)");
    LintOptions options;
    try {
      options = configuration.options(kubernetesVersion, strictKinds);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--kubernetes-version': " + e.getMessage());
    }
    Linter linter = Linter.withDefaults(configuration.catalog(), options);
    Exclusions exclusions = configuration.exclusions();
    // podlint's own configuration files are never manifests
    Inputs.Expansion inputs = Inputs.expand(paths, env.workingDir(), p -> exclusions.test(p)
        || ConfigLocator.NAMES.contains(String.valueOf(p.getFileName())) && !Files.isDirectory(p));
    if (!quiet) {
      for (String arg : inputs.excluded()) {
        err.println("podlint: not linting " + arg + ": " + exclusions.match(env.workingDir().resolve(arg))
            .map(x -> "excluded by \"" + x.glob().text() + "\" (" + x.origin() + ")")
            .orElse("it is a podlint configuration file"));
      }
    }
    LintResult result = linter.lint(inputs.files(), inputs.problems(), env::stdin);
    Path root = srcRoot == null ? env.workingDir() : env.workingDir().resolve(srcRoot);
    Report report = new Report(result, Podlint.version(), root, Duration.ofNanos(System.nanoTime() - started),
        Report.automationId(sarifCategory));
    boolean toFile = output != null;
    Reporter reporter = Reporter.forFormat(format.name(), !toFile && format == Format.text && env.color());
    if (toFile) {
      writeAtomically(env.workingDir().resolve(output), reporter, report);
    } else {
      try {
        reporter.write(report, spec.commandLine().getOut());
      } catch (IOException e) {
        throw new UserException(ExitCodes.USAGE, "cannot write the report: " + e.getMessage());
      }
    }
    for (InputProblem p : result.inputProblems()) {
      err.println("podlint: cannot read " + p.input() + ": " + p.message());
    }
    for (String e : result.internalErrors()) {
      err.println("podlint: internal error: " + e + " (please report this to " + Podlint.HOME + ")");
    }
    if (!quiet) {
      err.println(summary(result, Duration.ofNanos(System.nanoTime() - started)));
    }
    if (!result.internalErrors().isEmpty()) {
      return ExitCodes.INTERNAL;
    }
    if (!result.inputProblems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    String fail = configuration.failOn(failOn == null ? null : failOn.name()).orElse(FailOn.error.name());
    Severity level = switch (FailOn.valueOf(fail)) {
      case error -> Severity.ERROR;
      case warning -> Severity.WARNING;
      case note -> Severity.NOTE;
      case none -> null;
    };
    return result.hasFindingsAtLeast(level) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static void writeAtomically(Path target, Reporter reporter, Report report) {
    try {
      AtomicFile.write(target, w -> reporter.write(report, w));
    } catch (IOException e) {
      throw new UserException(ExitCodes.USAGE, "cannot write the report to " + target + ": " + AtomicFile.describe(e));
    }
  }

  static String summary(LintResult r, Duration elapsed) {
    StringBuilder sb = new StringBuilder("podlint: ");
    sb.append(plural(r.files(), "file")).append(", ").append(plural(r.objects(), "object")).append(": ");
    sb.append(plural(r.count(Severity.ERROR), "error")).append(", ")
        .append(plural(r.count(Severity.WARNING), "warning")).append(", ")
        .append(plural(r.count(Severity.NOTE), "note"));
    if (r.suppressed() > 0) {
      sb.append(" (").append(r.suppressed()).append(" suppressed)");
    }
    sb.append(String.format(Locale.ROOT, " in %.2f s", elapsed.toNanos() / 1e9));
    return sb.toString();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
