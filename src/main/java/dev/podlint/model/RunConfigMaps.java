package dev.podlint.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ConfigMaps of every file of a lint run, by name, so that a pod can read a ConfigMap it mounts
 * from another file (a Deployment in {@code deployment.yaml}, its nginx configuration in
 * {@code configmap.yaml}). Immutable once built.
 */
public final class RunConfigMaps {
  /** A run of one file: its own objects are all there is. */
  public static final RunConfigMaps NONE = new RunConfigMaps(Map.of());

  private final Map<String, List<K8sObject>> byName;

  private RunConfigMaps(Map<String, List<K8sObject>> byName) {
    this.byName = byName;
  }

  /** An index of {@code configMaps} (objects of kind ConfigMap; others are ignored). */
  public static RunConfigMaps of(List<K8sObject> configMaps) {
    Map<String, List<K8sObject>> index = new HashMap<>();
    for (K8sObject o : configMaps) {
      if (o.kind().equals("ConfigMap") && o.name() != null) {
        index.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
      }
    }
    // the same order whatever the order the files were read in
    Comparator<K8sObject> order = Comparator.comparing((K8sObject o) -> o.file().displayName())
        .thenComparingInt(K8sObject::documentIndex);
    index.replaceAll((k, v) -> v.stream().sorted(order).toList());
    return index.isEmpty() ? NONE : new RunConfigMaps(Map.copyOf(index));
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /**
   * The ConfigMap called {@code name} that a pod in {@code namespace} (null: not set) of
   * {@code from} would read: one in the same namespace before one without a namespace (a missing
   * namespace on either side matches), then the one whose file shares the longest directory with
   * {@code from} (kustomize bases and overlays often repeat a name), then the first by file name.
   */
  public Optional<K8sObject> find(String namespace, String name, SourceFile from) {
    K8sObject best = null;
    int bestScore = -1;
    for (K8sObject o : byName.getOrDefault(name, List.of())) {
      if (o.namespace() != null && namespace != null && !o.namespace().equals(namespace)) {
        continue;
      }
      int score = (o.namespace() != null && o.namespace().equals(namespace) ? 1 << 20 : 0)
          + sharedDirectories(o.file().displayName(), from == null ? "" : from.displayName());
      if (score > bestScore) {
        best = o;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** How many leading directories two file names share. */
  private static int sharedDirectories(String a, String b) {
    String[] x = a.replace('\\', '/').split("/");
    String[] y = b.replace('\\', '/').split("/");
    int n = 0;
    while (n < x.length - 1 && n < y.length - 1 && x[n].equals(y[n])) {
      n++;
    }
    return n;
  }
}
