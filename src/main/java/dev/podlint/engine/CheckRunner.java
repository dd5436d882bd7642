package dev.podlint.engine;

import dev.podlint.load.Document;
import dev.podlint.load.LoadedFile;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ContainerView;
import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.net.NetKnowledge;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the checks of a run over documents: every object rule on every object of a part of a file
 * (a run of its documents), and the cross-object rules over the run's inventory at the end. A part
 * is linted on its own, on any thread: what it needs of the rest of its file comes from the file's
 * objects ({@link FileObjects}), and what the rest of the run needs of it is in its {@link Part}.
 */
final class CheckRunner {
  /** A rule with its check. */
  record Bound(RuleDefinition rule, Check check) {}

  private final List<Bound> checks;
  private final RuleCatalog catalog;
  private final RuleDefinition regexTooSlow;
  private final RuleDefinition typeProblems;
  private final boolean hasRunChecks;
  private final Fingerprints fingerprints;
  /** What the networking model knows about images and injected sidecars (read by the inventory too). */
  private final NetKnowledge netKnowledge;

  /** The kinds that carry pods in this run (the {@link WorkloadKinds#current} table of its threads). */
  private final WorkloadKinds workloadKinds;

  CheckRunner(List<Bound> checks, List<RuleDefinition> rules, RuleCatalog catalog, Fingerprints fingerprints,
      NetKnowledge netKnowledge, WorkloadKinds workloadKinds) {
    this.workloadKinds = workloadKinds;
    this.checks = List.copyOf(checks);
    this.catalog = catalog;
    this.regexTooSlow = rule(rules, SlowRegexes.RULE);
    this.typeProblems = rule(rules, TypeProblems.RULE);
    this.hasRunChecks = checks.stream().anyMatch(b -> b.check instanceof Check.RunCheck);
    this.fingerprints = fingerprints;
    this.netKnowledge = netKnowledge;
  }

  /** Whether the run has no check at all (no object rule and no cross-object rule). */
  boolean isEmpty() {
    return checks.isEmpty();
  }

  private static RuleDefinition rule(List<RuleDefinition> rules, String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Lints the documents of part {@code index} of {@code file}, whose objects are {@code objects};
   * {@code gaveUp} are the patterns that ran out of steps earlier in the file (see
   * {@link BoundedRegex#startScope(Set)}); its pods may mount the ConfigMaps of {@code configMaps}
   * (the run's other files). A check that fails is an internal error; the others go on.
   */
  Part lint(SourceFile file, FileObjects objects, int index, List<Document> documents, Set<BoundedRegex> gaveUp,
      RunConfigMaps configMaps) {
    WorkloadKinds before = WorkloadKinds.use(workloadKinds);
    try {
      return lintPart(file, objects, index, documents, gaveUp, configMaps);
    } finally {
      WorkloadKinds.use(before);
    }
  }

  private Part lintPart(SourceFile file, FileObjects objects, int index, List<Document> documents,
      Set<BoundedRegex> gaveUp, RunConfigMaps configMaps) {
    Part part = new Part(index, gaveUp);
    BoundedRegex.startScope(gaveUp); // this file's objects, on this thread
    List<K8sObject> own = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Document d : documents) {
      own.addAll(d.objects());
      findings.addAll(TypeProblems.of(typeProblems, file, d.typeProblems()));
    }
    part.annotations = Suppressions.read(new LoadedFile(file, own, documents.size(), Optional.empty()), catalog);
    for (K8sObject o : own) {
      PodView pod = PodView.of(o, objects, configMaps).orElse(null);
      if (hasRunChecks) {
        if (part.inventory == null) {
          part.inventory = new Inventory();
        }
        part.inventory.add(o, pod, netKnowledge);
      }
      findings.addAll(check(o, pod, part.internalErrors));
    }
    part.findings.addAll(fingerprints.hashed(findings));
    part.gaveUp = BoundedRegex.gaveUp();
    return part;
  }

  /** The findings of every object rule that applies to {@code o}. */
  private List<Finding> check(K8sObject o, PodView pod, List<String> internalErrors) {
    List<Finding> found = new ArrayList<>();
    WorkloadKind row = pod != null ? pod.workloadKind() : WorkloadKinds.current().find(o).orElse(null);
    for (Bound b : checks) {
      if (b.check instanceof Check.RunCheck || !b.rule.appliesTo(o.kind(), row)) {
        continue;
      }
      Findings out = new Findings(b.rule, o, found);
      try {
        if (b.check instanceof Check.ObjectCheck c) {
          c.check(o, out);
        } else if (b.check instanceof Check.PodCheck c) {
          if (pod != null) {
            c.check(pod, out);
          }
        } else if (b.check instanceof Check.ContainerCheck c && pod != null) {
          for (ContainerView cv : pod.containers()) {
            c.check(pod, cv, out);
          }
        }
      } catch (BoundedRegex.TooSlowException e) {
        SlowRegexes.report(regexTooSlow, e, b.rule, o, found);
      } catch (RuntimeException | StackOverflowError e) {
        internalErrors.add(o.file().displayName() + ": rule " + b.rule.name() + " failed on " + o.identity()
            + ": " + describe(e));
      }
    }
    return found;
  }

  /** Runs the cross-object rules over the whole run's inventory. */
  void runChecks(Inventory inventory, List<Finding> findings, List<String> internal) {
    WorkloadKinds before = WorkloadKinds.use(workloadKinds);
    try {
      runAll(inventory, findings, internal);
    } finally {
      WorkloadKinds.use(before);
    }
  }

  private void runAll(Inventory inventory, List<Finding> findings, List<String> internal) {
    for (Bound b : checks) {
      if (!(b.check instanceof Check.RunCheck c)) {
        continue;
      }
      List<Finding> found = new ArrayList<>();
      try {
        c.check(inventory, o -> new Findings(b.rule, o, found));
      } catch (RuntimeException | StackOverflowError e) {
        internal.add("rule " + b.rule.name() + " failed: " + describe(e));
      }
      findings.addAll(found);
    }
  }

  static String describe(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    String where = st.length > 0 ? " at " + st[0] : "";
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where;
  }
}
