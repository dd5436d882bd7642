package dev.podlint.advise;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.WorkloadKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Services of a pod's file that select its pods: same namespace (a missing one on either side
 * matches), a non-empty selector whose every label the pods carry. The file's Services are indexed
 * once by one label of their selector, so a file with many Services stays cheap. The index keeps
 * places and selectors, not trees: in a file linted in parts, its objects are found through their
 * handles and only the Services are read again, and a selecting Service is read again when it is
 * asked for.
 */
final class SelectingServices {
  private static final Object INDEX = new Object();

  private SelectingServices() {}

  /** A Service's place in the file, its namespace and its selector. */
  private record Selecting(int position, String namespace, Map<String, String> selector) {}

  /** The Services by the first label of their selector ({@code key NUL value}). */
  private record Index(Map<String, List<Selecting>> byLabel) {}

  /** The Services that select {@code pod}'s pods, in file order. */
  static List<K8sObject> of(PodView pod) {
    Map<String, String> labels = NodeCopy.strings(pod.labels().orElse(null));
    Index index = pod.fileIndex(INDEX, SelectingServices::index);
    Map<Integer, Selecting> candidates = new TreeMap<>();
    labels.forEach((k, v) -> index.byLabel().getOrDefault(k + "\u0000" + v, List.of())
        .forEach(s -> candidates.put(s.position(), s)));
    String ns = pod.object().namespace();
    List<K8sObject> out = new ArrayList<>();
    for (Selecting s : candidates.values()) {
      boolean sameNamespace = s.namespace() == null || ns == null || s.namespace().equals(ns);
      if (sameNamespace && selects(s.selector(), labels)) {
        out.add(pod.fileObjects().get(s.position())); // the whole Service (read again in a large file)
      }
    }
    return out;
  }

  private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static Index index(List<K8sObject> objects) {
    Map<String, List<Selecting>> byLabel = new HashMap<>();
    List<K8sObject> handles = FileObjects.handles(objects); // only the Services are read again in a large file
    for (int position = 0; position < handles.size(); position++) {
      K8sObject svc = handles.get(position);
      if (!svc.kind().equals("Service") || WorkloadKinds.current().find(svc).isPresent()) { // not Knative's
        continue;
      }
      Map<String, String> selector = NodeCopy.strings(objects.get(position).root().mapAt("spec", "selector")
          .orElse(null));
      if (selector.isEmpty()) {
        continue;
      }
      Selecting s = new Selecting(position, svc.namespace(), selector);
      Map.Entry<String, String> key = selector.entrySet().iterator().next();
      byLabel.computeIfAbsent(key.getKey() + "\u0000" + key.getValue(), k -> new ArrayList<>()).add(s);
    }
    return new Index(byLabel);
  }
}
