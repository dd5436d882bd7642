package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;

/**
 * duplicate-port-name: a port name must identify one port of the pod, because Services
 * ({@code targetPort: http}) and probes resolve ports by name.
 */
public final class DuplicatePortNameCheck implements Check.PodCheck {
  private final NetKnowledge knowledge;

  public DuplicatePortNameCheck(NetKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void check(PodView pod, Findings out) {
    Ports ports = new Ports(PodNet.of(pod, knowledge));
    for (ContainerView c : pod.containers()) {
      ports.duplicatesWithin(c, DuplicatePortNameCheck::key, (earlier, later) -> report(earlier, later, out));
    }
    ports.conflictsAcross(pod.containers(), null, DuplicatePortNameCheck::key,
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
