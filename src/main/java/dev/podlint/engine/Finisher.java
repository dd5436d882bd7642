package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The finisher of a run, on the scheduler's thread: it is told of each file and part as the
 * {@link FileOrder}s take them, keeps only what the end of the run needs (the cross-object rules'
 * compact inventory, the suppressions that name them, and what is counted or reported once per
 * run) and ends the run: runs the cross-object rules and reports their findings and the run's
 * problems.
 */
final class Finisher {
  private final FindingSink sink;
  private final List<RuleDefinition> rules;
  private final RuleCatalog catalog;
  private final List<Exemption> exemptions;
  private final Set<String> runLevel;
  private final boolean namePatterns;
  private final CheckRunner checks;
  private final Fingerprints fingerprints;
  /** Null once the cross-object rules ran: what their findings need of it, they hold themselves. */
  private Inventory inventory = new Inventory();
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

  Finisher(FindingSink sink, List<RuleDefinition> rules, RuleCatalog catalog, LintOptions options,
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

  /** What a file adds to the run before its parts: its counts, internal errors and why it could not be read. */
  void add(FileWork w) {
    documents += w.documents;
    objects += w.objects;
    internal.addAll(w.internalErrors);
    if (w.problem != null) {
      problems.add(w.problem);
    }
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
    inventory = null; // garbage by the time the findings are numbered and rendered
    // the suppressions of cross-object rules in files already reported, and no problem a second time
    found = Suppressions.apply(found, pending, exemptions, rules, catalog, x -> runLevel.contains(x.id()), false,
        stopped);
    found.sort(Finding.ORDER);
    List<Finding> out = new ArrayList<>(found.size());
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : RedactedFixes.of(found)) {
      if (firstOfRun(f)) {
        Map<String, Integer> counts = Fingerprints.acrossRun(f) ? seenAcross : seen;
        out.add(HelmTemplates.withTemplate(Fingerprints.numbered(f, fingerprints.hash(f), counts)));
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
