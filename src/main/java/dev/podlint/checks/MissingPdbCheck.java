package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Controller;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * missing-pdb: a controller of a kind the rule's {@code appliesTo} takes that may run several pods
 * ({@link Replicas#mayRunSeveral}) and whose pods no PodDisruptionBudget of the input selects in its
 * namespace. The pods of a Rollout with a {@code workloadRef} are those of the template it names
 * ({@link Inventory#podsOf}); it is not judged when the input does not hold that template. The rule judges
 * only inputs that say they are complete enough: the input holds at least one PodDisruptionBudget,
 * or some object is annotated {@code podlint.io/application: "true"}; otherwise a missing budget
 * may simply live elsewhere.
 *
 * <p>A budget selects pods as the disruption controller does: {@code matchLabels} and
 * {@code matchExpressions} against the pod template's labels; a null selector selects nothing,
 * an empty one ({@code {}}) every pod of its namespace in policy/v1 and nothing in v1beta1.
 * Template text counts as a match. A missing namespace on either side matches any.
 *
 * <p>Reported at the pod template's {@code labels} key (what a budget must select; a Rollout with a
 * {@code workloadRef} at its {@code spec} key); variants:
 * {@code otherNamespace} when only a budget in another namespace would select the pods (related
 * location: that budget's selector), {@code noLabels} when the pods have no labels to select.
 *
 * <p>Cost: budgets with {@code matchLabels} look only at the controllers that carry one of those
 * labels (an index built once per run); the others scan the candidates once.
 */
public final class MissingPdbCheck implements Check.RunCheck {
  /** A budget with its parsed selector; {@code selector} is empty when it selects nothing. */
  private record Budget(K8sObject object, Optional<LabelSelector> selector, YNode selectorAt) {
    String namespace() {
      return object.namespace();
    }
  }

  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    if (inventory.disruptionBudgets().isEmpty() && !inventory.isApplication()) {
      return;
    }
    List<Controller> candidates = new ArrayList<>();
    Map<Controller, Map<String, String>> podLabels = new IdentityHashMap<>();
    Map<String, List<Controller>> byLabel = new HashMap<>();
    for (Controller c : inventory.controllers()) {
      Controller pods = inventory.podsOf(c);
      if (pods != null && out.apply(c.object()).applies() && Replicas.mayRunSeveral(c, inventory.autoscalersOf(c))) {
        candidates.add(c);
        podLabels.put(c, pods.podLabels());
        pods.podLabels().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(c));
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    List<Budget> budgets = new ArrayList<>();
    for (K8sObject pdb : inventory.disruptionBudgets()) {
      budgets.add(budget(pdb));
    }
    Set<Controller> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Controller, Budget> elsewhere = new IdentityHashMap<>();
    for (Budget b : budgets) {
      if (b.selector().isEmpty()) {
        continue;
      }
      LabelSelector s = b.selector().get();
      List<Controller> looked = candidates;
      for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
        List<Controller> c = byLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
        if (looked == candidates || c.size() < looked.size()) {
          looked = c;
        }
      }
      for (Controller c : looked) {
        if (covered.contains(c) || !s.matches(podLabels.get(c)).possible()) {
          continue;
        }
        if (Services.sameNamespace(b.namespace(), c.namespace())) {
          covered.add(c);
        } else {
          elsewhere.putIfAbsent(c, b);
        }
      }
    }
    for (Controller c : candidates) {
      if (covered.contains(c)) {
        continue;
      }
      Findings.Builder f = out.apply(c.object()).at(c.labelsAt()).arg("kind", c.kind()).arg("name", Replicas.name(c))
          .arg("labels", Services.describe(podLabels.get(c)));
      Budget other = elsewhere.get(c);
      if (podLabels.get(c).isEmpty()) {
        f.variant("noLabels");
      } else if (other != null) {
        f.variant("otherNamespace").arg("pdb", other.object().name() == null ? "(unnamed)" : other.object().name())
            .arg("pdbNamespace", other.namespace()).arg("namespace", c.namespace())
            .related(other.object().file(), other.selectorAt().span(), Map.of());
      }
      f.report();
    }
  }

  /**
   * The selector of a budget: none for a null or missing selector, and for an empty one in
   * policy/v1beta1; an empty one in policy/v1 selects every pod of the namespace.
   */
  private static Budget budget(K8sObject pdb) {
    Optional<YMap> spec = pdb.root().map("spec");
    Optional<YMap.Entry> sel = spec.flatMap(s -> s.entry("selector"));
    YNode at = sel.<YNode>map(YMap.Entry::key).or(() -> pdb.root().keyNode("spec")).orElse(pdb.root());
    Optional<LabelSelector> selector = sel.flatMap(e -> LabelSelector.of(e.value()));
    if (selector.isPresent() && selector.get().isEmpty() && !pdb.apiVersion().equals("policy/v1")) {
      selector = Optional.empty();
    }
    return new Budget(pdb, selector, at);
  }
}
