package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.List;

/**
 * container-port-conflict: containers that run at the same time share the pod's port space, so
 * one containerPort/protocol may be declared once. Also a port listed twice in one container.
 */
public final class ContainerPortConflictCheck implements Check.PodCheck {
  private final NetKnowledge knowledge;

  public ContainerPortConflictCheck(NetKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void check(PodView pod, Findings out) {
    Ports ports = new Ports(PodNet.of(pod, knowledge));
    for (ContainerView c : pod.containers()) {
      ports.duplicatesWithin(c, p -> p.number() == null ? null : key(p), (earlier, later) ->
          report(earlier, later, out));
    }
    for (List<ContainerView> group : pod.concurrentGroups()) {
      ContainerView last = group.get(group.size() - 1);
      ContainerView focus = last.role() == ContainerRole.INIT ? last : null;
      ports.conflictsAcross(group, focus, p -> p.number() == null ? null : key(p), (earlier, later) ->
          report(earlier, later, out));
    }
  }

  private static String key(PortDecl p) {
    return p.number() + "/" + p.protocol();
  }

  private static void report(PortDecl earlier, PortDecl later, Findings out) {
    Findings.Builder b = out.at(later.containerPort())
        .arg("port", key(later))
        .arg("first", earlier.container().name())
        .arg("second", later.container().name())
        .related(earlier.containerPort());
    if (earlier.container() == later.container()) {
      b.variant("sameContainer");
    }
    b.report();
  }
}
