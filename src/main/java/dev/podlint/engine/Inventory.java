package dev.podlint.engine;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What cross-object rules see of a whole run: every Service (whole, they are small) and a compact
 * summary of every workload's pods (labels and declared ports), so memory stays proportional to
 * the Services and the label sets, not to the workloads' trees. Workloads are indexed by namespace
 * and by label, so matching a selector costs the size of the smallest candidate list, not a pass
 * over every workload.
 */
public final class Inventory {
  /** A declared container port of a workload's pods. */
  public record Port(String container, String name, Long number, String protocol) {}

  /**
   * The pods of one workload object.
   *
   * @param labelsAt where the pod labels are (the {@code labels} key), for related locations
   */
  public record Workload(String kind, String name, String namespace, SourceFile file, Span labelsAt,
      Map<String, String> labels, List<Port> ports) {
    public String identity() {
      return kind + "/" + (namespace == null ? "-" : namespace) + "/" + (name == null ? "-" : name);
    }

    /** Whether every selector entry is one of the pod labels. */
    public boolean matches(Map<String, String> selector) {
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<K8sObject> services = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final Map<String, List<Workload>> byLabel = new HashMap<>();

  /** Records {@code object} if cross-object rules need it. */
  void add(K8sObject object, PodView pod) {
    if (object.kind().equals("Service")) {
      services.add(object);
    }
    if (pod != null && !object.kind().equals("PodTemplate")) {
      Workload w = summarize(pod);
      workloads.add(w);
      for (Map.Entry<String, String> e : w.labels().entrySet()) {
        byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
      }
    }
  }

  /** Adds everything {@code other} recorded (runs merge per-file inventories in file order). */
  void addAll(Inventory other) {
    services.addAll(other.services);
    for (Workload w : other.workloads) {
      workloads.add(w);
      for (Map.Entry<String, String> e : w.labels().entrySet()) {
        byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
      }
    }
  }

  public List<K8sObject> services() {
    return Collections.unmodifiableList(services);
  }

  public List<Workload> workloads() {
    return Collections.unmodifiableList(workloads);
  }

  /**
   * The workloads whose pods carry every label of {@code selector} and that may run in
   * {@code namespace}. A missing namespace on either side matches any: rendered manifests often
   * leave it to {@code kubectl apply -n} or Kustomize. An empty selector selects nothing here.
   */
  public List<Workload> selectedBy(String namespace, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return List.of();
    }
    List<Workload> smallest = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<Workload> c = byLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
      if (smallest == null || c.size() < smallest.size()) {
        smallest = c;
      }
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : smallest) {
      if (sameNamespace(namespace, w.namespace()) && w.matches(selector)) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean sameNamespace(String a, String b) {
    return a == null || b == null || a.equals(b);
  }

  private static Workload summarize(PodView pod) {
    K8sObject o = pod.object();
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<YMap> l = pod.labels();
    l.ifPresent(m -> m.effectiveEntries().forEach(e -> {
      if (e.value() instanceof YScalar v && !v.isNull()) {
        labels.put(e.key().value(), v.value());
      }
    }));
    Span at = pod.template().mapAt("metadata").flatMap(m -> m.keyNode("labels")).map(YScalar::span)
        .orElse(pod.specKey().span());
    List<Port> ports = new ArrayList<>();
    for (ContainerView c : pod.containers()) {
      if (!c.isLongRunning()) {
        continue;
      }
      for (PortDecl p : c.ports()) {
        ports.add(new Port(c.name(), p.name().orElse(null), p.number(), p.protocol()));
      }
    }
    return new Workload(o.kind(), o.name(), o.namespace(), o.file(), at, Map.copyOf(labels), List.copyOf(ports));
  }
}
