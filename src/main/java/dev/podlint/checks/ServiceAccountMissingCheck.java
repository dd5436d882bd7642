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
 * only for workloads with a ServiceAccount of the input {@link Nearby nearby}: without one, the
 * accounts are evidently created elsewhere. An account of the right name counts wherever it is
 * (a missing namespace on either side matches any). Template text and tutorial placeholders
 * ({@code <KSA_NAME>}, {@code $SA}) are skipped. Variant {@code near}: a nearby ServiceAccount has
 * a similar name.
 */
public final class ServiceAccountMissingCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    if (inventory.serviceAccounts().isEmpty()) {
      return;
    }
    for (Inventory.Workload w : inventory.workloads()) {
      YScalar account = w.facts().serviceAccount();
      if (account == null || account.value().equals("default") || Templates.isUnrendered(account.value())
          || Templates.isPlaceholder(account.value())) {
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
        if (Nearby.together(w.file(), w.namespace(), sa.file(), sa.namespace())) {
          names.add(sa.name());
        }
      }
      if (found || names.isEmpty()) {
        continue; // there, or no ServiceAccount of the input is near the workload
      }
      Optional<String> near = EditDistance.closest(account.value(), names, Math.max(1, account.value().length() / 4));
      Findings.Builder b = out.apply(w.facts().object()).at(account).arg("account", account.value())
          .arg("workload", Services.name(w));
      near.ifPresent(n -> b.variant("near").arg("near", n));
      b.report();
    }
  }
}
