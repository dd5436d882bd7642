package dev.podlint.engine;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YTree;
import dev.podlint.net.Evidence;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the {@link Inventory} keeps of one document, made from its tree: the summaries of a
 * controller, an autoscaler and a workload's pods, the objects kept whole, a custom resource's
 * labels and the document's handle. Their nodes go into one {@link PackedNodes} and their strings,
 * labels and lists are shared through one {@link SharedValues}, both of one part of a run, on its
 * thread; {@link #done} gives up what only making them needs once the part joins the run's
 * inventory.
 */
final class Summaries {
  private final PackedNodes nodes = new PackedNodes();
  private SharedValues shared = new SharedValues();

  /** The part is merged: its nodes are sealed and what shared its values is dropped. */
  void done() {
    shared = null;
    nodes.seal();
  }

  /** {@code o} kept whole, packed, with only the top-level fields {@code keep} (see {@link #slim}). */
  PackedObject packed(K8sObject o, Set<String> keep) {
    return new PackedObject(slim(o, keep), nodes);
  }

  /** An object of a custom resource kind, with its pod template's labels when it has one. */
  Inventory.CustomResource customResource(K8sObject o) {
    Map<String, String> labels = new LinkedHashMap<>();
    o.root().mapAt("spec", "template", "metadata", "labels").ifPresent(m -> putLabels(m, labels));
    return new Inventory.CustomResource(SharedValues.intern(o.apiVersion()), SharedValues.intern(o.kind()),
        SharedValues.intern(o.name()), SharedValues.intern(o.namespace()), shared.labels(labels));
  }

  /**
   * The {@code spec.workloadRef} of an Argo Rollout, when it names a kind and a name; {@code handle}
   * is the document's handle when one was made already.
   */
  static Optional<Inventory.WorkloadRef> workloadRef(K8sObject o, K8sObject handle) {
    if (!o.kind().equals("Rollout") || !WorkloadKinds.groupOf(o.apiVersion()).equals("argoproj.io")) {
      return Optional.empty();
    }
    Optional<YMap> ref = o.root().mapAt("spec", "workloadRef");
    Optional<String> kind = ref.flatMap(r -> r.string("kind"));
    Optional<String> name = ref.flatMap(r -> r.string("name"));
    if (kind.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Inventory.WorkloadRef(handle != null ? handle : handle(o), SharedValues.intern(kind.get()),
        SharedValues.intern(name.get()),
        SharedValues.intern(o.namespace())));
  }

  /** The summary of a controller of a scalable kind. */
  Controller controller(K8sObject o, K8sObject handle, YScalar specKey, YMap spec) {
    Optional<YMap.Entry> replicas = spec.entry("replicas");
    YScalar replicasKey = replicas.map(YMap.Entry::key).orElse(null);
    YScalar replicasValue = replicas.map(YMap.Entry::value).filter(v -> v instanceof YScalar).map(v -> (YScalar) v)
        .orElse(null);
    Long count = replicasValue == null ? null : replicasValue.asLong().orElse(null);
    YNode labelsAt = specKey;
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<YMap.Entry> template = spec.entry("template");
    if (template.isPresent()) {
      labelsAt = template.get().key();
      if (template.get().value() instanceof YMap t) {
        Optional<YMap.Entry> meta = t.entry("metadata");
        if (meta.isPresent()) {
          labelsAt = meta.get().key();
          Optional<YMap.Entry> l = meta.get().value() instanceof YMap m ? m.entry("labels") : Optional.empty();
          if (l.isPresent()) {
            labelsAt = l.get().key();
            if (l.get().value() instanceof YMap lm) {
              putLabels(lm, labels);
            }
          }
        }
      }
    }
    boolean recreate = o.kind().equals("Deployment")
        && spec.mapAt("strategy").flatMap(s -> s.string("type")).map("Recreate"::equals).orElse(false);
    boolean sharedClaim = spec.mapAt("template", "spec").map(ps -> ps.maps("volumes").stream()
        .anyMatch(v -> v.get("persistentVolumeClaim").isPresent())).orElse(false);
    YScalar nameAt = o.root().mapAt("metadata").flatMap(m -> m.scalar("name")).filter(n -> !n.isNull()).orElse(null);
    YScalar serviceName = o.kind().equals("StatefulSet")
        ? spec.scalar("serviceName").filter(n -> !n.isNull()).orElse(null) : null;
    return new Controller(handle, nodes, nodes.put(nameAt), nodes.put(specKey), nodes.put(replicasKey),
        nodes.put(replicasValue), count, nodes.put(labelsAt), shared.labels(labels), recreate, sharedClaim,
        nodes.put(serviceName));
  }

  /** The autoscaler summary of an HPA or a KEDA ScaledObject; empty without a {@code spec} map. */
  Optional<Autoscaler> autoscaler(K8sObject o) {
    Optional<YMap.Entry> specEntry = o.root().entry("spec").filter(e -> e.value() instanceof YMap);
    if (specEntry.isEmpty()) {
      return Optional.empty();
    }
    YMap spec = (YMap) specEntry.get().value();
    boolean keda = o.kind().equals("ScaledObject");
    Optional<YMap.Entry> ref = spec.entry("scaleTargetRef");
    YMap refMap = ref.map(YMap.Entry::value).filter(v -> v instanceof YMap).map(v -> (YMap) v).orElse(null);
    YScalar kindAt = refMap == null ? null : refMap.scalar("kind").filter(s -> !s.isNull()).orElse(null);
    String kind = kindAt != null ? kindAt.value() : keda && refMap != null ? "Deployment" : null;
    YScalar nameAt = refMap == null ? null : refMap.scalar("name").filter(s -> !s.isNull()).orElse(null);
    YNode targetAt = nameAt != null ? nameAt : ref.<YNode>map(YMap.Entry::key).orElse(specEntry.get().key());
    String minKey = keda ? "minReplicaCount" : "minReplicas";
    YScalar minAt = spec.scalar(minKey).filter(s -> !s.isNull()).orElse(null);
    Long min = minAt == null ? null : minAt.asLong().orElse(null);
    Long max = spec.scalar(keda ? "maxReplicaCount" : "maxReplicas").flatMap(YScalar::asLong).orElse(null);
    PackedObject packed = new PackedObject(o, nodes); // first, so that the nodes below are found in its tree
    return Optional.of(new Autoscaler(packed, SharedValues.intern(kind),
        nameAt == null ? null : SharedValues.intern(nameAt.value()), nodes.put(targetAt), nodes.put(kindAt), min,
        nodes.put(minAt), max, nodes.put(specEntry.get().key())));
  }

  /**
   * A small stand-in for {@code o} that findings can name and suppressions can match: the same
   * apiVersion, kind, name, namespace, file and document, and an empty tree (a run keeps one per
   * controller, so it must hold no nodes; findings on it point at nodes the controller keeps).
   */
  static K8sObject handle(K8sObject o) {
    return new K8sObject(SharedValues.intern(o.apiVersion()), SharedValues.intern(o.kind()),
        SharedValues.intern(o.name()), SharedValues.intern(o.namespace()),
        new YMap(List.of(), o.root().span(), o.root().path()), o.file(), o.documentIndex(), o.renderedFrom());
  }

  /**
   * {@code o} with only {@code apiVersion}, {@code kind}, the name and namespace of its metadata and
   * the top-level fields {@code keep}; the whole object when something left out holds unrendered
   * template text ({@code {{}}), which the cross-object rules look for.
   */
  private static K8sObject slim(K8sObject o, Set<String> keep) {
    List<YMap.Entry> kept = new ArrayList<>();
    boolean[] template = {false};
    for (YMap.Entry e : o.root().entries()) {
      String k = e.key().value();
      if (k.equals("apiVersion") || k.equals("kind") || keep.contains(k)) {
        kept.add(e);
      } else if (k.equals("metadata") && e.value() instanceof YMap m) {
        List<YMap.Entry> meta = new ArrayList<>();
        for (YMap.Entry me : m.entries()) {
          String mk = me.key().value();
          if (mk.equals("name") || mk.equals("namespace")) {
            meta.add(me);
          } else {
            YTree.forEachNode(me.value(), n -> template[0] |= holdsTemplate(n));
          }
        }
        kept.add(new YMap.Entry(e.key(), new YMap(meta, m.span(), m.path())));
      } else {
        YTree.forEachNode(e.value(), n -> template[0] |= holdsTemplate(n));
      }
    }
    return template[0] ? o : new K8sObject(o.apiVersion(), o.kind(), o.name(), o.namespace(),
        new YMap(kept, o.root().span(), o.root().path()), o.file(), o.documentIndex()).withRenderedFrom(o.renderedFrom());
  }

  private static boolean holdsTemplate(YNode n) {
    if (n instanceof YScalar s) {
      return s.value().contains("{{");
    }
    if (n instanceof YMap m) {
      for (YMap.Entry e : m.entries()) {
        if (e.key().value().contains("{{")) {
          return true;
        }
      }
    }
    return false;
  }

  Workload workload(PodView pod, NetKnowledge knowledge, K8sObject handle) {
    K8sObject o = pod.object();
    Map<String, String> labels = new LinkedHashMap<>();
    pod.labels().ifPresent(m -> putLabels(m, labels));
    boolean manualSelector = o.root().mapAt("spec").flatMap(s -> s.scalar("manualSelector"))
        .flatMap(YScalar::asBoolean).orElse(false);
    if (o.kind().equals("Job") && o.name() != null && !manualSelector) {
      labels.putIfAbsent("batch.kubernetes.io/job-name", o.name());
      labels.putIfAbsent("job-name", o.name());
    }
    YScalar labelsKey = pod.template().mapAt("metadata").flatMap(m -> m.keyNode("labels")).orElse(pod.specKey());
    List<Inventory.Port> ports = new ArrayList<>();
    for (ContainerView c : pod.containers()) {
      if (c.isLongRunning()) {
        for (PortDecl p : c.ports()) {
          ports.add(new Inventory.Port(SharedValues.intern(c.name()), SharedValues.intern(p.name().orElse(null)), p.number(),
              SharedValues.intern(p.protocol())));
        }
      }
    }
    return new Workload(pod.workloadKind(), SharedValues.intern(o.kind()), SharedValues.intern(o.name()),
        SharedValues.intern(o.namespace()), o.file(), shared.labels(labels), shared.ports(ports),
        listened(pod, knowledge), facts(pod, labelsKey, handle));
  }

  /**
   * The ports the pod's long-running containers listen on by any evidence but declaring them,
   * sorted; null when a configured image pattern is too slow here (the rules that use it report that).
   */
  private long[] listened(PodView pod, NetKnowledge knowledge) {
    PodNet net;
    try {
      net = PodNet.of(pod, knowledge);
    } catch (dev.podlint.model.BoundedRegex.TooSlowException e) {
      return null;
    }
    Set<Long> listened = new TreeSet<>();
    net.injected().forEach(p -> listened.add((long) p));
    for (ContainerView c : pod.containers()) {
      if (c.isLongRunning()) {
        net.of(c).ports(e -> e != Evidence.DECLARED).forEach(p -> listened.add((long) p));
      }
    }
    return shared.numbers(listened.stream().mapToLong(Long::longValue).toArray());
  }

  private PodFacts facts(PodView pod, YScalar labelsKey, K8sObject handle) {
    YMap spec = pod.spec();
    boolean hostNetwork = spec.scalar("hostNetwork").flatMap(YScalar::asBoolean).orElse(false);
    YScalar account = spec.scalar("serviceAccountName").filter(s -> !s.isNull() && !s.value().isEmpty())
        .or(() -> spec.scalar("serviceAccount").filter(s -> !s.isNull() && !s.value().isEmpty())).orElse(null);
    List<String> unhooked = new ArrayList<>();
    List<YScalar> at = new ArrayList<>();
    List<ContainerView> regular = pod.regularContainers();
    for (ContainerView c : regular) {
      boolean hooked = c.node().mapAt("lifecycle").flatMap(l -> l.get("preStop"))
          .filter(h -> !(h instanceof YScalar s && s.isNull())).isPresent();
      if (!hooked && !c.node().entries().isEmpty()) {
        unhooked.add(c.name());
        at.add(c.node().entries().get(0).key());
      }
    }
    return new PodFacts(handle, nodes, nodes.put(labelsKey), hostNetwork, nodes.put(account), regular.size(),
        shared.names(unhooked), nodes.putAll(at));
  }

  private static void putLabels(YMap m, Map<String, String> labels) {
    m.effectiveEntries().forEach(e -> {
      if (e.value() instanceof YScalar v && !v.isNull()) {
        labels.put(e.key().value(), v.value());
      }
    });
  }
}
