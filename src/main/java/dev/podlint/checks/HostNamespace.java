package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;

/**
 * host-network, host-pid and host-ipc: the pod spec's {@code hostNetwork}, {@code hostPID} or
 * {@code hostIPC} set to {@code true}, reported at the value. Only the pod spec counts: the same
 * key elsewhere (a Deployment's own {@code spec}) is an unknown field the API server drops, which
 * {@code schema-violation} reports.
 */
public abstract class HostNamespace implements Check.PodCheck {
  private final String field;

  /** @param field {@code hostNetwork}, {@code hostPID} or {@code hostIPC} */
  HostNamespace(String field) {
    this.field = field;
  }

  @Override
  public final void check(PodView pod, Findings out) {
    pod.spec().scalar(field).filter(s -> s.asBoolean().orElse(false))
        .ifPresent(v -> out.at(v).arg("containers", SecurityContexts.containers(pod.containers())).report());
  }
}
