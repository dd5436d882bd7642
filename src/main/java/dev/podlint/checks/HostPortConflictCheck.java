package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * host-port-conflict: the same hostPort and protocol bound twice on overlapping host addresses by
 * containers that run at the same time. An absent hostIP (or 0.0.0.0 / ::) means every address,
 * which overlaps with any other hostIP.
 */
public final class HostPortConflictCheck implements Check.PodCheck {
  private final NetKnowledge knowledge;

  public HostPortConflictCheck(NetKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void check(PodView pod, Findings out) {
    Ports ports = new Ports(PodNet.of(pod, knowledge));
    for (ContainerView c : pod.containers()) {
      scan(ports, List.of(c), true, null, out);
    }
    for (List<ContainerView> group : pod.concurrentGroups()) {
      ContainerView last = group.get(group.size() - 1);
      scan(ports, group, false, last.role() == ContainerRole.INIT ? last : null, out);
    }
  }

  /** Pairs within one container ({@code within}) or across the containers of a group. */
  private static void scan(Ports ports, List<ContainerView> group, boolean within, ContainerView focus,
      Findings out) {
    Map<String, List<PortDecl>> byPort = new HashMap<>();
    for (PortDecl later : ports.inFileOrder(group)) {
      if (later.hostPort() == null) {
        continue;
      }
      List<PortDecl> earlierOnes = byPort.computeIfAbsent(later.hostPort() + "/" + later.protocol(), k -> new ArrayList<>());
      for (PortDecl earlier : earlierOnes) {
        if ((earlier.container() == later.container()) != within) {
          continue;
        }
        if (focus != null && earlier.container() != focus && later.container() != focus) {
          continue;
        }
        if (overlaps(earlier.hostIP(), later.hostIP())) {
          out.at(later.hostPortNode())
              .arg("port", later.hostPort() + "/" + later.protocol())
              .arg("hostIP", describe(earlier.hostIP(), later.hostIP()))
              .arg("first", earlier.container().name())
              .arg("second", later.container().name())
              .related(earlier.hostPortNode())
              .report();
          break; // one finding per later declaration
        }
      }
      earlierOnes.add(later);
    }
  }

  private static boolean isWildcard(String ip) {
    return ip == null || ip.isBlank() || ip.equals("0.0.0.0") || ip.equals("::");
  }

  private static boolean overlaps(String a, String b) {
    return isWildcard(a) || isWildcard(b) || a.trim().equals(b.trim());
  }

  private static String describe(String a, String b) {
    if (isWildcard(a) && isWildcard(b)) {
      return "all addresses";
    }
    return isWildcard(a) ? b.trim() : a.trim();
  }
}
