package dev.podlint.engine;

import dev.podlint.engine.Suppressions.Directive;
import dev.podlint.engine.Suppressions.FileDirectives;
import dev.podlint.engine.Suppressions.Form;
import dev.podlint.engine.Suppressions.Name;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YPath;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches findings against suppressions and records which names did something. A finding is
 * matched against the suppressions the file's {@link SuppressionIndex} gives for it, not against
 * every suppression of the file.
 */
final class SuppressionApplier {
  private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

  private final Map<SourceFile, List<FileDirectives>> byFile = new HashMap<>();
  private final List<Directive> exemptions = new ArrayList<>();
  private final Map<K8sObject, Optional<PodView>> pods = new IdentityHashMap<>();
  /** Per exemption with a name pattern: whether it matches each name the run's findings are on; absent: stopped. */
  private final Map<Exemption, Map<String, Boolean>> nameMatches = new IdentityHashMap<>();
  /** Objects on which an exemption's name pattern was stopped (key: exemption and object), in order. */
  final Map<String, Exemption> stopped = new java.util.TreeMap<>();
  final Map<String, K8sObject> stoppedOn = new HashMap<>();

  SuppressionApplier(List<FileDirectives> files, List<Exemption> configured, List<Finding> findings) {
    matchNames(configured, findings, files);
    for (FileDirectives fd : files) {
      for (SourceFile file : fd.index().files()) {
        byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(fd);
      }
    }
    for (Exemption e : configured) {
      Directive d = new Directive(Form.EXEMPTION, null);
      d.exemption = e;
      String origin = e.origin() == null || e.origin().isBlank() ? "the configuration" : e.origin();
      String reason = e.reason() == null ? "" : e.reason().strip();
      d.suppression = new Finding.Suppression(Finding.Suppression.EXTERNAL,
          reason.isEmpty() ? "exemption in " + origin : reason + " (exemption in " + origin + ")");
      exemptions.add(d);
    }
  }

  Finding apply(Finding f) {
    Directive best = null;
    int bestFile = 0;
    List<FileDirectives> of = byFile.getOrDefault(f.file(), List.of());
    for (int i = 0; i < of.size(); i++) {
      FileDirectives fd = of.get(i);
      for (Directive d : fd.index().candidates(f)) {
        fd.attempts++;
        if (d.file.equals(f.file()) && covers(d, f) && matchName(d, f) && (best == null || d.form.ordinal() < best.form.ordinal()
            || d.form == best.form && (i < bestFile || i == bestFile && d.order < best.order))) {
          // the most specific form wins; of equally specific ones, the first as written
          best = d;
          bestFile = i;
        }
      }
    }
    for (Directive d : exemptions) {
      if (best == null && exempts(d.exemption, f)) {
        best = d;
      }
    }
    return best == null ? f : f.withSuppression(best.suppression);
  }

  /**
   * Runs each exemption's name pattern over the names of the objects findings are on, in sorted
   * order, before anything is suppressed: a pattern that runs out of steps on one name is not run
   * on the later ones (see {@link BoundedRegex}), and the sorted order makes that the same in
   * every run, whatever the order of the paths and threads.
   */
  private void matchNames(List<Exemption> configured, List<Finding> findings, List<FileDirectives> files) {
    if (configured.stream().allMatch(e -> e.name() == null)) {
      return;
    }
    List<K8sObject> objects = new ArrayList<>();
    findings.forEach(f -> objects.add(f.object()));
    for (FileDirectives fd : files) {
      fd.directives.forEach(d -> objects.add(d.object));
      fd.problems.forEach(p -> objects.add(p.object()));
    }
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (K8sObject o : objects) {
      if (o != null) {
        names.add(o.name() == null ? "" : o.name());
      }
    }
    BoundedRegex.startScope();
    for (Exemption e : configured) {
      if (e.name() == null) {
        continue;
      }
      Map<String, Boolean> verdicts = new HashMap<>();
      for (String n : names) {
        try {
          verdicts.put(n, e.name().matches(n));
        } catch (BoundedRegex.TooSlowException x) {
          // stopped: no verdict, the exemption does not apply there
        }
      }
      nameMatches.put(e, verdicts);
    }
  }

