package dev.podlint.checks;

import dev.podlint.advise.Localhost;
import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleDefinition;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * localhost-port-unbound: a container connects to {@code localhost:PORT} (or 127.0.0.1, [::1])
 * in its env, command or args, and no container that runs at that time declares or visibly
 * listens on PORT. A classic init container runs before the regular containers, so only native
 * sidecars declared before it (and itself) count. Ports that admission-time sidecars serve
 * (service meshes, Dapr) are the rule's {@code injectedPorts} parameter.
 */
public final class LocalhostPortUnboundCheck implements Check.PodCheck {
  private final Set<Integer> injected = new HashSet<>();

  public LocalhostPortUnboundCheck(RuleDefinition rule) {
    rule.paramDefault("injectedPorts").ifPresent(n -> {
      if (n instanceof YSeq seq) {
        for (YNode i : seq.items()) {
          if (i instanceof YScalar s) {
            s.asPort().ifPresent(injected::add);
          }
        }
      }
    });
  }

  @Override
  public void check(PodView pod, Findings out) {
    if (pod.spec().scalar("hostNetwork").flatMap(YScalar::asBoolean).orElse(false)) {
      return; // with the host's network namespace, localhost is the node, not the pod
    }
    List<Localhost.Mention> mentions = Localhost.scan(pod);
    Map<ContainerView, Set<Integer>> listens = new IdentityHashMap<>();
    for (ContainerView c : pod.containers()) {
      Set<Integer> ports = new HashSet<>();
      for (PortDecl p : c.ports()) {
        p.port().ifPresent(ports::add);
      }
      for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
        c.probe(probe).flatMap(p -> p.mapAt("httpGet").or(() -> p.mapAt("tcpSocket")).or(() -> p.mapAt("grpc")))
            .flatMap(h -> h.scalar("port")).flatMap(YScalar::asPort).ifPresent(ports::add);
      }
      listens.put(c, ports);
    }
    for (Localhost.Mention m : mentions) {
      if (m.listen()) {
        listens.get(m.container()).add(m.port());
      }
    }
    for (Localhost.Mention m : mentions) {
      if (m.listen() || !m.inObject() || injected.contains(m.port()) || Templates.isUnrendered(m.node().value())) {
        continue;
      }
      ContainerView from = m.container();
      boolean init = from.role() == ContainerRole.INIT;
      boolean bound = false;
      for (ContainerView c : pod.containers()) {
        boolean running = init ? c == from || c.role() == ContainerRole.SIDECAR && before(pod, c, from) : c.isLongRunning();
        if (running && listens.get(c).contains(m.port())) {
          bound = true;
          break;
        }
      }
      if (bound) {
        continue;
      }
      boolean servedLater = init && pod.containers().stream()
          .anyMatch(c -> c.isLongRunning() && listens.get(c).contains(m.port()));
      Findings.Builder b = out.at(m.node(), m.span())
          .arg("container", from.name())
          .arg("target", m.text())
          .arg("port", m.port())
          .arg("source", m.source());
      if (servedLater) {
        b.variant("beforeStart");
      }
      b.report();
    }
  }

  private static boolean before(PodView pod, ContainerView a, ContainerView b) {
    return pod.containers().indexOf(a) < pod.containers().indexOf(b);
  }
}
