package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Controller;
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
    // handles, not whole Services: the index holds every Service of the run; the one found is read back
    List<K8sObject> handles = inventory.serviceHandles();
    List<Numbered> services = new ArrayList<>();
    for (int i = 0; i < handles.size(); i++) {
      K8sObject h = handles.get(i);
      if (h.apiVersion().equals("v1")) {
        services.add(new Numbered(h, i));
      }
    }
    NearbyIndex<Numbered> nearby = new NearbyIndex<>(services, s -> s.handle().file(), s -> s.handle().namespace(),
        s -> s.handle().name());
    for (Controller c : inventory.controllers()) {
      if (c.serviceNameAt() == null || c.serviceNameAt().value().isBlank()
          || Templates.isUnrendered(c.serviceNameAt().value())) {
        continue;
      }
      String wanted = c.serviceNameAt().value();
      if (nearby.templatedNameIn(c.namespace()) // it might be the wanted one
          || nearby.together(c.object().file(), c.namespace()).isEmpty()
          || !Replicas.mayRunSeveral(c, inventory.autoscalersOf(c))) {
        continue;
      }
      K8sObject named = nearby.named(wanted, c.namespace()).map(s -> inventory.services().get(s.index())).orElse(null);
      Findings.Builder b = out.apply(c.object()).at(c.serviceNameAt()).arg("service", wanted)
          .arg("name", Replicas.name(c));
      if (named == null) {
        nearby.closestName(c.object().file(), c.namespace(), wanted).ifPresent(n -> b.variant("near").arg("near", n));
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

  /** A Service's handle and its place in {@link Inventory#services}. */
  private record Numbered(K8sObject handle, int index) {}
}
