package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import java.util.function.Function;

/**
 * network-policy-selects-no-pods: a NetworkPolicy whose {@code podSelector} selects the pods of no
 * workload of the input in its namespace, reported at the selector. Silent where the input cannot
 * tell: an empty selector (every pod of the namespace), no workload in the input at all, none that
 * may share the policy's namespace, a selector on labels only the cluster knows
 * ({@code pod-template-hash}) or on template text, and pods a custom resource of the input may
 * own (an operator's).
 */
public final class NetworkPolicySelectsNoPodsCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    if (inventory.workloads().isEmpty() || inventory.networkPolicies().isEmpty()) {
      return;
    }
    Services.Selection selection = new Services.Selection(inventory);
    for (K8sObject policy : inventory.networkPolicies()) {
      NetworkPolicies.Selecting p = NetworkPolicies.of(policy).orElse(null);
      if (p == null || p.selector().isEmpty() || p.selector().keys().stream().anyMatch(Services.UNKNOWABLE::contains)) {
        continue;
      }
      NetworkPolicies.Meeting best = NetworkPolicies.Meeting.APART;
      for (Workload w : inventory.workloads()) {
        best = best.or(NetworkPolicies.meet(p, w));
        if (best == NetworkPolicies.Meeting.SELECTED) {
          break;
        }
      }
      if (best != NetworkPolicies.Meeting.NOT_SELECTED
          || selection.mayOwnPods(p.namespace(), p.selector().matchLabels(), true).isPresent()) {
        continue;
      }
      out.apply(policy).at(p.at()).arg("policy", policy.name() == null ? "(unnamed)" : policy.name())
          .arg("selector", p.selector().describe()).report();
    }
  }
}
