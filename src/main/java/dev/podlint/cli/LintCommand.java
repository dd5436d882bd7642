package dev.podlint.cli;

import dev.podlint.Podlint;
import dev.podlint.checks.Checks;
import dev.podlint.config.Configuration;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintRun;
import dev.podlint.engine.Linter;
import dev.podlint.load.Inputs;
import dev.podlint.load.Shard;
import dev.podlint.report.Baseline;
import dev.podlint.report.Formats;
import dev.podlint.report.Report;
import dev.podlint.rule.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code podlint lint}: lints files, directories or standard input. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    description = "Lints Kubernetes manifests and reports problems at their line and column.")
public final class LintCommand implements Callable<Integer> {
  /** Levels for --fail-on. */
  enum FailOn { error, warning, note, none }

  /** Levels for --show. */
  enum Show { error, warning, note }

  private final Main.Env env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories (searched recursively for *.yaml, *.yml, *.json); '-' reads standard "
          + "input. Default: the current directory.")
  List<String> paths = new ArrayList<>();

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<OutputOption> outputs = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "SARIF",
      description = "Report only findings that are not in SARIF, a report podlint wrote earlier (matched by rule and "
          + "fingerprint, not by line); SARIF output keeps every finding with its baselineState.")
  Path baseline;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Exit with 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES} "
          + "(default: failOn of the configuration, else error).")
  FailOn failOn;

  @Option(names = "--show", paramLabel = "LEVEL",
      description = "Report only findings at or above LEVEL: ${COMPLETION-CANDIDATES} (default: show of the "
          + "configuration, else note: every finding). Hidden findings still count for --fail-on; the summary says "
          + "how many were hidden.")
  Show show;

  @Mixin
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

  @Option(names = "--stdin-name", paramLabel = "NAME",
      description = "Report standard input ('-') as the file NAME, for example the chart a 'helm template' pipe "
          + "rendered (SARIF makes NAME relative to --srcroot). Default: <stdin>.")
  String stdinName;

  @Option(names = "--shard", paramLabel = "K/N",
      description = "Lint only shard K of N (1 <= K <= N): the files whose path relative to the current directory "
          + "hashes (SHA-256) to K, so that N CI jobs split the inputs, each file linted by exactly one. The SARIF "
          + "automationDetails.id ends in shard-K-of-N/ so that code scanning keeps the shards apart.")
  String shard;

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
    Linter linter = Linter.withDefaults(configuration.catalog(), options(configuration), Checks.BUILTIN);
    LintInputs gathering = new LintInputs(env.workingDir(), paths, err, quiet);
    gathering.checkStdinName(stdinName);
    Shard slice = gathering.shard(shard);
    Inputs.Expansion inputs = gathering.expand(configuration.exclusions(), stdinName, outputs);
    // against every input, those of other shards too
    List<OutputOption> plan = ReportPlan.of(outputs, new OutputTargets(inputs), env.workingDir());
    if (slice != null) {
      inputs = inputs.withFiles(slice.select(inputs.files(), env.workingDir()));
    }
    Severity level = failLevel(configuration);
    Baseline known = baseline();
    Report.Header header = header(linter, known, slice);
    Tally tally = new Tally(header.baseline(), known == null ? null : known.tracker());
    Visibility visible = new Visibility(showLevel(configuration));
    LintRun run = new StreamedReports(env, spec.commandLine().getOut(), new Formats.Settings(level, env.color()),
        tally, visible).run(linter, inputs, plan, header, () -> elapsed(started));
    RunSummary.print(err, run, tally, visible, elapsed(started), quiet, known == null ? null : baseline.toString());
    return RunSummary.exitCode(run, tally, level);
  }

  /** The linter's options: the configuration's, with the command line's; fingerprints name files as SARIF does. */
  private LintOptions options(Configuration configuration) {
    try {
      // relative to --srcroot, however they were named here
      return configuration.options(kubernetesVersion, strictKinds)
          .withFingerprintRoot(srcRoot == null ? env.workingDir() : env.workingDir().resolve(srcRoot));
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--kubernetes-version': " + e.getMessage());
    }
  }

  /** The findings of {@code --baseline}, or null without one. */
  private Baseline baseline() {
    if (baseline == null) {
      return null;
    }
    try {
      return Baseline.read(env.workingDir().resolve(baseline), baseline.toString());
    } catch (Baseline.Invalid e) {
      throw new UserException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** What every report starts with: the rules, the version, where SARIF URIs start, the category. */
  private Report.Header header(Linter linter, Baseline known, Shard slice) {
    Path root = srcRoot == null ? env.workingDir() : env.workingDir().resolve(srcRoot);
    Main.Pinned pinned = env.pinned();
    return new Report.Header(linter.rules(),
        pinned.version() == null ? Podlint.version() : pinned.version(), root,
        known == null ? null : known.known(), Report.automationId(slice == null ? sarifCategory
            : (sarifCategory == null || sarifCategory.isBlank() ? "" : sarifCategory.strip().replaceAll("/+$", "") + "/")
                + slice.label()),
        pinned.srcRootUri() == null ? Report.srcRootUri(root) : pinned.srcRootUri());
  }

  /** The lowest level the reports show: --show, else the configuration's show, else every level. */
  private Severity showLevel(Configuration configuration) {
    String level = configuration.show(show == null ? null : show.name()).orElse(Show.note.name());
    return switch (Show.valueOf(level)) {
      case error -> Severity.ERROR;
      case warning -> Severity.WARNING;
      case note -> Severity.NOTE;
    };
  }

  private Severity failLevel(Configuration configuration) {
    String fail = configuration.failOn(failOn == null ? null : failOn.name()).orElse(FailOn.error.name());
    return switch (FailOn.valueOf(fail)) {
      case error -> Severity.ERROR;
      case warning -> Severity.WARNING;
      case note -> Severity.NOTE;
      case none -> null;
    };
  }

  /** The time since {@code started} ({@link System#nanoTime}), unless the run pinned it. */
  private Duration elapsed(long started) {
    Duration pinned = env.pinned().elapsed();
    return pinned != null ? pinned : Duration.ofNanos(System.nanoTime() - started);
  }
}
