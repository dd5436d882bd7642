package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;

/**
 * missing-liveness-probe and missing-readiness-probe: regular containers of pods meant to run
 * indefinitely. Init containers, native sidecars and batch pods are left alone (see the rules).
 */
public final class MissingProbeCheck implements Check.ContainerCheck {
  private final String probeKey;

  public MissingProbeCheck(String probeKey) {
    this.probeKey = probeKey;
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (c.role() != ContainerRole.REGULAR || !pod.isLongRunning()) {
      return;
    }
    YNode probe = c.node().get(probeKey).orElse(null);
    if (probe == null || probe instanceof YScalar s && s.isNull()) {
      out.at(c.node()).arg("container", c.name()).report();
    }
  }
}