  /** Whether {@code d} names the finding's rule; marks the names that do as used. */
  private static boolean matchName(Directive d, Finding f) {
    boolean hit = false;
    for (Name n : d.names) {
      if (n.rule != null && n.rule.id().equals(f.rule().id())) {
        n.used = true;
        hit = true;
      }
    }
    return hit;
  }

  /** Whether the finding lies in the scope of {@code d} (whatever rule it is of). */
  private boolean covers(Directive d, Finding f) {
    int line = f.span().start().line();
    return switch (d.form) {
      case LINE_COMMENT, DOCUMENT_COMMENT, FILE_COMMENT -> line >= d.fromLine && line <= d.toLine;
      case LIST_ANNOTATION, RULE_ANNOTATION -> sameObject(f.object(), d.object) && inside(f, d.under);
      case CONTAINER_ANNOTATION -> sameObject(f.object(), d.object) && inside(f, d.under)
          && d.container.equals(container(f).orElse(null));
      case EXEMPTION -> false;
    };
  }

  /**
   * Whether two handles name one object of one file: cross-object rules report on compact
   * handles (see Inventory) rather than the loaded tree, so identity alone is not enough.
   */
  private static boolean sameObject(K8sObject a, K8sObject b) {
    return a == b || a != null && b != null && a.documentIndex() == b.documentIndex()
        && a.file().displayName().equals(b.file().displayName()) && a.root().path().equals(b.root().path())
        && a.kind().equals(b.kind()) && java.util.Objects.equals(a.name(), b.name());
  }

  private static boolean inside(Finding f, YPath under) {
    if (under == null) {
      return true;
    }
    if (f.path() == null) {
      return false;
    }
    List<Object> seg = f.path().segments();
    List<Object> base = under.segments();
    return seg.size() >= base.size() && seg.subList(0, base.size()).equals(base);
  }

  private boolean exempts(Exemption e, Finding f) {
    if (!e.rules().isEmpty() && e.rules().stream().noneMatch(r -> r.equalsIgnoreCase(f.rule().name())
        || r.equalsIgnoreCase(f.rule().id()))) {
      return false;
    }
    K8sObject o = f.object();
    if (o == null) {
      return e.kinds().isEmpty() && e.namespaces().isEmpty() && e.name() == null && e.containers().isEmpty();
    }
    if (!e.kinds().isEmpty() && !e.kinds().contains(o.kind())) {
      return false;
    }
    if (!e.namespaces().isEmpty() && !e.namespaces().contains(o.namespace() == null ? "" : o.namespace())) {
      return false;
    }
    if (e.name() != null) {
      // every name was matched in advance (matchNames); a name without a verdict was stopped
      Boolean matches = nameMatches.get(e).get(o.name() == null ? "" : o.name());
      if (matches == null) {
        String key = e.origin() + "\u0000" + o.file().displayName() + "\u0000" + o.documentIndex() + "\u0000"
            + o.identity();
        stopped.putIfAbsent(key, e);
        stoppedOn.putIfAbsent(key, o);
        return false;
      }
      if (!matches) {
        return false;
      }
    }
    return e.containers().isEmpty() || container(f).map(e.containers()::contains).orElse(false);
  }

  /**
   * The name of the container a finding is about: the one whose entry holds the finding's
   * field ({@code spec.template.spec.containers[1]...} is the second regular container).
   */
  Optional<String> container(Finding f) {
    if (f.object() == null || f.path() == null) {
      return Optional.empty();
    }
    Optional<PodView> pod = pods.computeIfAbsent(f.object(), PodView::of);
    if (pod.isEmpty()) {
      return Optional.empty();
    }
    YMap spec = pod.get().spec();
    List<Object> seg = f.path().segments();
    List<Object> base = spec.path().segments();
    int n = base.size();
    if (seg.size() < n + 2 || !seg.subList(0, n).equals(base) || !(seg.get(n + 1) instanceof Integer i)
        || !CONTAINER_LISTS.contains(String.valueOf(seg.get(n)))) {
      return Optional.empty();
    }
    Optional<YSeq> list = spec.seq((String) seg.get(n));
    if (list.isEmpty() || i >= list.get().size() || !(list.get().get(i) instanceof YMap c)) {
      return Optional.empty();
    }
    return c.string("name");
  }
}
