package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * missing-headless-service: a StatefulSet whose {@code serviceName} does not name a headless
 * Service of the input that selects its pods, reported at the {@code serviceName} value. Variants:
 * no Service of that name (the message; {@code near} when one of a similar name exists),
 * {@code notHeadless} (the Service has a cluster IP), {@code otherPods} (its selector does not
 * select the StatefulSet's pods); the Service is the related location. Judged only for
 * StatefulSets that may run several pods (a single replica is reached through its Service, not by
 * its pod's name) and with a Service of the input {@link Nearby nearby}: otherwise the Services
 * are evidently kept elsewhere. The named Service counts wherever it is, when it may share the
 * namespace. Template text on either side, an empty {@code serviceName} and Services without a
 * selector (endpoints managed by hand) are left alone.
 */
public final class MissingHeadlessServiceCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    if (inventory.services().isEmpty()) {
      return;
    }
    for (Inventory.Controller c : inventory.controllers()) {
      if (c.serviceNameAt() == null || c.serviceNameAt().value().isBlank()
          || Templates.isUnrendered(c.serviceNameAt().value())) {
        continue;
      }
      String wanted = c.serviceNameAt().value();
      List<K8sObject> candidates = servicesBeside(inventory, c);
      if (candidates.stream().noneMatch(s -> Nearby.together(c.object().file(), c.namespace(), s.file(), s.namespace()))
          || !Replicas.mayRunSeveral(c, inventory.autoscalersOf(c))) {
        continue;
      }
      K8sObject named = candidates.stream().filter(s -> wanted.equals(s.name())).findFirst().orElse(null);
      Findings.Builder b = out.apply(c.object()).at(c.serviceNameAt()).arg("service", wanted)
          .arg("name", Replicas.name(c));
      if (named == null) {
        List<String> names = candidates.stream()
            .filter(s -> Nearby.together(c.object().file(), c.namespace(), s.file(), s.namespace()))
            .map(K8sObject::name).filter(n -> n != null).toList();
        Optional<String> near = EditDistance.closest(wanted, names, Math.max(1, wanted.length() / 4));
        near.ifPresent(n -> b.variant("near").arg("near", n));
        b.report();
        continue;
      }
      Optional<YMap> spec = named.root().map("spec");
      YNode at = spec.flatMap(m -> m.keyNode("clusterIP")).<YNode>map(k -> k)
          .or(() -> named.root().keyNode("spec")).orElse(named.root());
      String clusterIP = spec.flatMap(m -> m.string("clusterIP")).orElse(null);
      if (clusterIP != null && Templates.isUnrendered(clusterIP)) {
        continue;
      }
      if (!"None".equals(clusterIP)) {
        b.variant("notHeadless").related(named.file(), at.span(), Map.of()).report();
        continue;
      }
      Optional<YMap.Entry> sel = spec.flatMap(m -> m.entry("selector"));
      Optional<LabelSelector> selector = sel.map(YMap.Entry::value).filter(v -> v instanceof YMap m && !m.isEmpty())
          .map(v -> LabelSelector.ofLabels((YMap) v));
      if (selector.isPresent() && !selector.get().matches(c.podLabels()).possible()) {
        b.variant("otherPods").arg("selector", selector.get().describe())
            .arg("labels", Services.describe(c.podLabels()))
            .related(named.file(), sel.get().key().span(), Map.of()).report();
      }
    }
  }

  /**
   * The v1 Services of the input that may share {@code c}'s namespace; none when one of them is
   * named by template text (it might be the wanted one).
   */
  private static List<K8sObject> servicesBeside(Inventory inventory, Inventory.Controller c) {
    List<K8sObject> out = new ArrayList<>();
    for (K8sObject s : inventory.services()) {
      if (!s.apiVersion().equals("v1") || !Services.sameNamespace(s.namespace(), c.namespace())) {
        continue;
      }
      if (s.name() != null && Templates.isUnrendered(s.name())) {
        return List.of();
      }
      out.add(s);
    }
    return out;
  }
}
