package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.KindGroup;
import dev.podlint.model.PodView;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * invalid-restart-policy: a pod template's {@code restartPolicy} that the API server rejects for
 * the workload's kind. Controllers that keep pods running (Deployment, ReplicaSet,
 * ReplicationController, StatefulSet, DaemonSet) accept only {@code Always} (the default);
 * a {@code Never} or {@code OnFailure} is reported at the value. Jobs and CronJobs accept only
 * {@code Never} and {@code OnFailure} and have no default: {@code Always} is reported at the value
 * (variant {@code always}), a missing policy at the pod spec's key (variant {@code missing}).
 * Values that are no policy at all are schema-violation's; Pods and PodTemplates accept any.
 */
public final class InvalidRestartPolicyCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    String kind = pod.object().kind();
    Optional<YScalar> policy = pod.spec().scalar("restartPolicy").filter(s -> !s.isNull() && !s.value().isEmpty());
    String name = pod.object().name() == null ? "(unnamed)" : pod.object().name();
    WorkloadKind row = pod.workloadKind();
    if (row.in(KindGroup.LONG_RUNNING_CONTROLLERS)) {
      policy.filter(p -> p.value().equals("Never") || p.value().equals("OnFailure"))
          .ifPresent(p -> out.at(p).arg("kind", kind).arg("name", name).arg("value", p.value()).report());
    } else if (row.isController() && row.running() == WorkloadKind.Running.TO_COMPLETION) {
      if (policy.isEmpty()) {
        out.at(pod.specKey()).variant("missing").arg("kind", kind).arg("name", name).report();
      } else if (policy.get().value().equals("Always")) {
        out.at(policy.get()).variant("always").arg("kind", kind).arg("name", name).report();
      }
    }
  }
}
