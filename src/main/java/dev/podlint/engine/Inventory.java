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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
   * @param labels the labels the pods get: the template's, plus {@code job-name} and
   *     {@code batch.kubernetes.io/job-name} that the Job controller adds to a Job's pods (unless
   *     the Job sets {@code manualSelector}), in file order
   * @param mentionedPorts numbers the long-running containers are told about without declaring
   *     them: probe ports, and numbers in {@code command}, {@code args} and {@code env} values
   *     ({@code --port=18080}, {@code 0.0.0.0:9090})
   */
  public record Workload(String kind, String name, String namespace, SourceFile file, Span labelsAt,
      Map<String, String> labels, List<Port> ports, Set<Long> mentionedPorts) {
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

  /**
   * An object of a custom resource kind (an API group with a dot that is not a Kubernetes one):
   * operators create pods for many of them, with labels podlint cannot know.
   *
   * @param templateLabels the labels of {@code spec.template.metadata} when the resource has a
   *     pod-template-like field (Argo Rollouts, OpenShift DeploymentConfig), else empty
   */
  public record CustomResource(String apiVersion, String kind, String name, String namespace,
      Map<String, String> templateLabels) {}

  private final List<K8sObject> services = new ArrayList<>();
  private final List<CustomResource> customResources = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final Map<String, List<Workload>> byLabel = new HashMap<>();

  /** Records {@code object} if cross-object rules need it. */
  void add(K8sObject object, PodView pod) {
    if (object.kind().equals("Service")) {
      services.add(object);
    } else if (pod == null && isCustomResource(object.apiVersion())) {
      Map<String, String> labels = new LinkedHashMap<>();
      object.root().mapAt("spec", "template", "metadata", "labels").ifPresent(m -> putLabels(m, labels));
      customResources.add(new CustomResource(object.apiVersion(), object.kind(), object.name(), object.namespace(),
          Collections.unmodifiableMap(labels)));
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
    customResources.addAll(other.customResources);
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

  /** Objects of custom resource kinds, in file order. */
  public List<CustomResource> customResources() {
    return Collections.unmodifiableList(customResources);
  }

  /** {@code group/version} with a group that has a dot and is not a Kubernetes group ({@code *.k8s.io}). */
  private static boolean isCustomResource(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return false; // the core group: v1
    }
    String group = apiVersion.substring(0, slash);
    return group.contains(".") && !group.endsWith(".k8s.io") && !group.equals("k8s.io");
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
    pod.labels().ifPresent(m -> putLabels(m, labels));
    boolean manualSelector = o.root().mapAt("spec").flatMap(s -> s.scalar("manualSelector"))
        .flatMap(YScalar::asBoolean).orElse(false);
    if (o.kind().equals("Job") && o.name() != null && !manualSelector) {
      labels.putIfAbsent("batch.kubernetes.io/job-name", o.name());
      labels.putIfAbsent("job-name", o.name());
    }
    Span at = pod.template().mapAt("metadata").flatMap(m -> m.keyNode("labels")).map(YScalar::span)
        .orElse(pod.specKey().span());
    List<Port> ports = new ArrayList<>();
    Set<Long> mentioned = new TreeSet<>();
    for (ContainerView c : pod.containers()) {
      if (!c.isLongRunning()) {
        continue;
      }
      for (PortDecl p : c.ports()) {
        ports.add(new Port(c.name(), p.name().orElse(null), p.number(), p.protocol()));
      }
      mentionedPorts(c, mentioned);
    }
    return new Workload(o.kind(), o.name(), o.namespace(), o.file(), at, Collections.unmodifiableMap(labels),
        List.copyOf(ports), Set.copyOf(mentioned));
  }

  private static void putLabels(YMap m, Map<String, String> labels) {
    m.effectiveEntries().forEach(e -> {
      if (e.value() instanceof YScalar v && !v.isNull()) {
        labels.put(e.key().value(), v.value());
      }
    });
  }

  /** A port-sized number not part of a longer number or a dotted version or address octet. */
  private static final Pattern NUMBER = Pattern.compile("(?<![0-9.])[0-9]{2,5}(?![0-9]|\\.[0-9])");

  /** Adds the numbers {@code c} is told about: probe ports, and numbers in command, args and env values. */
  private static void mentionedPorts(ContainerView c, Set<Long> out) {
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      c.probe(probe).ifPresent(p -> {
        for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
          p.map(handler).flatMap(h -> h.scalar("port")).flatMap(YScalar::asLong).ifPresent(out::add);
        }
      });
    }
    List<YScalar> texts = new ArrayList<>();
    for (String key : List.of("command", "args")) {
      c.node().seq(key).ifPresent(s -> s.items().forEach(n -> {
        if (n instanceof YScalar v) {
          texts.add(v);
        }
      }));
    }
    c.node().maps("env").forEach(e -> e.scalar("value").ifPresent(texts::add));
    for (YScalar t : texts) {
      Matcher m = NUMBER.matcher(t.value());
      while (m.find()) {
        long n = Long.parseLong(m.group());
        if (n > 0 && n <= 65535) {
          out.add(n);
        }
      }
    }
  }
}
