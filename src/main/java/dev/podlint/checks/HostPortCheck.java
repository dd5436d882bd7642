package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YScalar;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.HashSet;
import java.util.Set;

/**
 * host-port: a container port with a {@code hostPort}, reported at that value. Only the first
 * declaration of each host address, port and protocol in the pod is reported: a later one
 * binds the same host port again, which is host-port-conflict's finding. Pods on the host
 * network are skipped: there every container port is a host port, and host-network reports the
 * pod.
 */
public final class HostPortCheck implements Check.PodCheck {
  private final NetKnowledge knowledge;

  public HostPortCheck(NetKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void check(PodView pod, Findings out) {
    if (pod.spec().scalar("hostNetwork").flatMap(YScalar::asBoolean).orElse(false)) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (PortDecl p : new Ports(PodNet.of(pod, knowledge)).inFileOrder(pod.containers())) {
      if (p.hostPort() == null) {
        continue;
      }
      String ip = p.hostIP() == null || p.hostIP().isBlank() ? "0.0.0.0" : p.hostIP().strip();
      if (!seen.add(ip + "/" + p.hostPort() + "/" + p.protocol())) {
        continue;
      }
      out.at(p.hostPortNode()).arg("container", p.container().name())
          .arg("port", p.hostPort() + "/" + p.protocol()).report();
    }
  }
}
