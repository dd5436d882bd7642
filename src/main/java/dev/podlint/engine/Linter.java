package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.load.ManifestText;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs rules over inputs: binds each rule to its check and lints through one pipeline, the
 * {@link Scheduler} (files and the parts of a large file in parallel, handed over in order), the
 * per-file {@link FileRunner} (read, load, build views, run every applicable check) and the
 * {@link Finisher} (suppressions, fingerprints, the cross-object rules, the run's problems). The
 * result does not depend on the order or the number of threads.
 */
public final class Linter {
  /** The invalid-yaml rule is produced by the loader itself. */
  public static final String INVALID_YAML = "invalid-yaml";

  private final List<RuleDefinition> rules;
  private final Scheduler scheduler;

  /**
   * A linter that runs the given rules (from the catalog), their Java checks made by
   * {@code checks}.
   */
  public Linter(RuleCatalog catalog, Collection<RuleDefinition> enabled, LintOptions options, CheckFactory checks) {
    this.rules = enabled.stream().sorted(Comparator.comparing(RuleDefinition::id)).distinct().toList();
    RuleDefinition iy = null;
    // rules that share a classification read each other's definitions: the run's own, else the catalog's
    Map<String, RuleDefinition> byName = new HashMap<>();
    rules.forEach(r -> byName.put(r.name(), r));
    Function<String, RuleDefinition> lookup = n -> byName.containsKey(n) ? byName.get(n) : catalog.get(n);
    List<CheckRunner.Bound> bound = new ArrayList<>();
    for (RuleDefinition r : rules) {
      if (r.engine() == dev.podlint.rule.Engine.JAVA) {
        bound.add(new CheckRunner.Bound(r, checks.create(r, options, lookup)));
      } else if (r.isDeclarative()) {
        bound.add(new CheckRunner.Bound(r, DeclarativeCheck.create(r)));
      } else if (r.name().equals(INVALID_YAML)) {
        iy = r;
      }
    }
    // the ids of the cross-object rules, whose findings are known only at the end of a run
    Set<String> runLevel = bound.stream().filter(b -> b.check() instanceof Check.RunCheck).map(b -> b.rule().id())
        .collect(Collectors.toUnmodifiableSet());
    Fingerprints fingerprints = new Fingerprints(options.fingerprintRoot());
    // what the networking model knows about images and injected sidecars (read by the inventory too)
    CheckRunner runner = new CheckRunner(bound, rules, catalog, fingerprints, dev.podlint.net.NetKnowledge.of(lookup),
        options.workloadKinds());
    // a file read in one go is checked in groups of documents unless an exemption's name pattern
    // could then give up in one group and not another
    boolean groups = options.exemptions().stream().allMatch(e -> e.name() == null);
    this.scheduler = new Scheduler(new FileRunner(catalog, runner, fingerprints, iy, groups),
        sink -> new Finisher(sink, rules, catalog, options, runLevel, runner, fingerprints), runner.isEmpty());
  }

  /** A linter with every rule that is enabled by default. */
  public static Linter withDefaults(RuleCatalog catalog, LintOptions options, CheckFactory checks) {
    return new Linter(catalog, catalog.all().stream().filter(RuleDefinition::enabledByDefault).toList(), options,
        checks);
  }

  public List<RuleDefinition> rules() {
    return rules;
  }

  /**
   * Lints files and returns everything at once (tests, editors, small runs): the findings in the
   * order a {@link FindingSink} gets them. {@code stdin} is read for the {@code <stdin>} input.
   */
  public LintResult lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin) {
    FindingCollector all = new FindingCollector();
    return all.result(lint(files, alreadyFailed, stdin, all));
  }

  /**
   * Lints files and streams their findings to {@code sink} as they are final, in bounded memory
   * (see {@link Scheduler}).
   */
  public LintRun lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin,
      FindingSink sink) {
    return scheduler.lint(files, alreadyFailed, stdin, sink);
  }

  /** Lints text that is already in memory (tests, editors). */
  public LintResult lintText(SourceFile file, String text) {
    return lintText(file, text, RunConfigMaps.NONE);
  }

  /**
   * Lints text that is already in memory, whose pods may mount the ConfigMaps of
   * {@code configMaps} (other inputs of the same run, see {@link #configMaps}).
   */
  public LintResult lintText(SourceFile file, String text, RunConfigMaps configMaps) {
    FindingCollector all = new FindingCollector();
    return all.result(scheduler.lintText(ManifestText.of(file, text), configMaps, all));
  }

  /**
   * Lints texts already in memory together, as one run lints files (editors): the cross-object
   * rules see every one of them, and their pods may mount each other's ConfigMaps. A failure while
   * preparing one text is an internal error of that text, and the others are still linted.
   */
  public LintResult lintTexts(Map<SourceFile, String> texts) {
    FindingCollector all = new FindingCollector();
    return all.result(scheduler.lintTexts(texts, all));
  }

  /**
   * The threads a run started on this thread lints on (the calling fork-join task's pool, else a
   * thread per processor), on which a report may render its findings too.
   */
  public static ForkJoinPool workers() {
    return Scheduler.pool();
  }

  /** How many pieces of work a run keeps in flight on {@code pool} ahead of the one being reported. */
  public static int window(ForkJoinPool pool) {
    return Scheduler.window(pool);
  }

  /** How an internal error caused by a lack of memory starts, after the file's name. */
  public static final String OUT_OF_MEMORY = "out of memory";

  /** The ConfigMaps of texts already in memory, for {@link #lintText(SourceFile, String, RunConfigMaps)}. */
  public static RunConfigMaps configMaps(Map<SourceFile, String> texts) {
    return RunConfigMapsReader.read(List.copyOf(texts.keySet()),
        f -> texts.get(f).getBytes(StandardCharsets.UTF_8), ForkJoinPool.commonPool());
  }
}
