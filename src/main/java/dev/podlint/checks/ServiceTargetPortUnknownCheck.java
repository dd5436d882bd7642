package dev.podlint.checks;

import java.util.regex.Pattern;
import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * service-target-port-unknown: each {@code spec.ports} entry of a Service forwards to its
 * {@code targetPort} (its {@code port} when absent) on the pods its selector picks. The
 * EndpointSlice controller resolves a named targetPort among the pods' declared ports (name and
 * protocol, regular containers and native sidecars), so a name no selected workload declares leaves
 * the Service without endpoints for that port (error; variant {@code protocol} when the name exists
 * for another protocol). A number is used as is, so an undeclared number only may miss the process
 * (variants {@code number} and {@code defaulted}, notes); it is judged only when every selected
 * workload declares ports at all, and a port the containers evidently listen on (the networking
 * model: flags, variables, mounted configuration, image defaults, probes) counts as declared.
 *
 * <p>Reports at the targetPort value (the port value when targetPort is absent), with each selected
 * workload's pod labels as related locations. Silent when the selector picks no workload
 * (service-selects-no-pods covers that) or also the pods of a custom resource with a pod template.
 */
public final class ServiceTargetPortUnknownCheck implements Check.RunCheck {
  @Override
  public void check(Inventory inventory, Function<K8sObject, Findings> out) {
    Services.Selection selection = new Services.Selection(inventory);
    for (K8sObject service : inventory.services()) {
      Optional<Services.Selecting> s = Services.of(service);
      if (s.isEmpty()) {
        continue;
      }
      List<Workload> selected = selection.select(s.get().namespace(), s.get().selector());
      if (selected.isEmpty() || selection.mayOwnPods(s.get().namespace(), s.get().selector(), false).isPresent()) {
        continue; // nothing selected, or also pods of a custom resource whose ports podlint cannot see
      }
      Findings sink = null;
      for (YMap port : s.get().spec().maps("ports")) {
        Optional<Problem> p = judge(port, selected);
        if (p.isPresent()) {
          if (sink == null) {
            sink = out.apply(service);
          }
          report(p.get(), selected, sink);
        }
      }
    }
  }

  /** What is wrong with one Service port. */
  private record Problem(YScalar at, String variant, String target, String port) {}

  private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Za-z].*");

  private static Optional<Problem> judge(YMap port, List<Workload> selected) {
    Optional<YScalar> portNode = port.scalar("port").filter(n -> !n.isNull());
    Optional<YNode> targetValue = port.get("targetPort");
    if (portNode.isEmpty() || Services.isUnrendered(portNode.get())
        || targetValue.isPresent() && !(targetValue.get() instanceof YScalar)) {
      return Optional.empty();
    }
    Optional<String> protocolText = port.string("protocol");
    if (protocolText.isPresent() && Templates.isUnrendered(protocolText.get())) {
      return Optional.empty();
    }
    String protocol = PortDecl.normalizeProtocol(protocolText.orElse(null));
    Optional<Long> portNumber = portNode.get().asLong();
    if (portNumber.isEmpty()) {
      return Optional.empty(); // not a number: schema-violation says so
    }
    String portText = portNumber.get() + (protocol.equals("TCP") ? "" : "/" + protocol);
    YScalar target = targetValue.map(YScalar.class::cast).filter(t -> !t.isNull()).orElse(null);
    if (target == null) {
      // no targetPort: Kubernetes defaults it to port
      return undeclaredNumber(portNumber.get(), selected)
          ? Optional.of(new Problem(portNode.get(), "defaulted", String.valueOf(portNumber.get()), portText))
          : Optional.empty();
    }
    if (Templates.isUnrendered(target.value())) {
      return Optional.empty();
    }
    Optional<Long> number = target.asLong();
    if (number.isPresent()) {
      return undeclaredNumber(number.get(), selected)
          ? Optional.of(new Problem(target, "number", String.valueOf(number.get()), portText))
          : Optional.empty();
    }
    if (!target.isString() || !HAS_LETTER.matcher(target.value()).matches()) {
      return Optional.empty(); // not a port name ("8080" quoted, a float): the API server rejects it
    }
    String name = target.value();
    boolean nameAndProtocol = false;
    boolean nameOnly = false;
    for (Workload w : selected) {
      for (Inventory.Port p : w.ports()) {
        if (p.name() != null && Templates.isUnrendered(p.name())) {
          return Optional.empty(); // could be the name
        }
        if (name.equals(p.name())) {
          if (protocol.equals(p.protocol())) {
            nameAndProtocol = true;
          } else {
            nameOnly = true;
          }
        }
      }
    }
    if (nameAndProtocol) {
      return Optional.empty();
    }
    return Optional.of(new Problem(target, nameOnly ? "protocol" : null, "'" + name + "'", portText));
  }

  /**
   * Whether no selected workload declares container port {@code n}; false when some workload
   * declares no ports at all or a port whose number is unknown (unrendered), so it cannot be
   * judged, or when its containers evidently listen on {@code n} (a probe on it, {@code --port=n}
   * in their args, their image's default port...).
   */
  private static boolean undeclaredNumber(long n, List<Workload> selected) {
    for (Workload w : selected) {
      if (w.ports().isEmpty() || w.mayListenOn(n)) {
        return false;
      }
      for (Inventory.Port p : w.ports()) {
        if (p.number() == null || p.number() == n) {
          return false;
        }
      }
    }
    return true;
  }

  private static void report(Problem p, List<Workload> selected, Findings out) {
    Set<String> declared = new LinkedHashSet<>();
    selected.forEach(w -> declared.addAll(ports(w)));
    Findings.Builder b = out.at(p.at()).variant(p.variant())
        .arg("target", p.target()).arg("port", p.port())
        .arg("workloads", Services.names(selected))
        .arg("declared", declared.isEmpty() ? "none" : String.join(", ", declared));
    for (Workload w : selected) {
      List<String> own = ports(w);
      b.related(w.file(), w.labelsAt(), Map.of("workload", Services.name(w),
          "podPorts", own.isEmpty() ? "none" : String.join(", ", own)));
    }
    b.report();
  }

  /** A workload's declared ports: {@code http=8080}, {@code 9090}, {@code dns=53/UDP}. */
  private static List<String> ports(Workload w) {
    Set<String> out = new LinkedHashSet<>();
    for (Inventory.Port p : w.ports()) {
      out.add((p.name() == null ? "" : p.name() + "=") + (p.number() == null ? "?" : p.number())
          + (p.protocol().equals("TCP") ? "" : "/" + p.protocol()));
    }
    return List.copyOf(out);
  }
}
