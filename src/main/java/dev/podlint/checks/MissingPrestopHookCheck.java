package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import dev.podlint.model.KindGroup;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * missing-prestop-hook: a regular container without a {@code lifecycle.preStop} hook in the pods of
 * a long-running controller (Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * ReplicationController) that a Service of the input selects, when that container serves the
 * Service: it declares a port a Service port targets (by name, or by number), or it is the pod's
 * only regular container. Reported once per container at its entry, naming the first Service that
 * selects it.
 */
public final class MissingPrestopHookCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    Services.Selection selection = new Services.Selection(inventory);
    Map<Workload, Map<String, String>> served = new IdentityHashMap<>();
    for (K8sObject service : inventory.services()) {
      Optional<Services.Selecting> s = Services.of(service);
      if (s.isEmpty()) {
        continue;
      }
      for (Workload w : selection.select(s.get().namespace(), s.get().selector())) {
        if (!w.workloadKind().in(KindGroup.LONG_RUNNING_CONTROLLERS) || w.facts().withoutPreStop().isEmpty()) {
          continue;
        }
        Map<String, String> byContainer = served.computeIfAbsent(w, k -> new LinkedHashMap<>());
        for (String container : servingContainers(s.get().spec(), w)) {
          byContainer.putIfAbsent(container, service.name() == null ? "(unnamed)" : service.name());
        }
      }
    }
    for (Workload w : inventory.workloads()) {
      Map<String, String> byContainer = served.get(w);
      if (byContainer == null) {
        continue;
      }
      for (Inventory.Unhooked u : w.facts().withoutPreStop()) {
        String service = byContainer.get(u.container());
        if (service != null) {
          out.apply(w.facts().object()).at(u.at()).arg("container", u.container()).arg("workload", Services.name(w))
              .arg("service", service).report();
        }
      }
    }
  }

  /**
   * The containers of {@code w} that a Service's ports reach: those declaring a targeted port (a
   * named targetPort by name, else the number); the only regular container when none declares one.
   */
  private static Set<String> servingContainers(YMap spec, Workload w) {
    Set<String> out = new HashSet<>();
    for (YMap port : spec.maps("ports")) {
      Optional<YScalar> target = port.scalar("targetPort").filter(t -> !t.isNull())
          .or(() -> port.scalar("port").filter(t -> !t.isNull()));
      if (target.isEmpty()) {
        continue;
      }
      Optional<Long> number = target.get().asLong();
      for (Inventory.Port p : w.ports()) {
        if (number.isPresent() ? number.get().equals(p.number()) : target.get().value().equals(p.name())) {
          out.add(p.container());
        }
      }
    }
    if (out.isEmpty() && w.facts().regularContainers() == 1 && w.facts().withoutPreStop().size() == 1) {
      out.add(w.facts().withoutPreStop().get(0).container());
    }
    return Collections.unmodifiableSet(out);
  }
}
