package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.model.BoundedRegex;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Predicate;

/**
 * The in-order half of a run, on one thread: takes the files in name order and the parts of each
 * file in file order (linting the parts of a large file in parallel, a few ahead of the one being
 * reported), hands each file's findings to a {@link FileOrder}, and keeps only what the end of the
 * run needs: the cross-object rules' compact inventory, the suppressions that name them, and what
 * is counted or reported once per run.
 */
final class InOrder {
  private final FindingSink sink;
  private final List<RuleDefinition> rules;
  private final RuleCatalog catalog;
  private final List<Exemption> exemptions;
  private final Set<String> runLevel;
  private final boolean namePatterns;
  private final CheckRunner checks;
  private final Fingerprints fingerprints;
  private final Inventory inventory = new Inventory();
  private final List<InputProblem> problems = new ArrayList<>();
  private final List<String> internal = new ArrayList<>();
  /** Suppressions that name a cross-object rule: whether they did something is known at the end. */
  private final List<Suppressions.FileDirectives> pending = new ArrayList<>();
  private final Set<String> oncePerRun = new HashSet<>();
  /** Exemption name patterns stopped on an object, reported once (see Suppressions.apply). */
  private final Set<String> stopped = new HashSet<>();
  /**
   * How often each fingerprint of the rules whose findings come both per file and at the end
   * ({@code unused-suppression}, {@code regex-too-slow}) was given: their repeats are numbered
   * across the whole run, as one list of findings would number them.
   */
  private final Map<String, Integer> seenAcross = new HashMap<>();
  private int documents;
  private int objects;

  InOrder(FindingSink sink, List<RuleDefinition> rules, RuleCatalog catalog, LintOptions options,
      Set<String> runLevel, CheckRunner checks, Fingerprints fingerprints) {
    this.sink = sink;
    this.rules = rules;
    this.catalog = catalog;
    this.exemptions = options.exemptions();
    this.runLevel = runLevel;
    this.namePatterns = exemptions.stream().anyMatch(e -> e.name() != null);
    this.checks = checks;
    this.fingerprints = fingerprints;
  }

  /** One file, read and prepared; its parts are linted in {@code pool}, at most {@code window} ahead. */
  void file(FileWork w, ForkJoinPool pool, int window, PartLinter linter) {
    documents += w.documents;
    objects += w.objects;
    internal.addAll(w.internalErrors);
    if (w.problem != null) {
      problems.add(w.problem);
    }
    FileOrder order = new FileOrder(this, w.file, w.comments, w.survey != null ? w.objects() : null, w.fileFindings);
    if (w.whole != null) {
      order.part(w.whole, null);
    } else if (w.survey != null) {
      int parts = w.parts();
      ArrayDeque<ForkJoinTask<Part>> inFlight = new ArrayDeque<>();
      int next = 0;
      while (next < parts || !inFlight.isEmpty()) {
        while (inFlight.size() < window && next < parts) {
          int k = next++;
          Set<BoundedRegex> before = Set.copyOf(order.gaveUp());
          inFlight.add(pool.submit(() -> linter.lint(w, k, before)));
        }
        Part p = inFlight.poll().join();
        if (!p.startedWith.equals(order.gaveUp())) {
          // a pattern ran out of steps in an earlier part after this one started: lint it again as
          // a file read in one go would have, with that pattern given up
          p = linter.lint(w, p.index, Set.copyOf(order.gaveUp()));
        }
        order.part(p, p.index + 1 < parts ? w.start(p.index + 1) : null);
      }
    }
    order.end(w.problem);
  }

  /** Lints part {@code index} of a prepared file, the patterns {@code gaveUp} having run out of steps before it. */
  interface PartLinter {
    Part lint(FileWork w, int index, Set<BoundedRegex> gaveUp);
  }

  /** What a part adds to the run: its internal errors and its share of the inventory. */
  void add(Part p) {
    internal.addAll(p.internalErrors);
    if (p.inventory != null) {
      inventory.addAll(p.inventory);
    }
  }

  /** Applies the suppressions of {@code matching} and the exemptions; judges those of {@code reported}. */
  List<Finding> suppress(List<Finding> findings, List<Suppressions.FileDirectives> matching,
      List<Suppressions.FileDirectives> reported) {
    return Suppressions.apply(findings, matching, reported, exemptions, rules, catalog, this::perFile, true, stopped);
  }

  /** Whether a rule's findings are all known once its file is (not a cross-object rule). */
  boolean perFile(RuleDefinition r) {
    return !runLevel.contains(r.id());
  }

  /**
   * Keeps suppressions for the end of the run when they name a rule whose findings come then (a
   * cross-object rule, or {@code regex-too-slow} when an exemption's name pattern may be stopped
   * there); {@code detach} drops the trees they hold.
   */
  void keepForTheEnd(Suppressions.FileDirectives fd, boolean detach) {
    Predicate<RuleDefinition> later = x -> runLevel.contains(x.id())
        || namePatterns && x.name().equals(SlowRegexes.RULE);
    if (Suppressions.names(fd, later)) {
      pending.add(detach ? OpenSuppressions.detached(fd) : fd);
    }
  }

  /** Whether {@code f} is reported: not a repeat of a finding that counts once per run. */
  boolean firstOfRun(Finding f) {
    return !f.rule().oncePerRun() || oncePerRun.add(f.rule().id() + "\u0000" + f.message());
  }

  FindingSink sink() {
    return sink;
  }

  List<RuleDefinition> rules() {
    return rules;
  }

  Fingerprints fingerprints() {
    return fingerprints;
  }

  Map<String, Integer> seenAcross() {
    return seenAcross;
  }

  /** Runs the cross-object rules, reports their findings and the run's problems. */
  LintRun finish(List<InputProblem> alreadyFailed, int files) {
    List<Finding> found = new ArrayList<>();
    checks.runChecks(inventory, found, internal);
    // the suppressions of cross-object rules in files already reported, and no problem a second time
    found = Suppressions.apply(found, pending, exemptions, rules, catalog, x -> runLevel.contains(x.id()), false,
        stopped);
    found.sort(Finding.ORDER);
    List<Finding> out = new ArrayList<>(found.size());
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : FileOrder.withoutSecretsInFixes(found)) {
      if (firstOfRun(f)) {
        Map<String, Integer> counts = Fingerprints.acrossRun(f) ? seenAcross : seen;
        out.add(FileOrder.withTemplate(Fingerprints.numbered(f, fingerprints.hash(f), counts)));
      }
    }
    sink.rest(List.copyOf(out));
    problems.addAll(alreadyFailed);
    // reported in a fixed order, whatever the order of the paths and of the threads
    problems.sort(Comparator.comparing(InputProblem::input).thenComparing(InputProblem::message));
    internal.sort(null);
    return new LintRun(rules, List.copyOf(problems), List.copyOf(internal), files, documents, objects);
  }
}
