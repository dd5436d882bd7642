package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import dev.podlint.net.Connect;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.Map;

/**
 * localhost-port-unbound: a container connects to {@code localhost:PORT} (or 127.0.0.1, [::1]) in
 * its env, command, args or a configuration file it mounts from a ConfigMap, and no container that
 * runs at that time listens on PORT by any evidence of the networking model ({@link PodNet}):
 * declared, told by a flag, variable or configuration file, its image's default, a probe on it. A
 * classic init container runs before the regular containers, so only native sidecars declared
 * before it (and itself) count. Ports that admission-time sidecars serve (service meshes, Dapr)
 * are the rule's {@code injectedPorts} parameter. A reference in a ConfigMap is reported where the
 * pod reads it (the volume mount or variable), with the ConfigMap's text as a related location.
 */
public final class LocalhostPortUnboundCheck implements Check.PodCheck {
  private final NetKnowledge knowledge;

  /** @param params the rule's parameters: the knowledge of every networking rule (see {@link NetKnowledge}) */
  public LocalhostPortUnboundCheck(NetKnowledge.Params params) {
    this.knowledge = NetKnowledge.of(params);
  }

  @Override
  public void check(PodView pod, Findings out) {
    if (pod.spec().scalar("hostNetwork").flatMap(YScalar::asBoolean).orElse(false)) {
      return; // with the host's network namespace, localhost is the node, not the pod
    }
    PodNet net = PodNet.of(pod, knowledge);
    for (Connect m : net.connects()) {
      if (net.injected().contains(m.port()) || Templates.isUnrendered(m.node().value())) {
        continue;
      }
      ContainerView from = m.container();
      boolean init = from.role() == ContainerRole.INIT;
      boolean bound = false;
      for (ContainerView c : pod.containers()) {
        boolean running = init ? c == from || c.role() == ContainerRole.SIDECAR && before(pod, c, from) : c.isLongRunning();
        if (running && listens(net, c, m.port())) {
          bound = true;
          break;
        }
      }
      if (bound) {
        continue;
      }
      boolean servedLater = init && pod.containers().stream().anyMatch(c -> c.isLongRunning() && listens(net, c, m.port()));
      Findings.Builder b = m.inObject() ? out.at(m.node(), m.span()) : out.at(m.seen().via());
      b.arg("container", from.name()).arg("target", m.text()).arg("port", m.port()).arg("source", m.source());
      if (!m.inObject()) {
        b.related(m.seen().file(), m.span(), Map.of());
      }
      if (servedLater) {
        b.variant("beforeStart");
      }
      b.report();
    }
  }

  private static boolean listens(PodNet net, ContainerView c, int port) {
    return net.of(c).listenOn(port, e -> true).isPresent();
  }

  private static boolean before(PodView pod, ContainerView a, ContainerView b) {
    return pod.containers().indexOf(a) < pod.containers().indexOf(b);
  }
}
