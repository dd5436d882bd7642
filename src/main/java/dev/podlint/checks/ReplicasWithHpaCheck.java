package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Controller;
import dev.podlint.engine.Autoscaler;
import dev.podlint.model.K8sObject;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * replicas-with-hpa: a controller that sets {@code spec.replicas} although a HorizontalPodAutoscaler
 * (or a KEDA ScaledObject, which creates one) of the input scales it: every apply of the manifest
 * resets the count the autoscaler chose. Reported at the {@code replicas} key, with the
 * autoscaler's {@code scaleTargetRef.name} as the related location (in whichever file it is).
 * The autoscaler must name the controller's kind and name and be in its namespace (a missing
 * namespace on either side matches any); when the input holds several such controllers (copies
 * of one application, or unrelated applications linted together), only those closest to the
 * autoscaler's file count ({@link Replicas#closest}).
 */
public final class ReplicasWithHpaCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    Set<Controller> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Autoscaler a : inventory.autoscalers()) {
      if (a.targetKind() == null || a.targetName() == null) {
        continue;
      }
      List<Controller> targets = Replicas.closest(
          inventory.controllers(a.targetKind(), a.targetName(), a.object().namespace()), a.object().file());
      for (Controller c : targets) {
        if (Replicas.unset(c) || !reported.add(c)) {
          continue;
        }
        String autoscaler = a.object().name() == null ? "(unnamed)" : a.object().name();
        out.apply(c.object()).at(c.replicasKey())
            .arg("kind", c.kind()).arg("name", Replicas.name(c)).arg("replicas", c.replicasValue().value())
            .arg("autoscalerKind", a.object().kind()).arg("autoscaler", autoscaler)
            .related(a.object().file(), a.targetAt().span(), Map.of())
            .report();
      }
    }
  }
}
