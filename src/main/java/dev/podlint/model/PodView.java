package dev.podlint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pod spec of a workload object and its containers. {@link #of} finds the pod spec where the
 * object's row of {@link WorkloadKinds} says it is.
 */
public final class PodView {
  private final K8sObject object;
  private final WorkloadKind workloadKind;
  private final YMap spec;
  private final YScalar specKey;
  private final YMap template;
  private final List<K8sObject> fileObjects;
  private final RunConfigMaps runConfigMaps;
  /** Built on first use: many views (suppressions, object rules) never look at the containers. */
  private volatile List<ContainerView> containers;
  /** What checks computed about this pod and share (see {@link #memo}). */
  private Map<Object, Object> memos;

  private PodView(K8sObject object, WorkloadKind workloadKind, YMap template, YMap spec, YScalar specKey, List<K8sObject> fileObjects,
      RunConfigMaps runConfigMaps) {
    this.object = object;
    this.workloadKind = workloadKind;
    this.fileObjects = fileObjects;
    this.runConfigMaps = runConfigMaps;
    this.template = template;
    this.spec = spec;
    this.specKey = specKey;
  }

  private static List<ContainerView> containersOf(YMap spec) {
    List<ContainerView> list = new ArrayList<>();
    List<YMap> init = spec.maps("initContainers");
    for (int i = 0; i < init.size(); i++) {
      YMap c = init.get(i);
      boolean sidecar = c.string("restartPolicy").map("Always"::equals).orElse(false);
      list.add(new ContainerView(c, sidecar ? ContainerRole.SIDECAR : ContainerRole.INIT, i));
    }
    List<YMap> regular = spec.maps("containers");
    for (int i = 0; i < regular.size(); i++) {
      list.add(new ContainerView(regular.get(i), ContainerRole.REGULAR, i));
    }
    return Collections.unmodifiableList(list);
  }

  /** The pod spec of {@code object}, or empty when it is not a workload or has no pod spec. */
  public static Optional<PodView> of(K8sObject object) {
    return of(object, List.of());
  }

  /**
   * The pod spec of {@code object}, which sits in a file with {@code fileObjects} (so that the
   * ConfigMaps a pod mounts can be read when they are in the same file).
   */
  public static Optional<PodView> of(K8sObject object, List<K8sObject> fileObjects) {
    return of(object, fileObjects, RunConfigMaps.NONE);
  }

  /**
   * The pod spec of {@code object}, which sits in a file with {@code fileObjects}, in a run whose
   * other files hold {@code runConfigMaps} (so that a ConfigMap the pod mounts from another file can
   * be read too).
   */
  public static Optional<PodView> of(K8sObject object, List<K8sObject> fileObjects, RunConfigMaps runConfigMaps) {
    WorkloadKind kind = WorkloadKinds.current().find(object).orElse(null);
    if (kind == null) {
      return Optional.empty();
    }
    YMap cur = object.root();
    YMap parent = cur;
    YScalar key = null;
    for (String k : kind.podSpecPath()) {
      parent = cur;
      Optional<YMap.Entry> e = cur.entry(k);
      if (e.isEmpty() || !(e.get().value() instanceof YMap m)) {
        return Optional.empty();
      }
      key = e.get().key();
      cur = m;
    }
    return Optional.of(new PodView(object, kind, parent, cur, key, fileObjects, runConfigMaps));
  }

  public K8sObject object() {
    return object;
  }

  /** The object's row of {@link WorkloadKinds}: where its pods live and how long they run. */
  public WorkloadKind workloadKind() {
    return workloadKind;
  }

  public YMap spec() {
    return spec;
  }

  /** The mapping that holds the pod's {@code metadata} and {@code spec} (the object itself for a Pod). */
  public YMap template() {
    return template;
  }

  /** The labels the pods get: the template's {@code metadata.labels} (a Pod's own labels). */
  public Optional<YMap> labels() {
    return template.mapAt("metadata", "labels");
  }

  /**
   * The {@code data} of the ConfigMap called {@code name} in the pod's namespace (see
   * {@link #configMap}).
   */
  public Optional<YMap> configMapData(String name) {
    return configMap(name).flatMap(o -> o.root().map("data"));
  }

  /**
   * The ConfigMap called {@code name} in the pod's namespace (a missing namespace on either side
   * matches): the one in the pod's own file, else the one another file of the run holds.
   */
  public Optional<K8sObject> configMap(String name) {
    return fileObject("ConfigMap", name).or(() -> runConfigMaps.find(object.namespace(), name, object.file()));
  }

  /**
   * The object called {@code name} of {@code kind} in the pod's namespace, when the same file holds
   * it (a missing namespace on either side matches).
   */
  public Optional<K8sObject> fileObject(String kind, String name) {
    for (K8sObject o : FileObjects.named(fileObjects, kind, name)) {
      if (o.namespace() == null || object.namespace() == null || o.namespace().equals(object.namespace())) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /**
   * Data derived from the objects of the pod's file, built once per file and {@code key} when the
   * file's objects are {@link FileObjects} (as the loader gives them), else on every call.
   */
  public <T> T fileIndex(Object key, Function<List<K8sObject>, T> build) {
    return fileObjects instanceof FileObjects f ? f.index(key, build) : build.apply(fileObjects);
  }

  /**
   * What {@code compute} gives, computed once per view and {@code key} (compared by identity; use
   * a constant): several checks that need the same analysis of one pod share it.
   */
  @SuppressWarnings("unchecked")
  public synchronized <T> T memo(Object key, Supplier<T> compute) {
    if (memos == null) {
      memos = new IdentityHashMap<>();
    }
    Object found = memos.get(key);
    if (found == null) {
      found = compute.get();
      memos.put(key, found);
    }
    return (T) found;
  }

  /** The objects of the file the pod's object is in (itself included), in file order. */
  public List<K8sObject> fileObjects() {
    return fileObjects;
  }

  /** The pod-level {@code securityContext}, when it is a mapping. */
  public Optional<YMap> securityContext() {
    return spec.map("securityContext");
  }

  /**
   * Whether the pods run on Windows nodes: {@code spec.os.name: windows}, or a node selector
   * {@code kubernetes.io/os: windows} (the older way to say it). Linux-only security settings
   * (capabilities, user IDs, read-only root filesystems) do not apply there.
   */
  public boolean isWindows() {
    boolean os = spec.mapAt("os").flatMap(m -> m.string("name")).map("windows"::equalsIgnoreCase).orElse(false);
    return os || spec.mapAt("nodeSelector").flatMap(m -> m.string("kubernetes.io/os"))
        .map("windows"::equalsIgnoreCase).orElse(false);
  }

  /** The key of the pod spec ({@code spec:}), where findings about the whole pod point. */
  public YScalar specKey() {
    return specKey;
  }

  /** Init containers (classic and native sidecars) in order, then regular containers in order. */
  public List<ContainerView> containers() {
    List<ContainerView> c = containers;
    if (c == null) {
      synchronized (this) { // one list, so that checks may compare containers by identity
        c = containers;
        if (c == null) {
          c = containersOf(spec);
          containers = c;
        }
      }
    }
    return c;
  }

  public List<ContainerView> regularContainers() {
    return containers().stream().filter(c -> c.role() == ContainerRole.REGULAR).toList();
  }

  /** The key node of {@code containers}. */
  public Optional<YScalar> containersKey() {
    return spec.keyNode("containers");
  }

  public Optional<String> restartPolicy() {
    return spec.string("restartPolicy");
  }

  /**
   * Whether the pod is meant to run indefinitely: every controller kind except those that run to
   * completion (Job, CronJob), and a bare Pod (or PodTemplate) whose restartPolicy is absent or
   * {@code Always}.
   */
  public boolean isLongRunning() {
    return switch (workloadKind.running()) {
      case TO_COMPLETION -> false;
      case BY_RESTART_POLICY -> restartPolicy().map("Always"::equals).orElse(true);
      case ALWAYS -> true;
    };
  }

  /**
   * The groups of containers that run at the same time. The main phase holds every regular
   * container and native sidecar; each classic init container runs with the native sidecars
   * declared before it. Each group is listed once and is never empty; a classic init container's
   * group is returned only when it has a partner, with the init container last.
   */
  public List<List<ContainerView>> concurrentGroups() {
    List<List<ContainerView>> groups = new ArrayList<>();
    List<ContainerView> sidecarsSoFar = new ArrayList<>();
    for (ContainerView c : containers()) {
      if (c.role() == ContainerRole.SIDECAR) {
        sidecarsSoFar.add(c);
      } else if (c.role() == ContainerRole.INIT && !sidecarsSoFar.isEmpty()) {
        List<ContainerView> g = new ArrayList<>(sidecarsSoFar);
        g.add(c);
        groups.add(g);
      }
    }
    List<ContainerView> main = containers().stream().filter(ContainerView::isLongRunning).toList();
    if (!main.isEmpty()) {
      groups.add(main);
    }
    return groups;
  }
}
