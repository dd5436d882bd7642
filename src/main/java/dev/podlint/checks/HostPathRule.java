package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;
import java.util.List;
import java.util.Map;

/**
 * The check of a {@code hostPath} rule (sensitive-host-mount, docker-socket-mount,
 * host-path-volume, writable-host-mount): each hostPath volume of the pod that {@link HostPaths}
 * classifies as the rule's {@link HostPaths.Kind}, handed to {@link #report}.
 */
public abstract class HostPathRule implements Check.PodCheck {
  private final HostPaths paths;
  private final HostPaths.Kind kind;

  /**
   * @param rules the hostPath rules, for their path lists
   * @param kind the volumes this rule reports
   */
  HostPathRule(OtherRules rules, HostPaths.Kind kind) {
    this.paths = HostPaths.of(rules);
    this.kind = kind;
  }

  @Override
  public final void check(PodView pod, Findings out) {
    for (HostPaths.Volume v : HostPaths.volumes(pod)) {
      HostPaths.Exposure e = paths.classify(v);
      if (e.kind() == kind) {
        report(v, e, out);
      }
    }
  }

  /** Reports volume {@code v}, which exposes {@code e} (of this rule's kind). */
  abstract void report(HostPaths.Volume v, HostPaths.Exposure e, Findings out);

  /** Adds {@code mounts} to {@code b} as related locations, with their container and mount path. */
  static void relate(Findings.Builder b, List<HostPaths.Mount> mounts) {
    mounts.forEach(m -> b.related(m.node(), Map.of("container", m.container().name(), "mountPath", m.mountPath())));
  }
}
