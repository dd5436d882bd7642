package dev.podlint.checks;

import java.util.regex.Pattern;
import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * probe-port-undeclared: the kubelet resolves a probe's named port only among its own container's
 * ports, so an unknown name can never succeed; an undeclared number usually means the probe
 * checks the wrong process (or a port another container owns).
 */
public final class ProbePortUndeclaredCheck implements Check.ContainerCheck {
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "grpc");

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    for (String probeKey : PROBES) {
      Optional<YMap> probe = c.probe(probeKey);
      if (probe.isEmpty()) {
        continue;
      }
      for (String handler : HANDLERS) {
        Optional<YScalar> port = probe.get().map(handler).flatMap(h -> h.scalar("port")).filter(s -> !s.isNull());
        port.ifPresent(p -> checkPort(pod, c, probeKey, p, out));
      }
    }
  }

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private static void checkPort(PodView pod, ContainerView c, String probeKey, YScalar port, Findings out) {
    Long number = port.asLong().orElse(null);
    if (number == null && port.isString() && DIGITS.matcher(port.value()).matches()) {
      number = Long.parseLong(port.value()); // the kubelet falls back to reading a name as a number
    }
    String declared = describe(c);
    if (number != null) {
      final long n = number;
      if (c.ports().stream().noneMatch(p -> p.number() != null && p.number() == n)) {
        String owner = pod.containers().stream()
            .filter(o -> o != c && o.ports().stream().anyMatch(p -> p.number() != null && p.number() == n))
            .map(ContainerView::name).findFirst().orElse(null);
        out.at(port).variant("number")
            .arg("probe", probeKey).arg("port", n).arg("container", c.name()).arg("declared", declared)
            .arg("otherContainer", owner == null ? "" : "; port " + n + " belongs to container '" + owner + "'")
            .report();
      }
      return;
    }
    if (!port.isString() || Templates.isUnrendered(port.value())) {
      return; // a float or boolean (the schema rules report that), or a template left unrendered
    }
    String name = port.value();
    if (c.ports().stream().map(PortDecl::name).flatMap(Optional::stream).noneMatch(name::equals)) {
      out.at(port)
          .arg("probe", probeKey).arg("port", name).arg("container", c.name()).arg("declared", declared)
          .report();
    }
  }

  private static String describe(ContainerView c) {
    String s = c.ports().stream()
        .map(p -> p.name().map(n -> n + "=").orElse("") + (p.number() == null ? "?" : p.number()))
        .filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
    return s.isEmpty() ? "none" : s;
  }
}
