package dev.podlint.cli;

import dev.podlint.Podlint;
import dev.podlint.checks.Checks;
import dev.podlint.config.ConfigLocator;
import dev.podlint.config.Configuration;
import dev.podlint.config.Exclusions;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.Finding;
import dev.podlint.engine.FindingSink;
import dev.podlint.engine.LintRun;
import dev.podlint.engine.Linter;
import dev.podlint.load.InputProblem;
import dev.podlint.load.Inputs;
import dev.podlint.load.Shard;
import dev.podlint.model.SourceFile;
import dev.podlint.report.Baseline;
import dev.podlint.report.JunitReporter;
import dev.podlint.report.Report;
import dev.podlint.report.Reporter;
import dev.podlint.report.TextEscape;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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
  enum Format { text, json, sarif, github, junit, checkstyle }

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

  /** One report: a format and where it goes; {@code -f} and {@code -o} pair up in the order given. */
  static final class Output {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
        description = "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable: each --format pairs "
            + "with the --output that follows it; at most one report goes to standard output.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the report of the --format before it to FILE (written to a temporary file first, then "
            + "renamed) instead of standard output.")
    Path output;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<Output> outputs = new ArrayList<>();

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
    LintOptions options;
    try {
      // fingerprints name files as SARIF does, relative to --srcroot, however they were named here
      options = configuration.options(kubernetesVersion, strictKinds)
          .withFingerprintRoot(srcRoot == null ? env.workingDir() : env.workingDir().resolve(srcRoot));
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--kubernetes-version': " + e.getMessage());
    }
    Linter linter = Linter.withDefaults(configuration.catalog(), options, Checks.BUILTIN);
    Exclusions exclusions = configuration.exclusions();
    // podlint's own configuration files are never manifests
    if (stdinName != null && (stdinName.isBlank() || !paths.contains("-"))) {
      throw new UserException(ExitCodes.USAGE, stdinName.isBlank() ? "--stdin-name needs a non-empty name"
          : "--stdin-name names standard input, which is read only when '-' is among the paths");
    }
    try {
      if (stdinName != null) {
        env.workingDir().resolve(stdinName);
      }
    } catch (java.nio.file.InvalidPathException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--stdin-name': " + e.getMessage());
    }
    Shard slice = null;
    if (shard != null) {
      try {
        slice = Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCodes.USAGE, "invalid value for option '--shard': " + e.getMessage());
      }
      if (paths.contains("-")) {
        throw new UserException(ExitCodes.USAGE, "--shard splits files and directories; standard input ('-') "
            + "cannot be sharded");
      }
    }
    Inputs.Expansion inputs = Inputs.expand(paths, env.workingDir(), p -> exclusions.test(p)
        || ConfigLocator.NAMES.contains(String.valueOf(p.getFileName())) && !Files.isDirectory(p), stdinName);
    if (!quiet) {
      for (String arg : inputs.excluded()) {
        err.println("podlint: not linting " + TextEscape.fileName(arg) + ": " + TextEscape.value(exclusions.match(
            env.workingDir().resolve(arg)).map(x -> "excluded by \"" + x.glob().text() + "\" (" + x.origin() + ")")
            .orElse("it is a podlint configuration file")));
      }
      inputs.notFollowed().forEach(note -> err.println("podlint: " + TextEscape.value(note)));
    }
    inputs = leaveOutPriorReports(inputs, err);
    List<Output> plan = plan(new OutputTargets(inputs)); // against every input, those of other shards too
    if (slice != null) {
      inputs = inputs.withFiles(slice.select(inputs.files(), env.workingDir()));
    }
    Severity level = failLevel(configuration);
    Baseline known = null;
    if (baseline != null) {
      try {
        known = Baseline.read(env.workingDir().resolve(baseline), baseline.toString());
      } catch (Baseline.Invalid e) {
        throw new UserException(ExitCodes.USAGE, e.getMessage());
      }
    }
    Path root = srcRoot == null ? env.workingDir() : env.workingDir().resolve(srcRoot);
    Main.Pinned pinned = env.pinned();
    Report.Header header = new Report.Header(linter.rules(),
        pinned.version() == null ? Podlint.version() : pinned.version(), root,
        known == null ? null : known.known(), Report.automationId(slice == null ? sarifCategory
            : (sarifCategory == null || sarifCategory.isBlank() ? "" : sarifCategory.strip().replaceAll("/+$", "") + "/")
                + slice.label()),
        pinned.srcRootUri() == null ? Report.srcRootUri(root) : pinned.srcRootUri());
    Tally tally = new Tally(header.baseline(), known == null ? null : known.tracker());
    Visibility visible = new Visibility(showLevel(configuration));
    LintRun run = lintAndReport(linter, inputs, plan, header, tally, visible, level, started);
    for (InputProblem p : run.inputProblems()) {
      err.println("podlint: cannot read " + TextEscape.fileName(p.input()) + ": " + TextEscape.value(p.message()));
    }
    for (String e : run.internalErrors()) {
      err.println(e.contains(": " + Linter.OUT_OF_MEMORY + " (")
          ? "podlint: " + TextEscape.value(e) + ": " + Main.MORE_MEMORY
          : "podlint: internal error: " + TextEscape.value(e) + " (please report this to " + Podlint.HOME + ")");
    }
    if (!quiet) {
      if (known != null) {
        err.println("podlint: compared with the baseline " + TextEscape.fileName(baseline.toString()) + ": " + plural(tally.fresh, "new finding")
            + ", " + tally.unchanged + " unchanged, " + tally.tracker.absent() + " gone (only new findings are reported)");
      }
      err.println(summary(run, tally, visible, elapsed(started)));
      byRule(tally).ifPresent(err::println);
    }
    if (!run.internalErrors().isEmpty()) {
      return ExitCodes.INTERNAL;
    }
    if (!run.inputProblems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    return tally.atLeast(level) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /**
   * Opens every report, lints with the findings streamed into them (the reports other than SARIF
   * get only what is new against a baseline) and finishes them; a report to a file replaces it only
   * when the whole run was written.
   */
  private LintRun lintAndReport(Linter linter, Inputs.Expansion inputs, List<Output> plan, Report.Header header,
      Tally tally, Visibility visible, Severity level, long started) {
    List<Opened> reports = new ArrayList<>();
    try {
      for (Output o : plan) {
        boolean toFile = o.output != null;
        Reporter reporter = o.format == Format.junit ? new JunitReporter(level)
            : Reporter.forFormat(o.format.name(), !toFile && o.format == Format.text && env.color());
        AtomicFile.Pending file = null;
        if (toFile) {
          Path target = env.workingDir().resolve(o.output);
          try {
            file = AtomicFile.open(target);
          } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot write the report to " + target + ": "
                + AtomicFile.describe(e));
          }
        }
        Opened opened = new Opened(reporter.showsBaselineState(), file);
        reports.add(opened);
        opened.failed = true; // until its start is written
        opened.session = reporter.open(header, file == null ? spec.commandLine().getOut() : file.writer());
        opened.failed = false;
      }
      LintRun run = linter.lint(inputs.files(), inputs.problems(), env::stdin, new FindingSink() {
        @Override
        public void part(SourceFile file, List<Finding> findings) {
          List<Finding> shown = visible.count(tally.add(findings));
          List<Finding> all = visible.shown(findings);
          for (Opened o : reports) {
            o.write(s -> s.part(file, o.all ? all : shown));
          }
        }

        @Override
        public void file(SourceFile file, List<Finding> findings, InputProblem unreadable) {
          List<Finding> shown = visible.count(tally.add(findings));
          List<Finding> all = visible.shown(findings);
          for (Opened o : reports) {
            o.write(s -> s.file(file, o.all ? all : shown, unreadable));
          }
        }

        @Override
        public void rest(List<Finding> findings) {
          List<Finding> shown = visible.count(tally.add(findings));
          List<Finding> all = visible.shown(findings);
          for (Opened o : reports) {
            o.write(s -> s.rest(o.all ? all : shown));
          }
        }
      });
      Duration elapsed = elapsed(started);
      for (Opened o : reports) {
        o.write(s -> s.finish(run, elapsed));
      }
      // only when every report is complete does any replace its file
      for (Opened o : reports) {
        if (o.file != null) {
          o.failed = true;
          o.file.commit();
          o.failed = false;
        }
      }
      return run;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      Opened failed = reports.stream().filter(o -> o.failed).findFirst().orElse(null);
      String where = failed != null && failed.file != null ? " to " + failed.file.target() : "";
      throw new UserException(ExitCodes.USAGE, "cannot write the report" + where + ": " + AtomicFile.describe(cause));
    } finally {
      for (Opened o : reports) {
        if (o.file != null) {
          o.file.abandon();
        }
      }
    }
  }

  /** A report being written, and whether writing it failed. */
  private static final class Opened {
    Reporter.Session session;
    /** Whether the report shows every finding with its baseline state, not only the new ones. */
    final boolean all;
    final AtomicFile.Pending file;
    boolean failed;

    Opened(boolean all, AtomicFile.Pending file) {
      this.all = all;
      this.file = file;
    }

    interface Step {
      void on(Reporter.Session s) throws IOException;
    }

    void write(Step step) {
      try {
        step.on(session);
      } catch (IOException e) {
        failed = true;
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * What the run found, counted as it goes: the summary line, the exit code and the baseline line.
   * With a baseline, the counts are of the new findings only, as the reports other than SARIF are.
   */
  static final class Tally {
    private final Baseline.Comparison baseline;
    private final Baseline.Tracker tracker;
    final long[] counts = new long[Severity.values().length];
    /** Unsuppressed (new) findings per rule name, for the summary. */
    final java.util.Map<String, Long> byRule = new java.util.HashMap<>();
    long suppressed;
    long fresh;
    long unchanged;

    Tally(Baseline.Comparison baseline, Baseline.Tracker tracker) {
      this.baseline = baseline;
      this.tracker = tracker;
    }

    /** Counts the findings; returns those that are new (all of them without a baseline). */
    List<Finding> add(List<Finding> findings) {
      for (Finding f : findings) {
        if (tracker != null) {
          tracker.see(f);
        }
        boolean isNew = baseline == null || baseline.isNew(f);
        if (!f.isSuppressed() && baseline != null) {
          if (isNew) {
            fresh++;
          } else {
            unchanged++;
          }
        }
        if (!isNew) {
          continue;
        }
        if (f.isSuppressed()) {
          suppressed++;
        } else {
          counts[f.severity().ordinal()]++;
          byRule.merge(f.rule().name(), 1L, Long::sum);
        }
      }
      return baseline == null ? findings : findings.stream().filter(baseline::isNew).toList();
    }

    long count(Severity s) {
      return counts[s.ordinal()];
    }

    /** Unsuppressed (new) findings at or above {@code level}; {@code null} means never. */
    boolean atLeast(Severity level) {
      if (level == null) {
        return false;
      }
      for (Severity s : Severity.values()) {
        if (s.atLeast(level) && counts[s.ordinal()] > 0) {
          return true;
        }
      }
      return false;
    }
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

  /**
   * Leaves out of the inputs each earlier JSON or SARIF report of podlint's ({@link PriorReport})
   * that a directory walk found and that an {@code -o} of this run replaces: running
   * {@code podlint lint . -f json -o report.json} twice works. A file named on the command line
   * stays an input, so writing over it is refused as usual.
   */
  private Inputs.Expansion leaveOutPriorReports(Inputs.Expansion inputs, PrintWriter err) {
    Set<Path> named = new HashSet<>();
    for (String arg : paths) {
      try {
        Path p = env.workingDir().resolve(arg);
        if (!arg.equals("-") && Files.isRegularFile(p)) {
          named.add(p.toRealPath());
        }
      } catch (IOException | java.nio.file.InvalidPathException e) {
        // not a readable file: the expansion reports it
      }
    }
    Inputs.Expansion kept = inputs;
    for (Output o : outputs) {
      if (o.output == null) {
        continue;
      }
      Path target;
      try {
        target = OutputTargets.target(env.workingDir().resolve(o.output));
      } catch (java.nio.file.InvalidPathException e) {
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

  /**
   * The reports to write, checked before anything is linted: text to standard output by default;
   * a lone {@code -o FILE} writes text; with several reports every one names its format, at most one
   * goes to standard output, and no report goes to an input of the run or to the file of another.
   */
  private List<Output> plan(OutputTargets targets) {
    if (outputs.isEmpty()) {
      Output text = new Output();
      text.format = Format.text;
      return List.of(text);
    }
    List<Output> plan = new ArrayList<>();
    Output toStdout = null;
    for (Output o : outputs) {
      if (o.format == null) {
        if (outputs.size() > 1) {
          throw new UserException(ExitCodes.USAGE, "--output " + o.output + " has no --format: when writing several "
              + "reports, give each its format (-f sarif -o report.sarif -f text)");
        }
        o.format = Format.text;
      }
      if (o.output == null) {
        if (toStdout != null) {
          throw new UserException(ExitCodes.USAGE, "both " + toStdout.format + " and " + o.format + " would go to "
              + "standard output: follow all but one --format with --output FILE");
        }
        toStdout = o;
      } else {
        targets.claim(env.workingDir().resolve(o.output), o.output.toString(), "the " + o.format + " report");
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

  /** The time since {@code started} ({@link System#nanoTime}), unless the run pinned it. */
  private Duration elapsed(long started) {
    Duration pinned = env.pinned().elapsed();
    return pinned != null ? pinned : Duration.ofNanos(System.nanoTime() - started);
  }

  static String summary(LintRun r, Tally t, Visibility v, Duration elapsed) {
    StringBuilder sb = new StringBuilder("podlint: ");
    sb.append(plural(r.files(), "file")).append(", ").append(plural(r.objects(), "object")).append(": ");
    sb.append(plural(t.count(Severity.ERROR), "error")).append(", ")
        .append(plural(t.count(Severity.WARNING), "warning")).append(", ")
        .append(plural(t.count(Severity.NOTE), "note"));
    List<String> aside = new ArrayList<>();
    if (t.suppressed > 0) {
      aside.add(t.suppressed + " suppressed");
    }
    if (v.hidden() > 0) {
      aside.add(v.hidden() + " below " + v.level() + " not shown");
    }
    if (!aside.isEmpty()) {
      sb.append(" (").append(String.join("; ", aside)).append(")");
    }
    sb.append(String.format(Locale.ROOT, " in %.2f s", elapsed.toNanos() / 1e9));
    return sb.toString();
  }

  /** More unsuppressed findings than this, and the summary adds a line with the rules that gave the most. */
  static final int MANY = 20;

  /** How many rules that line names before it counts the rest. */
  static final int TOP_RULES = 5;

  /**
   * {@code podlint: most findings: run-as-root 31, missing-seccomp-profile 12, ... and 4 more rules (9)}:
   * the rules with the most unsuppressed findings (hidden ones included), when there are more than
   * {@link #MANY}; empty otherwise.
   */
  static java.util.Optional<String> byRule(Tally t) {
    long total = t.byRule.values().stream().mapToLong(Long::longValue).sum();
    if (total <= MANY) {
      return java.util.Optional.empty();
    }
    List<java.util.Map.Entry<String, Long>> rules = new ArrayList<>(t.byRule.entrySet());
    rules.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(java.util.Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (java.util.Map.Entry<String, Long> e : rules.subList(0, Math.min(TOP_RULES, rules.size()))) {
      parts.add(e.getKey() + " " + e.getValue());
    }
    StringBuilder sb = new StringBuilder("podlint: most findings: ").append(String.join(", ", parts));
    if (rules.size() > TOP_RULES) {
      long rest = rules.subList(TOP_RULES, rules.size()).stream().mapToLong(java.util.Map.Entry::getValue).sum();
      sb.append(" and ").append(plural(rules.size() - TOP_RULES, "more rule")).append(" (").append(rest).append(")");
    }
    return java.util.Optional.of(sb.toString());
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
