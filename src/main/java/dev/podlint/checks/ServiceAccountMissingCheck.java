package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * service-account-missing: a workload whose pods run as a ServiceAccount (other than
 * {@code default}, which every namespace has) that the input does not hold in their namespace,
 * reported at the {@code serviceAccountName} (or deprecated {@code serviceAccount}) value. Judged
 * only for workloads in a namespace where the input holds at least one ServiceAccount (a missing
 * namespace on either side matches any): without any, the accounts are evidently created
 * elsewhere. Template text is skipped. Variant {@code near}: a ServiceAccount of a similar name
 * exists.
 */
public final class ServiceAccountMissingCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    if (inventory.serviceAccounts().isEmpty()) {
      return;
    }
    for (Inventory.Workload w : inventory.workloads()) {
      YScalar account = w.facts().serviceAccount();
      if (account == null || account.value().equals("default") || Templates.isUnrendered(account.value())) {
        continue;
      }
      List<String> names = new ArrayList<>();
      boolean found = false;
      for (K8sObject sa : inventory.serviceAccounts()) {
        if (sa.name() == null || !Services.sameNamespace(sa.namespace(), w.namespace())) {
          continue;
        }
        if (sa.name().equals(account.value()) || Templates.isUnrendered(sa.name())) {
          found = true;
          break;
        }
        names.add(sa.name());
      }
      if (found || names.isEmpty()) {
        continue;
      }
      Optional<String> near = EditDistance.closest(account.value(), names, Math.max(1, account.value().length() / 4));
      Findings.Builder b = out.apply(w.facts().object()).at(account).arg("account", account.value())
          .arg("workload", Services.name(w));
      near.ifPresent(n -> b.variant("near").arg("near", n));
      b.report();
    }
  }
}
