package dev.podlint.advise;

import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workload of one part of a split, as the manifest to write: the original object's metadata
 * and the pod spec with only the part's containers and the volumes they mount; the selector,
 * replicas, strategy and claims that suit the part's kind; comments on what moved and why.
 */
final class PartWorkload {
  /** Set by the cluster, not by whoever writes the manifest; they describe the old object. */
  private static final List<String> CLUSTER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp",
      "generation", "managedFields", "selfLink", "ownerReferences", "generateName", "deletionTimestamp",
      "deletionGracePeriodSeconds");
  private static final List<String> CLUSTER_ANNOTATIONS = List.of(
      "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");
  /** Spec fields each kind may carry over when the kind changes (besides replicas and the pod template). */
  private static final Map<String, Set<String>> PORTABLE = Map.of(
      "Deployment", Set.of("minReadySeconds", "revisionHistoryLimit"),
      "StatefulSet", Set.of("minReadySeconds", "revisionHistoryLimit"),
      "ReplicaSet", Set.of("minReadySeconds"),
      "ReplicationController", Set.of("minReadySeconds"),
      "DaemonSet", Set.of("minReadySeconds", "revisionHistoryLimit"));

  private final SplitBuilder b;
  private final int i;
  private final SplitPlan.Part part;
  private final K8sObject object;
  private final String kind;
  /** The original object's row of the table of workload kinds. */
  private final WorkloadKind row;
  private final NodeCopy copy;
  private final List<String> header = new ArrayList<>();

  PartWorkload(SplitBuilder b, int i) {
    this.b = b;
    this.i = i;
    this.part = b.parts.get(i);
    this.object = b.object;
    this.kind = b.kinds[i];
    this.row = b.pod.workloadKind();
    this.copy = new NodeCopy(b.rewrites.get(i));
  }

  YamlWriter.Commented manifest() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", kind.equals(object.kind()) && !row.kubernetes() ? object.apiVersion()
        : kind.equals("ReplicationController") ? "v1" : "apps/v1");
    root.put("kind", kind);
    root.put("metadata", metadata());
    root.put("spec", spec());
    describe();
    return new YamlWriter.Commented(header, root);
  }

  private Map<String, Object> metadata() {
    Map<String, Object> meta = NodeCopy.PLAIN.map(object.root().map("metadata").orElse(null));
    meta.put("name", b.names[i]);
    CLUSTER_METADATA.forEach(meta::remove);
    withoutClusterAnnotations(meta);
    if (i > 0 && meta.get("labels") instanceof Map<?, ?> l) {
      Map<String, Object> labels = new LinkedHashMap<>();
      l.forEach((k, v) -> labels.put(String.valueOf(k), v));
      b.selectors.get(i).forEach((k, v) -> labels.computeIfPresent(k, (x, old) -> v));
      meta.put("labels", labels);
    }
    return meta;
  }

  private static void withoutClusterAnnotations(Map<String, Object> meta) {
    if (meta.get("annotations") instanceof Map<?, ?> a) {
      Map<String, Object> kept = new LinkedHashMap<>();
      a.forEach((k, v) -> {
        if (!CLUSTER_ANNOTATIONS.contains(String.valueOf(k))) {
          kept.put(String.valueOf(k), v);
        }
      });
      if (kept.isEmpty()) {
        meta.remove("annotations");
      } else {
        meta.put("annotations", kept);
      }
    }
  }

  private Map<String, Object> spec() {
    Optional<YMap> original = object.kind().equals("Pod") ? Optional.empty() : object.root().map("spec");
    Map<String, Object> spec = new LinkedHashMap<>();
    if (original.isPresent()) {
      for (YMap.Entry e : original.get().effectiveEntries()) {
        String key = e.key().value();
        if (kind.equals(object.kind()) || PORTABLE.getOrDefault(kind, Set.of()).contains(key) || key.equals("replicas")) {
          spec.put(key, copy.copy(e.value()));
        }
      }
    }
    replicas(spec);
    boolean ownKind = kind.equals(object.kind()) && !row.kubernetes();
    boolean selects = !ownKind || row.selector() != WorkloadKind.Selector.NONE;
    if (selects && (i > 0 || object.kind().equals("Pod") || !spec.containsKey("selector"))) {
      Map<String, Object> labels = new LinkedHashMap<>(b.selectors.get(i));
      boolean plain = kind.equals("ReplicationController") || ownKind && row.selector() == WorkloadKind.Selector.LABEL_MAP;
      spec.put("selector", plain ? labels : Map.of("matchLabels", labels));
    }
    if (kind.equals("StatefulSet")) {
      boolean keeps = i == 0 && object.kind().equals("StatefulSet") && spec.containsKey("serviceName");
      if (!keeps) {
        spec.remove("serviceName");
        b.serviceName(i).ifPresent(n -> spec.put("serviceName", n));
      }
      claimTemplates(spec);
    }
    if (kind.equals("DaemonSet")) {
      spec.remove("replicas");
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", templateMetadata());
    template.put("spec", podSpec());
    spec.put("template", template);
    return ordered(spec);
  }

  /** The usual order of a workload's spec: replicas, selector, serviceName, template, then the rest. */
  private static Map<String, Object> ordered(Map<String, Object> spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : List.of("replicas", "selector", "serviceName")) {
      if (spec.containsKey(k)) {
        out.put(k, spec.get(k));
      }
    }
    spec.forEach((k, v) -> {
      if (!k.equals("template") && !k.equals("volumeClaimTemplates")) {
        out.putIfAbsent(k, v);
      }
    });
    out.put("template", spec.get("template"));
    if (spec.containsKey("volumeClaimTemplates")) {
      out.put("volumeClaimTemplates", spec.get("volumeClaimTemplates"));
    }
    return out;
  }

  /**
   * Stateless parts keep the original replica count (a bare Pod was one); a data service moved out
   * of a replicated Deployment runs one, since each replica would hold its own copy of the data.
   */
  private void replicas(Map<String, Object> spec) {
    if (object.kind().equals("Pod")) {
      spec.put("replicas", 1);
      return;
    }
    boolean movedData = i > 0 && part.role() == SplitPlan.Role.DATA_SERVICE && !object.kind().equals("StatefulSet")
        && !object.kind().equals("DaemonSet");
    Object r = spec.get("replicas");
    String was = NodeCopy.text(r);
    if (movedData && was != null && !was.equals("1")) {
      spec.put("replicas", new YamlWriter.Commented(List.of("was " + was + ": each replica of '" + part.main().name()
          + "' would hold its own copy of the data; scale it with its own clustering"), 1));
    }
  }

  /** A StatefulSet's claim templates go with the parts whose containers mount them. */
  private void claimTemplates(Map<String, Object> spec) {
    spec.remove("volumeClaimTemplates");
    if (!object.kind().equals("StatefulSet")) {
      return;
    }
    Set<String> mounts = b.mounted(i);
    List<Object> kept = new ArrayList<>();
    for (YMap t : object.root().mapAt("spec").map(m -> m.maps("volumeClaimTemplates")).orElse(List.of())) {
      Optional<String> name = t.mapAt("metadata").flatMap(m -> m.string("name"));
      if (name.isPresent() && mounts.contains(name.get())) {
        kept.add(copy.copy(t));
        if (i > 0) {
          b.notes.get(i).add("claims are named after their StatefulSet: the data of '" + name.get() + "' is in claims "
              + name.get() + "-" + b.base + "-<ordinal>, and " + name.get() + "-" + b.names[i]
              + "-<ordinal> start empty; copy the data before switching over");
        }
      }
    }
    if (!kept.isEmpty()) {
      spec.put("volumeClaimTemplates", kept);
    }
  }

  private Map<String, Object> templateMetadata() {
    Map<String, Object> meta;
    if (object.kind().equals("Pod")) {
      meta = new LinkedHashMap<>();
      Map<String, Object> objectMeta = NodeCopy.PLAIN.map(object.root().map("metadata").orElse(null));
      withoutClusterAnnotations(objectMeta);
      if (objectMeta.get("annotations") != null) {
        meta.put("annotations", objectMeta.get("annotations"));
      }
    } else {
      meta = NodeCopy.PLAIN.map(b.pod.template().map("metadata").orElse(null));
      meta.remove("creationTimestamp");
    }
    Map<String, Object> labels = new LinkedHashMap<>(b.labels);
    labels.putAll(b.selectors.get(i));
    meta.put("labels", labels);
    return meta;
  }

  /** The pod spec with only the part's containers and the volumes they mount. */
  private Map<String, Object> podSpec() {
    Map<String, Object> spec = copy.map(b.pod.spec());
    if (object.kind().equals("Pod")) {
      spec.remove("nodeName"); // a controller's replicas are scheduled, not pinned to one node
      spec.remove("restartPolicy"); // a controller's pods always restart
      spec.remove("activeDeadlineSeconds"); // a controller's pods run until replaced
    }
    List<Object> init = new ArrayList<>();
    List<Object> regular = new ArrayList<>();
    for (ContainerView c : b.pod.containers()) {
      if (part.contains(c)) {
        (c.role() == ContainerRole.REGULAR ? regular : init).add(copy.copy(c.node()));
      }
    }
    if (init.isEmpty()) {
      spec.remove("initContainers");
    } else {
      spec.put("initContainers", init);
    }
    spec.put("containers", regular);
    Set<String> mounts = b.mounted(i);
    List<Object> volumes = new ArrayList<>();
    for (YMap v : b.pod.spec().maps("volumes")) {
      if (v.string("name").filter(mounts::contains).isPresent()) {
        volumes.add(copy.copy(v));
      }
    }
    if (volumes.isEmpty()) {
      spec.remove("volumes");
    } else {
      spec.put("volumes", volumes);
    }
    return spec;
  }

  /** The comments above the workload: where it comes from, who runs in it and why, what to check. */
  private void describe() {
    boolean keepsSelector = row.kubernetes() || row.selector() != WorkloadKind.Selector.NONE;
    header.add("podlint advise (unrelated-services-in-pod): " + (i == 0 ? "" : "split from ") + object.kind() + " "
        + b.base + (i == 0 ? kind.equals(object.kind()) ? ", keeping its name" + (keepsSelector ? " and selector" : "")
        : ", now a " + kind : ""));
    if (!row.kubernetes()) {
      header.add(ownKindNote());
    }
    if (object.kind().equals("Pod")) {
      header.add("a bare Pod becomes a " + kind + ", so a controller replaces it when it dies");
      b.pod.restartPolicy().filter(r -> !r.equals("Always"))
          .ifPresent(r -> header.add("restartPolicy " + r + " is dropped: a controller's pods always restart"));
    }
    if (kind.equals("StatefulSet") && !object.kind().equals("StatefulSet")) {
      header.add("'" + part.main().name() + "' keeps data: a StatefulSet replaces its pod only after the old one "
          + "stopped, so two pods never write the same data at once" + claims());
    } else if (kind.equals("Deployment") && object.kind().equals("StatefulSet")) {
      header.add("'" + part.main().name() + "' keeps no data, so it runs as a Deployment");
    }
    for (SplitPlan.Member m : part.members()) {
      String why = m.why() == null ? "" : m.why();
      header.add("'" + m.container().name() + "'" + (m.service() ? why.isEmpty() ? "" : ": " + why
          : " goes with it: " + why));
    }
    if (i > 0) {
      header.add("its selector " + ServiceDraft.show(new LinkedHashMap<>(b.selectors.get(i))) + " keeps it apart from "
          + b.names[0] + "'s pods");
    }
    header.addAll(b.notes.get(i));
  }

  /**
   * Why a part of a kind that is not Kubernetes' own keeps that kind or becomes a Deployment
   * (see {@link SplitBuilder#keepsKind}).
   */
  private String ownKindNote() {
    String own = row.name();
    if (!SplitBuilder.keepsKind(row)) {
      return "podlint writes a " + own + " only when its pod template is spec.template, so this part is a " + kind
          + "; make it a " + own + " by hand if it needs to be one";
    }
    List<String> fields = object.root().mapAt("spec").map(m -> m.effectiveEntries().stream().map(e -> e.key().value())
        .filter(k -> !List.of("replicas", "selector", "template").contains(k)).toList()).orElse(List.of());
    String named = fields.isEmpty() ? "fields" : "fields (" + String.join(", ", fields) + ")";
    if (i == 0) {
      return "its " + own + " " + named + " are kept as they were: check those that name a container, port or "
          + "Service that moved to another part";
    }
    return "a " + kind + ", not a " + own + ": the " + own + "'s own " + named + " speak of " + b.names[0]
        + "; make this part a " + own + " of its own by hand if it needs what they do";
  }

  /** Named claims stay named: their data stays where it is. */
  private String claims() {
    List<String> named = new ArrayList<>();
    Set<String> mounts = b.mounted(i);
    for (YMap v : b.pod.spec().maps("volumes")) {
      Optional<String> claim = v.mapAt("persistentVolumeClaim").flatMap(c -> c.string("claimName"));
      if (claim.isPresent() && v.string("name").filter(mounts::contains).isPresent()) {
        named.add(claim.get());
      }
    }
    return named.isEmpty() ? "" : "; it keeps claim" + (named.size() > 1 ? "s " : " ") + SplitBuilder.join(named)
        + " by name, so its data stays (volumeClaimTemplates would give each replica a new, empty claim)";
  }
}
