package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * service-selects-no-pods: a Service whose selector matches the pod labels of no workload of the
 * run's input in its namespace gets no endpoints. Silent where the input cannot tell: no workload
 * at all (a file of Services linted alone), none in the Service's namespace, the control plane's
 * static pods, pods a custom resource of the input probably owns ({@link Services.Selection#mayOwnPods}),
 * and workloads whose labels or namespace are unrendered template text and might match.
 *
 * <p>Reports at the {@code selector} key. The message names the closest workload when there is
 * one, with its pod labels as the related location: first a workload in another namespace that the
 * selector matches (variant {@code otherNamespace}); else one that shares selector labels with the
 * same value and has the other keys with other values (variant {@code near}); else one that has
 * the selector's keys with a similar value ({@code dont-fire} for {@code dontfire}).
 *
 * <p>Cost: one selection per Service (the inventory's label index); the index for hints and
 * templates is built once per run, only when some Service selects nothing, and hints look only at
 * the candidates of each selector label and the distinct values of each selector key.
 */
public final class ServiceSelectsNoPodsCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    if (inventory.workloads().isEmpty()) {
      return; // only Services in the input: nothing to say about their pods
    }
    Services.Selection selection = new Services.Selection(inventory);
    Index index = null;
    for (K8sObject service : inventory.services()) {
      Optional<Services.Selecting> found = Services.of(service);
      if (found.isEmpty()) {
        continue;
      }
      Services.Selecting s = found.get();
      if (selectsControlPlane(s) || !selection.select(s.namespace(), s.selector()).isEmpty()
          || selection.mayOwnPods(s.namespace(), s.selector(), true).isPresent()) {
        continue;
      }
      if (index == null) {
        index = new Index(inventory.workloads());
      }
      if (index.mightMatch(s)) {
        continue;
      }
      List<Workload> elsewhere = selection.select(null, s.selector());
      if (elsewhere.stream().anyMatch(w -> Services.sameNamespace(s.namespace(), w.namespace()))) {
        continue; // a workload whose namespace is unrendered template text
      }
      if (elsewhere.isEmpty() && s.namespace() != null && !index.namespaces.contains(s.namespace())) {
        continue; // the input holds no workload of this namespace (kube-system, another team's)
      }
      Findings.Builder b = out.apply(service).at(s.selectorKey()).arg("selector", Services.describe(s.selector()));
      Workload hint;
      if (!elsewhere.isEmpty()) {
        hint = elsewhere.get(0);
        b.variant("otherNamespace").arg("namespace", s.namespace());
      } else {
        hint = nearest(s, inventory, index);
        if (hint != null) {
          b.variant("near");
        }
      }
      if (hint != null) {
        b.arg("workload", Services.name(hint)).arg("labels", shown(s.selector(), hint))
            .related(hint.file(), hint.labelsAt(),
                Map.of("workload", Services.name(hint), "podLabels", Services.describe(hint.labels())));
      }
      b.report();
    }
  }

  /** The labels kubeadm gives the control plane's static pods in kube-system. */
  private static final Set<String> CONTROL_PLANE = Set.of("kube-apiserver", "kube-controller-manager",
      "kube-scheduler", "etcd");

  /**
   * Whether {@code s} selects the control plane's static pods ({@code component: kube-scheduler},
   * {@code tier: control-plane} in kube-system, as Prometheus discovery Services do): the kubelet
   * creates them from files on the control-plane nodes, never from the input.
   */
  private static boolean selectsControlPlane(Services.Selecting s) {
    String component = s.selector().get("component");
    return (s.namespace() == null || s.namespace().equals("kube-system"))
        && (component != null && CONTROL_PLANE.contains(component) || "control-plane".equals(s.selector().get("tier")));
  }

  /**
   * The workload closest to what {@code s} selects. First one that shares a selector label with the
   * same value and has every other selector key with another value (or lacks just one key but
   * shares two labels), with the most shared labels; else one that has every selector key and a
   * value similar to the wanted one ({@code dont-fire} for {@code dontfire}). A workload that shares
   * only a generic label ({@code app.kubernetes.io/part-of}) and lacks the rest is not a hint.
   */
  private static Workload nearest(Services.Selecting s, Inventory inventory, Index index) {
    Set<Workload> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Workload best = null;
    int bestScore = 0;
    for (Map.Entry<String, String> e : s.selector().entrySet()) {
      for (Workload w : inventory.selectedBy(s.namespace(), Map.of(e.getKey(), e.getValue()))) {
        if (!seen.add(w)) {
          continue;
        }
        int same = 0;
        int missing = 0;
        for (Map.Entry<String, String> want : s.selector().entrySet()) {
          String have = w.labels().get(want.getKey());
          if (have == null) {
            missing++;
          } else if (have.equals(want.getValue())) {
            same++;
          }
        }
        int score = 2 * same - missing;
        if ((missing == 0 || missing == 1 && same >= 2) && score > bestScore) {
          best = w;
          bestScore = score;
        }
      }
    }
    if (best != null) {
      return best;
    }
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, String> e : s.selector().entrySet()) {
      for (Map.Entry<String, List<Workload>> v : index.values(e.getKey()).entrySet()) {
        if (v.getKey().equals(e.getValue()) || !similar(e.getValue(), v.getKey())) {
          continue;
        }
        int d = EditDistance.between(e.getValue(), v.getKey());
        if (d >= bestDistance) {
          continue;
        }
        for (Workload w : v.getValue()) {
          if (Services.sameNamespace(s.namespace(), w.namespace())
              && w.labels().keySet().containsAll(s.selector().keySet())) {
            best = w;
            bestDistance = d;
            break;
          }
        }
      }
    }
    return best;
  }

  /** Label values that look like one another: a small edit, or one contains the other. */
  static boolean similar(String want, String have) {
    String shorter = want.length() <= have.length() ? want : have;
    String longer = shorter == want ? have : want;
    return EditDistance.between(want, have) <= Math.max(1, shorter.length() / 3)
        || shorter.length() >= 3 && longer.contains(shorter);
  }

  /** The hinted workload's values of the selector's keys: {@code app=shop, tier=frontend, no track}. */
  private static String shown(Map<String, String> selector, Workload w) {
    List<String> parts = new ArrayList<>();
    for (String k : selector.keySet()) {
      String v = w.labels().get(k);
      parts.add(v == null ? "no " + k : k + "=" + v);
    }
    return String.join(", ", parts);
  }

  /** Built once per run: label values per key, and the workloads whose labels are unrendered templates. */
  private static final class Index {
    private final Map<String, Map<String, List<Workload>>> byKey = new HashMap<>();
    private final Map<String, List<Workload>> unrenderedValue = new HashMap<>();
    private final Set<Workload> unrenderedKey = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The namespaces the workloads name. */
    private final Set<String> namespaces = new java.util.HashSet<>();

    Index(List<Workload> workloads) {
      for (Workload w : workloads) {
        if (w.namespace() != null) {
          namespaces.add(w.namespace());
        }
        boolean keyUnrendered = false;
        for (Map.Entry<String, String> e : w.labels().entrySet()) {
          if (Templates.isUnrendered(e.getKey())) {
            keyUnrendered = true;
          } else if (Templates.isUnrendered(e.getValue())) {
            unrenderedValue.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(w);
          } else {
            byKey.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                .computeIfAbsent(e.getValue(), v -> new ArrayList<>()).add(w);
          }
        }
        if (keyUnrendered) {
          unrenderedKey.add(w);
        }
      }
    }

    Map<String, List<Workload>> values(String key) {
      return byKey.getOrDefault(key, Map.of());
    }

    /** Whether a workload with unrendered label text might satisfy {@code s}'s selector. */
    boolean mightMatch(Services.Selecting s) {
      Set<Workload> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Workload> candidates = new ArrayList<>(unrenderedKey);
      s.selector().keySet().forEach(k -> candidates.addAll(unrenderedValue.getOrDefault(k, List.of())));
      for (Workload w : candidates) {
        if (!seen.add(w) || !(Services.sameNamespace(s.namespace(), w.namespace()))) {
          continue;
        }
        boolean keyUnrendered = unrenderedKey.contains(w);
        boolean all = true;
        for (Map.Entry<String, String> e : s.selector().entrySet()) {
          String have = w.labels().get(e.getKey());
          if (!(have == null ? keyUnrendered : have.equals(e.getValue()) || Templates.isUnrendered(have))) {
            all = false;
            break;
          }
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
  }
}
