package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YScalar;
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
    List<K8sObject> accounts = inventory.serviceAccounts().stream().filter(sa -> sa.name() != null).toList();
    NearbyIndex<K8sObject> nearby = new NearbyIndex<>(accounts, K8sObject::file, K8sObject::namespace, K8sObject::name);
    for (Workload w : inventory.workloads()) {
      YScalar account = w.facts().serviceAccount();
      if (account == null || account.value().equals("default") || Templates.isUnrendered(account.value())
          || Templates.isPlaceholder(account.value())) {
        continue;
      }
      if (nearby.named(account.value(), w.namespace()).isPresent()
          || nearby.templatedNameIn(w.namespace()) // it might be the account
          || nearby.together(w.file(), w.namespace()).isEmpty()) {
        continue; // there, or no ServiceAccount of the input is near the workload
      }
      Optional<String> near = nearby.closestName(w.file(), w.namespace(), account.value());
      Findings.Builder b = out.apply(w.facts().object()).at(account).arg("account", account.value())
          .arg("workload", Services.name(w));
      near.ifPresent(n -> b.variant("near").arg("near", n));
      b.report();
    }
  }
}
