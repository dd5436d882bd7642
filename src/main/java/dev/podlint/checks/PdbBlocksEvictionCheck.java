package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Controller;
import dev.podlint.engine.Autoscaler;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * pdb-blocks-eviction: a PodDisruptionBudget that allows no voluntary eviction at all, reported at
 * the value that does it:
 *
 * <ul>
 *   <li>{@code maxUnavailable: 0} or {@code "0%"} (variant {@code maxUnavailableZero});
 *   <li>{@code minAvailable: "100%"} (variant {@code minAvailableAll});
 *   <li>an integer {@code minAvailable} at least the number of pods it selects (the message): the
 *       summed {@code replicas} of the Deployments, StatefulSets, ReplicaSets and
 *       ReplicationControllers of the input whose pods it selects in its namespace, counting the
 *       {@code minReplicas} of an autoscaler that scales one (the smallest size it runs at). The
 *       first of those controllers is the related location. Not judged when a selected controller
 *       leaves its count unset without an autoscaler, sets 0, or sets template text.
 * </ul>
 */
public final class PdbBlocksEvictionCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    for (K8sObject pdb : inventory.disruptionBudgets()) {
      Optional<YMap> spec = pdb.root().map("spec");
      if (spec.isEmpty()) {
        continue;
      }
      String name = pdb.name() == null ? "(unnamed)" : pdb.name();
      Optional<YScalar> max = spec.get().scalar("maxUnavailable").filter(s -> !s.isNull());
      Optional<YScalar> min = spec.get().scalar("minAvailable").filter(s -> !s.isNull());
      if (max.isPresent() && isZero(max.get())) {
        out.apply(pdb).at(max.get()).variant("maxUnavailableZero").arg("pdb", name).arg("value", max.get().value())
            .report();
      } else if (min.isPresent() && min.get().value().strip().equals("100%")) {
        out.apply(pdb).at(min.get()).variant("minAvailableAll").arg("pdb", name).report();
      } else if (min.isPresent() && min.get().asLong().isPresent()) {
        minAvailable(inventory, pdb, spec.get(), min.get(), name, out);
      }
    }
  }

  private static boolean isZero(YScalar s) {
    String v = s.value().strip();
    return s.asLong().map(n -> n == 0).orElse(false) || v.matches("0+%");
  }

  private static void minAvailable(Inventory inventory, K8sObject pdb, YMap spec, YScalar min, String name,
      Function<K8sObject, Findings> out) {
    Optional<LabelSelector> selector = spec.get("selector").flatMap(LabelSelector::of);
    if (selector.isEmpty() || selector.get().isEmpty() && !pdb.apiVersion().equals("policy/v1")) {
      return; // selects nothing
    }
    long pods = 0;
    List<Controller> selected = new ArrayList<>();
    for (Controller c : inventory.controllers()) {
      if (!Services.sameNamespace(pdb.namespace(), c.namespace()) || !selector.get().matches(c.podLabels()).possible()) {
        continue;
      }
      Long size = smallestSize(c, inventory.autoscalersOf(c));
      if (size == null || size == 0) {
        return; // unknown, or scaled to zero: nothing to judge
      }
      pods += size;
      selected.add(c);
    }
    long wanted = min.asLong().get();
    if (selected.isEmpty() || wanted < pods) {
      return;
    }
    Controller first = selected.get(0);
    YNode related = first.replicasValue() != null ? first.replicasValue() : first.namedAt();
    out.apply(pdb).at(min).arg("pdb", name).arg("value", wanted).arg("pods", pods)
        .arg("workloads", describe(selected)).related(first.object().file(), related.span(), Map.of()).report();
  }

  /**
   * The fewest pods {@code c} runs: the smallest {@code minReplicas} of its autoscalers (1 when an
   * autoscaler leaves it unset), else its {@code replicas}; null when unknown.
   */
  private static Long smallestSize(Controller c, List<Autoscaler> autoscalers) {
    if (!autoscalers.isEmpty()) {
      return autoscalers.stream().map(a -> a.minReplicas() == null ? 1L : a.minReplicas()).min(Long::compare).get();
    }
    return Replicas.unset(c) ? null : c.replicas();
  }

  private static String describe(List<Controller> controllers) {
    List<String> names = controllers.stream().map(c -> c.kind() + " '" + Replicas.name(c) + "'").distinct().toList();
    return names.size() <= 3 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
