package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * missing-network-policy: the pods of a workload that no NetworkPolicy of the input selects in
 * their namespace, so nothing restricts their traffic. Judged only where the input shows that
 * NetworkPolicies are in use: for workloads with a NetworkPolicy of the input {@link Nearby
 * nearby}. Without one nothing is reported: policies are often kept elsewhere (a platform team's
 * default-deny). A policy selects the pods wherever it is, when it may share their namespace.
 * Pods on the host network are skipped (policies do not apply to them; host-network reports them).
 *
 * <p>Reported at the pod template's {@code labels} key (variant {@code noLabels} when the pods have
 * none). The policies near a workload and those that may share its namespace are looked up, not
 * searched for.
 */
public final class MissingNetworkPolicyCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    List<NetworkPolicies.Selecting> policies = new ArrayList<>();
    for (K8sObject p : inventory.networkPolicies()) {
      NetworkPolicies.of(p).ifPresent(policies::add);
    }
    if (policies.isEmpty()) {
      return;
    }
    NearbyIndex<NetworkPolicies.Selecting> nearby = new NearbyIndex<>(policies, p -> p.policy().file(),
        NetworkPolicies.Selecting::namespace, p -> p.policy().name());
    Map<String, List<NetworkPolicies.Selecting>> inNamespace = new HashMap<>();
    List<NetworkPolicies.Selecting> anyNamespace = new ArrayList<>(); // may meet pods of every namespace
    for (NetworkPolicies.Selecting p : policies) {
      if (Nearby.isExplicit(p.namespace())) {
        inNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
      } else {
        anyNamespace.add(p);
      }
    }
    for (Workload w : inventory.workloads()) {
      if (w.facts().hostNetwork()) {
        continue;
      }
      boolean judged = !nearby.together(w.file(), w.namespace()).isEmpty();
      List<List<NetworkPolicies.Selecting>> meeting = Nearby.isExplicit(w.namespace())
          ? List.of(inNamespace.getOrDefault(w.namespace(), List.of()), anyNamespace) : List.of(policies);
      boolean selected = judged && meeting.stream().flatMap(List::stream)
          .anyMatch(p -> NetworkPolicies.meet(p, w) == NetworkPolicies.Meeting.SELECTED);
      if (judged && !selected) {
        out.apply(w.facts().object()).at(w.facts().labelsKey()).variant(w.labels().isEmpty() ? "noLabels" : null)
            .arg("workload", Services.name(w)).arg("labels", Services.describe(w.labels())).report();
      }
    }
  }
}
