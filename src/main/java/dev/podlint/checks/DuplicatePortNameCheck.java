package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;

/**
 * duplicate-port-name: a port name must identify one port of the pod, because Services
 * ({@code targetPort: http}) and probes resolve ports by name.
 */
public final class DuplicatePortNameCheck implements Check.PodCheck {
  @Override
  public void check(PodView pod, Findings out) {
    for (ContainerView c : pod.containers()) {
      Ports.duplicatesWithin(c, DuplicatePortNameCheck::key, (earlier, later) -> report(earlier, later, out));
    }
    Ports.conflictsAcross(pod.containers(), null, DuplicatePortNameCheck::key,
        (earlier, later) -> report(earlier, later, out));
  }

  private static String key(PortDecl p) {
    return p.name().filter(n -> !n.isBlank()).orElse(null);
  }

  private static void report(PortDecl earlier, PortDecl later, Findings out) {
    Findings.Builder b = out.at(later.nameNode())
        .arg("portName", later.name().orElseThrow())
        .arg("first", earlier.container().name())
        .arg("second", later.container().name())
        .related(earlier.nameNode());
    if (earlier.container() == later.container()) {
      b.variant("sameContainer");
    }
    b.report();
  }
}
