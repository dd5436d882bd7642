package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.net.Confidence;
import dev.podlint.net.ContainerNet;
import dev.podlint.net.Evidence;
import dev.podlint.net.Listen;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * probe-port-undeclared: the kubelet resolves a probe's named port only among its own container's
 * ports, so an unknown name can never succeed (error), nor a TCP check of a name declared for UDP
 * only (error). A number is used as it is, so an undeclared one is reported only with evidence
 * that the probe is wrong, read from the networking model ({@link PodNet}): the port belongs to
 * another container of the pod; the container declares other ports, or evidently listens on other
 * ones (flags, variables, mounted configuration). A container that declares no ports and says
 * nothing else is not judged: declaring ports is optional.
 */
public final class ProbePortUndeclaredCheck implements Check.ContainerCheck {
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "grpc");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private final NetKnowledge knowledge;

  public ProbePortUndeclaredCheck(NetKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    for (String probeKey : PROBES) {
      Optional<YMap> probe = c.probe(probeKey);
      if (probe.isEmpty()) {
        continue;
      }
      for (String handler : HANDLERS) {
        Optional<YScalar> port = probe.get().map(handler).flatMap(h -> h.scalar("port")).filter(s -> !s.isNull());
        if (port.isPresent()) {
          Probe p = new Probe(pod, c, probeKey, handler, port.get(), out);
          Long number = port.get().asLong().orElse(null);
          if (number == null && port.get().isString() && DIGITS.matcher(port.get().value()).matches()) {
            number = Long.parseLong(port.get().value()); // the kubelet falls back to reading a name as a number
          }
          if (number != null) {
            p.number(number);
          } else if (port.get().isString() && !Templates.isUnrendered(port.get().value())) {
            p.name(port.get().value()); // a float or boolean is the schema rules' business
          }
        }
      }
    }
  }

  /** One probe's port, judged against the model of the pod. */
  private final class Probe {
    private final PodView pod;
    private final ContainerView c;
    private final String probeKey;
    private final String handler;
    private final YScalar port;
    private final Findings out;

    Probe(PodView pod, ContainerView c, String probeKey, String handler, YScalar port, Findings out) {
      this.pod = pod;
      this.c = c;
      this.probeKey = probeKey;
      this.handler = handler;
      this.port = port;
      this.out = out;
    }

    private Findings.Builder finding(String variant, Object target) {
      return out.at(port).variant(variant)
          .arg("probe", probeKey).arg("handler", handler).arg("port", target).arg("container", c.name())
          .arg("declared", declared(c));
    }

    void name(String name) {
      List<PortDecl> named = c.ports().stream().filter(p -> p.name().filter(name::equals).isPresent()).toList();
      if (named.isEmpty()) {
        Optional<PortDecl> elsewhere = pod.containers().stream().filter(o -> o != c).flatMap(o -> o.ports().stream())
            .filter(p -> p.name().filter(name::equals).isPresent()).findFirst();
        if (elsewhere.isEmpty()) {
          finding(null, name).report();
        } else {
          PortDecl p = elsewhere.get();
          finding("nameElsewhere", name).arg("owner", p.container().name())
              .related(p.nameNode(), related(name, p.container(), "declared")).report();
        }
        return;
      }
      if (named.stream().noneMatch(p -> p.protocol().equals("TCP"))) {
        PortDecl p = named.get(0);
        finding("udpOnly", name).arg("protocol", p.protocol())
            .arg("number", p.number() == null ? "?" : p.number())
            .related(p.nameNode(), related(name, c, "declared for " + p.protocol())).report();
      }
    }

    void number(long n) {
      PodNet net = PodNet.of(pod, knowledge);
      ContainerNet own = net.of(c);
      boolean injected = PortDecl.inRange(n) && net.injected().contains((int) n); // 4294967376 is no port 80
      if (injected || c.ports().stream().anyMatch(p -> p.containerPort() != null
          && p.number() == null && Templates.isUnrendered(p.containerPort().value()))) {
        return; // an injected sidecar's port (mesh probe rewriting), or declared ports not rendered yet
      }
      if (own.listens(Evidence::saysListening).stream().anyMatch(l -> l.port() == n && l.mayBeTcp())) {
        return; // declared, or the container evidently listens there
      }
      Optional<Listen> owner = owner(net, n);
      if (owner.isPresent()) {
        Listen l = owner.get();
        finding("otherContainer", n).arg("owner", l.container().name()).arg("how", l.seen().source())
            .related(l.seen().file(), l.seen().span(), related(n, l.container(), l.seen().source())).report();
        return;
      }
      Optional<Listen> udp = own.declared().stream().filter(l -> l.port() == n).findFirst();
      if (udp.isPresent()) {
        finding("udpNumber", n).arg("protocol", udp.get().protocol()).report();
        return;
      }
      if (!own.declared().isEmpty()) {
        finding("declaresOthers", n).report();
        return;
      }
      List<Listen> elsewhere = own.listens(e -> e == Evidence.ARGUMENT || e == Evidence.ENVIRONMENT
          || e == Evidence.CONFIG_FILE).stream().filter(l -> l.primary() && l.port() != n).toList();
      if (!elsewhere.isEmpty()) {
        Listen first = elsewhere.get(0);
        Set<String> ports = new LinkedHashSet<>();
        elsewhere.forEach(l -> ports.add(String.valueOf(l.port())));
        finding("listensElsewhere", n).arg("listens", String.join(", ", ports)).arg("how", first.seen().source())
            .related(first.seen().file(), first.seen().span(), related(first.port(), c, first.seen().source()))
            .report();
      }
    }

    /**
     * Another container that runs beside this one and declares {@code n} or is told to listen on
     * it in so many words (a flag, a configuration file).
     */
    private Optional<Listen> owner(PodNet net, long n) {
      for (ContainerView o : pod.containers()) {
        if (o == c || !o.isLongRunning() || !PortDecl.inRange(n)) { // 4294967376 is no port 80
          continue;
        }
        Optional<Listen> l = net.of(o).listenOn((int) n, e -> e.confidence() == Confidence.HIGH);
        if (l.isPresent()) {
          return l;
        }
      }
      return Optional.empty();
    }
  }

  private static Map<String, Object> related(Object port, ContainerView owner, String how) {
    return Map.of("relatedPort", port, "relatedContainer", owner.name(), "relatedHow", how);
  }

  /** What the container declares: {@code http=8080, 9090, dns=53/UDP}, or {@code none}. */
  private static String declared(ContainerView c) {
    String s = c.ports().stream()
        .map(p -> p.name().map(n -> n + "=").orElse("") + (p.number() == null ? "?" : p.number())
            + (p.protocol().equals("TCP") ? "" : "/" + p.protocol()))
        .collect(Collectors.joining(", "));
    return s.isEmpty() ? "none" : s;
  }
}
