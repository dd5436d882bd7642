package dev.podlint.advise;

import dev.podlint.model.K8sObject;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Service of a proposal, as the manifest to write: one of the file's own Services, pointed at the
 * part that serves its ports (written back only when it {@link #changed()}), or a new one.
 */
final class ServiceDraft {
  /** What a Service port may be called (an RFC 1123 label). */
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final K8sObject existing;
  private final String name;
  private final int part;
  private final Map<String, Object> root;
  private final Map<String, Object> spec;
  private final List<Object> ports;
  private final List<String> comments = new ArrayList<>();
  private boolean changed;

  private ServiceDraft(K8sObject existing, String name, int part, Map<String, Object> root) {
    this.existing = existing;
    this.name = name;
    this.part = part;
    this.root = root;
    this.spec = mapAt(root, "spec");
    Object p = spec.get("ports");
    this.ports = p instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    spec.put("ports", ports);
  }

  /** The file's Service {@code svc}, serving part {@code part}. */
  static ServiceDraft existing(K8sObject svc, int part) {
    return new ServiceDraft(svc, svc.name(), part, NodeCopy.PLAIN.map(svc.root()));
  }

  /**
   * A new Service called {@code name} for part {@code part}, selecting {@code selector};
   * {@code headless} for the governing Service of a StatefulSet.
   */
  static ServiceDraft fresh(String name, String namespace, int part, Map<String, String> selector, boolean headless,
      boolean nodeLocal) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    if (headless) {
      spec.put("clusterIP", new YamlWriter.Commented(List.of("headless: the governing Service of a StatefulSet "
          + "gives each of its pods a DNS name"), "None"));
    }
    if (nodeLocal) {
      spec.put("internalTrafficPolicy", new YamlWriter.Commented(
          List.of("a DaemonSet's clients usually want the instance on their own node"), "Local"));
    }
    spec.put("selector", new LinkedHashMap<>(selector));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", "v1");
    root.put("kind", "Service");
    root.put("metadata", meta);
    root.put("spec", spec);
    ServiceDraft d = new ServiceDraft(null, name, part, root);
    d.changed = true;
    return d;
  }

  String name() {
    return name;
  }

  int part() {
    return part;
  }

  Optional<K8sObject> existing() {
    return Optional.ofNullable(existing);
  }

  boolean changed() {
    return changed;
  }

  /** A line for the comment above the Service. */
  void comment(String line) {
    comments.add(line);
  }

  /** The Service as a writer value, its comments on top; no ports key when it has none (a headless Service). */
  YamlWriter.Commented manifest() {
    if (ports.isEmpty()) {
      spec.remove("ports");
    } else {
      spec.put("ports", ports);
    }
    return new YamlWriter.Commented(comments, root);
  }

  /** The selector, with each of {@code labels} set to its value; true when that changed it. */
  boolean select(Map<String, String> labels, String why) {
    Map<String, Object> selector = mapAt(spec, "selector");
    Map<String, Object> was = new LinkedHashMap<>(selector);
    boolean differs = false;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(NodeCopy.text(selector.get(e.getKey())))) {
        selector.put(e.getKey(), e.getValue());
        differs = true;
      }
    }
    if (differs) {
      spec.put("selector", new YamlWriter.Commented(List.of("podlint advise: was " + show(was) + "; " + why), selector));
      changed = true;
    }
    return differs;
  }

  /** The port entries, as written. */
  List<Object> ports() {
    return ports;
  }

  /** Takes the port entry out (it moves to another Service). */
  void remove(Object port) {
    ports.removeIf(p -> p == port);
    changed = true;
  }

  /** Adds a port entry as another Service wrote it (one that moves here). */
  void add(Object port) {
    ports.add(port);
    nameEveryPort();
    changed = true;
  }

  /**
   * The Service port that reaches container port {@code number} (called {@code portName} in its
   * container, or null), or -1 when none does.
   */
  int portFor(int number, String portName) {
    for (Object o : ports) {
      if (!(o instanceof Map<?, ?> p)) {
        continue;
      }
      String port = NodeCopy.text(p.get("port"));
      String target = p.containsKey("targetPort") ? NodeCopy.text(p.get("targetPort")) : port;
      if (target == null || port == null || !port.matches("\\d{1,5}")) {
        continue;
      }
      if (target.equals(String.valueOf(number)) || portName != null && target.equals(portName)) {
        return Integer.parseInt(port);
      }
    }
    return -1;
  }

  /** Adds port {@code number} (port and target alike) and returns it. */
  int addPort(int number, String protocol, String portName) {
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("name", freeName(portName != null && PORT_NAME.matcher(portName).matches() ? portName
        : protocol.toLowerCase(Locale.ROOT) + "-" + number));
    port.put("port", number);
    port.put("targetPort", number);
    if (!protocol.equals("TCP")) {
      port.put("protocol", protocol);
    }
    ports.add(port);
    nameEveryPort();
    changed = true;
    return number;
  }

  /** A Service with several ports must name each; unnamed ones get {@code tcp-<port>}. */
  @SuppressWarnings("unchecked")
  private void nameEveryPort() {
    if (ports.size() < 2) {
      return;
    }
    for (Object o : ports) {
      if (o instanceof Map<?, ?> p && NodeCopy.text(p.get("name")) == null) {
        String protocol = NodeCopy.text(p.get("protocol"));
        ((Map<String, Object>) p).put("name", freeName((protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT))
            + "-" + NodeCopy.text(p.get("port"))));
      }
    }
  }

  private String freeName(String wanted) {
    String candidate = wanted;
    for (int n = 2; taken(candidate); n++) {
      candidate = wanted + "-" + n;
    }
    return candidate;
  }

  private boolean taken(String portName) {
    return ports.stream().anyMatch(o -> o instanceof Map<?, ?> p && portName.equals(NodeCopy.text(p.get("name"))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapAt(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof YamlWriter.Commented c) {
      v = c.value();
    }
    if (v instanceof Map<?, ?> found) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) found);
      m.put(key, copy);
      return copy;
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    m.put(key, fresh);
    return fresh;
  }

  /** {@code app=shop, tier=web}. */
  static String show(Map<String, Object> labels) {
    List<String> parts = new ArrayList<>();
    labels.forEach((k, v) -> parts.add(k + "=" + (v instanceof YScalar s ? s.value() : NodeCopy.text(v))));
    return String.join(", ", parts);
  }
}
