package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.model.K8sObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * missing-network-policy: the pods of a workload that no NetworkPolicy of the input selects in
 * their namespace, so nothing restricts their traffic. Judged only where the input shows that
 * NetworkPolicies are in use: for workloads in a namespace that some NetworkPolicy of the input
 * may share (a missing namespace on either side matches any). Without any NetworkPolicy in the
 * input nothing is reported: policies are often kept elsewhere (a platform team's default-deny).
 * Pods on the host network are skipped (policies do not apply to them; host-network reports them).
 *
 * <p>Reported at the pod template's {@code labels} key (variant {@code noLabels} when the pods have
 * none).
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
    for (Inventory.Workload w : inventory.workloads()) {
      if (w.facts().hostNetwork()) {
        continue;
      }
      NetworkPolicies.Meeting best = NetworkPolicies.Meeting.APART;
      for (NetworkPolicies.Selecting p : policies) {
        best = best.or(NetworkPolicies.meet(p, w));
        if (best == NetworkPolicies.Meeting.SELECTED) {
          break;
        }
      }
      if (best == NetworkPolicies.Meeting.NOT_SELECTED) {
        out.apply(w.facts().object()).at(w.facts().labelsKey()).variant(w.labels().isEmpty() ? "noLabels" : null)
            .arg("workload", Services.name(w)).arg("labels", Services.describe(w.labels())).report();
      }
    }
  }
}
