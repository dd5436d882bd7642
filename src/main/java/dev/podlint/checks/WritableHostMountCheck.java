package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;

/**
 * writable-host-mount: each mount without {@code readOnly: true} of a {@code hostPath} volume that
 * host-path-volume reports (one that exposes neither a sensitive directory nor a runtime socket:
 * writing to those is already an error of sensitive-host-mount or docker-socket-mount), at the
 * mount's entry in {@code volumeMounts}.
 */
public final class WritableHostMountCheck implements Check.PodCheck {
  private final HostPaths paths;

  /** @param rules the hostPath rules, for their path lists */
  public WritableHostMountCheck(OtherRules rules) {
    this.paths = HostPaths.of(rules);
  }

  @Override
  public void check(PodView pod, Findings out) {
    for (HostPaths.Volume v : HostPaths.volumes(pod)) {
      if (paths.classify(v).kind() != HostPaths.Kind.OTHER) {
        continue;
      }
      for (HostPaths.Mount m : v.mounts()) {
        if (!m.readOnly()) {
          out.at(m.node()).arg("container", m.container().name()).arg("volume", v.name())
              .arg("path", m.hostPath() == null ? "(no path)" : m.hostPath())
              .arg("mountPath", m.mountPath()).report();
        }
      }
    }
  }
}
