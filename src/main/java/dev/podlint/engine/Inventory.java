package dev.podlint.engine;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.net.Evidence;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What cross-object rules see of a whole run: every Service, HorizontalPodAutoscaler, KEDA
 * ScaledObject, PodDisruptionBudget and NetworkPolicy (whole, they are small), the names of the
 * ServiceAccounts, a compact summary of every
 * workload's pods (labels and declared ports) and of every controller's replica settings, so
 * memory stays proportional to those small objects and the label sets, not to the workloads'
 * trees. Workloads are indexed by label, controllers by name and autoscalers by target, so
 * matching costs the size of the candidate list, not a pass over every workload. What it keeps of a
 * document is a {@link CompactCopies compact copy}: strings interned, paths shared, nothing of the
 * parse; the positions are the nodes' spans, four numbers each.
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
   * @param listenedPorts ports the long-running containers listen on by any evidence of the
   *     networking model ({@link PodNet}) besides declaring them: flags, variables, mounted
   *     configuration, their images' defaults, their probes, injected sidecars; null when a
   *     pattern of the knowledge ran out of steps, so that nothing is known
   * @param facts what the rules about a workload's pods (network policies, service accounts,
   *     shutdown hooks) report on
   * @param workloadKind the object's row of {@link WorkloadKinds}
   */
  public record Workload(WorkloadKind workloadKind, String kind, String name, String namespace, SourceFile file, Span labelsAt,
      Map<String, String> labels, List<Port> ports, Set<Long> listenedPorts, PodFacts facts) {
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
   * What the cross-object rules about a workload's own pods need beyond labels and ports: a handle
   * to report on and the few nodes they point at.
   *
   * @param object a handle on the workload (identity, no tree), for findings and suppressions
   * @param labelsKey the pod template's {@code labels} key, else the pod spec's key
   * @param hostNetwork the pods use the node's network ({@code hostNetwork: true})
   * @param serviceAccount the value of {@code serviceAccountName}, else of the deprecated
   *     {@code serviceAccount}; null when neither is set (the pods use {@code default})
   * @param regularContainers how many regular containers the pods have
   * @param withoutPreStop the regular containers that have no {@code lifecycle.preStop} hook
   */
  public record PodFacts(K8sObject object, YNode labelsKey, boolean hostNetwork, YScalar serviceAccount,
      int regularContainers, List<Unhooked> withoutPreStop) {}

  /** A regular container without a {@code preStop} hook, and where it starts (its first key). */
  public record Unhooked(String container, YScalar at) {}

  /**
   * An object of a custom resource kind (an API group with a dot that is not a Kubernetes one):
   * operators create pods for many of them, with labels podlint cannot know.
   *
   * @param templateLabels the labels of {@code spec.template.metadata} when the resource has a
   *     pod-template-like field (Argo Rollouts, OpenShift DeploymentConfig), else empty
   */
  public record CustomResource(String apiVersion, String kind, String name, String namespace,
      Map<String, String> templateLabels) {}

  /**
   * Whether objects of {@code kind} at {@code apiVersion} (null: a Kubernetes one) are of a
   * {@link WorkloadKind#scalable scalable kind} of Kubernetes: their replica count lives in
   * {@code spec.replicas} and an autoscaler can scale them.
   */
  public static boolean isScalable(String apiVersion, String kind) {
    return WorkloadKinds.current().find(apiVersion, kind)
        .filter(k -> k.scalable() && !(k.kubernetes() && isCustomResource(apiVersion))).isPresent();
  }

  /**
   * A Rollout that takes its pod template from another object ({@code spec.workloadRef}, usually a
   * Deployment scaled to zero): the Rollout supplies the replicas, so the controller it names is
   * not judged as one of its own (see {@link #controllers()}); its pod template is linted where it is.
   */
  public record WorkloadRef(K8sObject rollout, String kind, String name, String namespace) {}

  /** The annotation that marks the input as a whole application (see {@link #isApplication}). */
  public static final String APPLICATION_ANNOTATION = "podlint.io/application";

  /**
   * A controller of a {@link #isScalable scalable kind}: the few nodes and facts the replica,
   * autoscaler and disruption-budget rules need, not its tree.
   *
   * @param object a handle on the object for reporting and suppressions: its identity, without its
   *     tree
   * @param nameAt the {@code metadata.name} value, or null
   * @param specKey the object's {@code spec} key, where something missing from the spec is reported
   * @param replicasKey the {@code spec.replicas} key, or null when the spec does not set it
   * @param replicasValue the {@code spec.replicas} value node, or null
   * @param replicas the value of {@code spec.replicas}; null when absent, null or not an integer
   * @param labelsAt the pod template's {@code labels} key (else its {@code metadata} key, else
   *     {@code template}, else {@code spec}): what a PodDisruptionBudget must select
   * @param podLabels the pod template's labels, in file order
   * @param recreate a Deployment with {@code strategy.type: Recreate}: old and new pods never run
   *     together, often because only one may run at a time
   * @param sharedClaim the pods mount a PersistentVolumeClaim by name, so every replica shares one claim
   * @param serviceNameAt a StatefulSet's {@code spec.serviceName} value, or null
   */
  public record Controller(K8sObject object, YScalar nameAt, YScalar specKey, YScalar replicasKey, YScalar replicasValue,
      Long replicas, YNode labelsAt, Map<String, String> podLabels, boolean recreate, boolean sharedClaim,
      YScalar serviceNameAt) {
    public String kind() {
      return object.kind();
    }

    /** Where the controller is named: its {@code metadata.name} value, else its {@code spec} key. */
    public YNode namedAt() {
      return nameAt != null ? nameAt : specKey;
    }

    public String name() {
      return object.name();
    }

    public String namespace() {
      return object.namespace();
    }
  }

  /**
   * Something that sets a controller's replica count: a HorizontalPodAutoscaler, or a KEDA
   * {@code ScaledObject} (which creates one). Kept whole: both are small.
   *
   * @param targetKind {@code scaleTargetRef.kind} (KEDA's default: Deployment), or null
   * @param targetName {@code scaleTargetRef.name}, or null
   * @param targetAt the node that names the target: the {@code name} value, else the
   *     {@code scaleTargetRef} key, else the {@code spec} key
   * @param kindAt the {@code scaleTargetRef.kind} value, or null
   * @param minReplicas {@code minReplicas} ({@code minReplicaCount} for KEDA), null when not set
   * @param minReplicasAt the node of that value, or null
   * @param maxReplicas {@code maxReplicas} ({@code maxReplicaCount}), null when not set
   */
  public record Autoscaler(K8sObject object, String targetKind, String targetName, YNode targetAt, YScalar kindAt,
      Long minReplicas, YScalar minReplicasAt, Long maxReplicas, YScalar specKey) {
    /** Whether this is a HorizontalPodAutoscaler (and not a KEDA ScaledObject). */
    public boolean isHpa() {
      return object.kind().equals("HorizontalPodAutoscaler");
    }
  }

  private final List<K8sObject> services = new ArrayList<>();
  private final List<CustomResource> customResources = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final Map<String, List<Workload>> byLabel = new HashMap<>();
  private final List<Controller> controllers = new ArrayList<>();
  private final Map<String, List<Controller>> controllersByName = new HashMap<>();
  private final List<Autoscaler> autoscalers = new ArrayList<>();
  private final Map<String, List<Autoscaler>> autoscalersByTarget = new HashMap<>();
  private final List<K8sObject> disruptionBudgets = new ArrayList<>();
  private final List<K8sObject> networkPolicies = new ArrayList<>();
  private final List<K8sObject> serviceAccounts = new ArrayList<>();
  private final List<WorkloadRef> workloadRefs = new ArrayList<>();
  private boolean application;
  /** Copies the nodes and strings kept of this inventory's documents; dropped once merged into a run's. */
  private CompactCopies copies = new CompactCopies();

  /**
   * Records {@code object} if cross-object rules need it; {@code knowledge} is what the networking
   * model of its pods knows beyond the manifest.
   */
  void add(K8sObject object, PodView pod, NetKnowledge knowledge) {
    if (!application && object.annotation(APPLICATION_ANNOTATION).map(v -> v.strip().equalsIgnoreCase("true"))
        .orElse(false)) {
      application = true;
    }
    if (isScalable(object.apiVersion(), object.kind())) {
      object.root().entry("spec").filter(e -> e.value() instanceof YMap)
          .ifPresent(e -> addController(controller(object, e.key(), (YMap) e.value(), copies)));
      workloadRef(object).ifPresent(workloadRefs::add);
    } else if (object.kind().equals("HorizontalPodAutoscaler") && object.apiVersion().startsWith("autoscaling/")
        || object.kind().equals("ScaledObject") && object.apiVersion().startsWith("keda.sh/")) {
      autoscaler(object, copies).ifPresent(this::addAutoscaler);
    } else if (object.kind().equals("PodDisruptionBudget") && object.apiVersion().startsWith("policy/")) {
      disruptionBudgets.add(copies.object(slim(object, Set.of("spec"))));
    } else if (object.kind().equals("NetworkPolicy") && object.apiVersion().equals("networking.k8s.io/v1")) {
      networkPolicies.add(copies.object(slim(object, Set.of("spec"))));
    } else if (object.kind().equals("ServiceAccount") && object.apiVersion().equals("v1")) {
      serviceAccounts.add(copies.object(slim(object, Set.of())));
    }
    if (object.kind().equals("Service") && WorkloadKinds.current().find(object).isEmpty()) {
      services.add(copies.object(slim(object, Set.of("spec"))));
    } else if (pod == null && isCustomResource(object.apiVersion())) {
      Map<String, String> labels = new LinkedHashMap<>();
      object.root().mapAt("spec", "template", "metadata", "labels").ifPresent(m -> putLabels(m, labels));
      customResources.add(new CustomResource(CompactCopies.intern(object.apiVersion()), CompactCopies.intern(object.kind()),
          CompactCopies.intern(object.name()), CompactCopies.intern(object.namespace()), copies.labels(labels)));
    }
    if (pod != null && pod.workloadKind().pods() != WorkloadKind.Pods.TEMPLATE) {
      Workload w = summarize(pod, knowledge, copies);
      workloads.add(w);
      for (Map.Entry<String, String> e : w.labels().entrySet()) {
        byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
      }
    }
  }

  /** Adds everything {@code other} recorded (runs merge per-file inventories in file order). */
  void addAll(Inventory other) {
    other.copies = null; // what it copied from is done with: keep no original node reachable
    application |= other.application;
    other.controllers.forEach(this::addController);
    other.autoscalers.forEach(this::addAutoscaler);
    disruptionBudgets.addAll(other.disruptionBudgets);
    networkPolicies.addAll(other.networkPolicies);
    serviceAccounts.addAll(other.serviceAccounts);
    workloadRefs.addAll(other.workloadRefs);
    services.addAll(other.services);
    customResources.addAll(other.customResources);
    for (Workload w : other.workloads) {
      workloads.add(w);
      for (Map.Entry<String, String> e : w.labels().entrySet()) {
        byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
      }
    }
  }

  /**
   * Controllers of the {@link #isScalable scalable kinds}, in file order, but for those a Rollout
   * of the input takes its pods from ({@link WorkloadRef}).
   */
  public List<Controller> controllers() {
    if (workloadRefs.isEmpty()) {
      return Collections.unmodifiableList(controllers);
    }
    return controllers.stream().filter(c -> !referenced(c)).toList();
  }

  private boolean referenced(Controller c) {
    for (WorkloadRef r : workloadRefs) {
      if (r.kind().equals(c.kind()) && r.name().equals(c.name()) && mayShareNamespace(r.namespace(), c.namespace())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The controller whose pods {@code c} runs: for a Rollout that takes its pod template from
   * another object ({@link WorkloadRef}), that object when the input holds it, and null when it
   * does not; for any other controller, {@code c} itself.
   */
  public Controller podsOf(Controller c) {
    for (WorkloadRef r : workloadRefs) {
      K8sObject o = r.rollout();
      if (o.file().equals(c.object().file()) && o.documentIndex() == c.object().documentIndex()
          && o.identity().equals(c.object().identity())) {
        for (Controller t : controllersByName.getOrDefault(r.name(), List.of())) {
          if (t.kind().equals(r.kind()) && mayShareNamespace(r.namespace(), t.namespace())) {
            return t;
          }
        }
        return null;
      }
    }
    return c;
  }

  /** The {@code spec.workloadRef} of an Argo Rollout, when it names a kind and a name. */
  private static Optional<WorkloadRef> workloadRef(K8sObject o) {
    if (!o.kind().equals("Rollout") || !WorkloadKinds.groupOf(o.apiVersion()).equals("argoproj.io")) {
      return Optional.empty();
    }
    Optional<YMap> ref = o.root().mapAt("spec", "workloadRef");
    Optional<String> kind = ref.flatMap(r -> r.string("kind"));
    Optional<String> name = ref.flatMap(r -> r.string("name"));
    if (kind.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WorkloadRef(handle(o), CompactCopies.intern(kind.get()), CompactCopies.intern(name.get()),
        CompactCopies.intern(o.namespace())));
  }

  /**
   * The controllers of {@code kind} (null: any) called {@code name} that may be in
   * {@code namespace} (null, or template text on either side, matches any).
   */
  public List<Controller> controllers(String kind, String name, String namespace) {
    List<Controller> out = new ArrayList<>();
    for (Controller c : controllersByName.getOrDefault(name, List.of())) {
      if ((kind == null || c.kind().equals(kind)) && mayShareNamespace(namespace, c.namespace())
          && (workloadRefs.isEmpty() || !referenced(c))) {
        out.add(c);
      }
    }
    return out;
  }

  /** HorizontalPodAutoscalers and KEDA ScaledObjects, in file order. */
  public List<Autoscaler> autoscalers() {
    return Collections.unmodifiableList(autoscalers);
  }

  /**
   * The autoscalers whose target is {@code c} (kind, name and namespace; a missing namespace or
   * template text matches any).
   */
  public List<Autoscaler> autoscalersOf(Controller c) {
    if (c.name() == null) {
      return List.of();
    }
    List<Autoscaler> out = new ArrayList<>();
    for (Autoscaler a : autoscalersByTarget.getOrDefault(c.kind() + "/" + c.name(), List.of())) {
      if (mayShareNamespace(a.object().namespace(), c.namespace())) {
        out.add(a);
      }
    }
    return out;
  }

  /** PodDisruptionBudgets (policy/v1 and v1beta1), whole, in file order. */
  public List<K8sObject> disruptionBudgets() {
    return Collections.unmodifiableList(disruptionBudgets);
  }

  /** NetworkPolicies (networking.k8s.io/v1), whole, in file order. */
  public List<K8sObject> networkPolicies() {
    return Collections.unmodifiableList(networkPolicies);
  }

  /** ServiceAccounts (v1), with their name and namespace only, in file order. */
  public List<K8sObject> serviceAccounts() {
    return Collections.unmodifiableList(serviceAccounts);
  }

  /**
   * Whether the input says it is a whole application: some object carries the annotation
   * {@code podlint.io/application: "true"}. Rules that judge what is absent from the input
   * (a workload without a PodDisruptionBudget) need to know that the input is complete.
   */
  public boolean isApplication() {
    return application;
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

  /** {@code group/version} with a group that has a dot and is not a Kubernetes group ({@code *.k8s.io}); null is none. */
  private static boolean isCustomResource(String apiVersion) {
    if (apiVersion == null) {
      return false; // not said: taken for a Kubernetes one
    }
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

  /**
   * Whether two objects may be in one namespace: a missing namespace matches any, and so does one
   * that is unrendered template text ({@code {{ .Release.Namespace }}}, {@code ${NAMESPACE}}).
   */
  private static boolean mayShareNamespace(String a, String b) {
    return sameNamespace(a, b) || a.contains("{{") || a.contains("${") || b.contains("{{") || b.contains("${");
  }

  private void addController(Controller c) {
    controllers.add(c);
    if (c.name() != null) {
      controllersByName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
    }
  }

  private void addAutoscaler(Autoscaler a) {
    autoscalers.add(a);
    if (a.targetKind() != null && a.targetName() != null) {
      autoscalersByTarget.computeIfAbsent(a.targetKind() + "/" + a.targetName(), k -> new ArrayList<>()).add(a);
    }
  }

  /** The summary of a controller of a scalable kind. */
  private static Controller controller(K8sObject o, YScalar specKey, YMap spec, CompactCopies copies) {
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
    return new Controller(handle(o), copies.node(nameAt), copies.node(specKey), copies.node(replicasKey),
        copies.node(replicasValue), count, copies.node(labelsAt), copies.labels(labels), recreate, sharedClaim,
        copies.node(o.kind().equals("StatefulSet") ? spec.scalar("serviceName").filter(n -> !n.isNull()).orElse(null)
            : null));
  }

  /** The autoscaler summary of an HPA or a KEDA ScaledObject; empty without a {@code spec} map. */
  private static Optional<Autoscaler> autoscaler(K8sObject o, CompactCopies copies) {
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
    K8sObject copy = copies.object(o); // first, so that the nodes below are those of its tree
    return Optional.of(new Autoscaler(copy, CompactCopies.intern(kind), nameAt == null ? null : copies.node(nameAt).value(),
        copies.node(targetAt), copies.node(kindAt), min, copies.node(minAt), max, copies.node(specEntry.get().key())));
  }

  /**
   * A small stand-in for {@code o} that findings can name and suppressions can match: the same
   * apiVersion, kind, name, namespace, file and document, and an empty tree (a run keeps one per
   * controller, so it must hold no nodes; findings on it point at nodes the controller keeps).
   */
  static K8sObject handle(K8sObject o) {
    return new K8sObject(CompactCopies.intern(o.apiVersion()), CompactCopies.intern(o.kind()),
        CompactCopies.intern(o.name()), CompactCopies.intern(o.namespace()),
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
            dev.podlint.model.YTree.forEachNode(me.value(), n -> template[0] |= holdsTemplate(n));
          }
        }
        kept.add(new YMap.Entry(e.key(), new YMap(meta, m.span(), m.path())));
      } else {
        dev.podlint.model.YTree.forEachNode(e.value(), n -> template[0] |= holdsTemplate(n));
      }
    }
    return template[0] ? o : new K8sObject(o.apiVersion(), o.kind(), o.name(), o.namespace(),
        new YMap(kept, o.root().span(), o.root().path()), o.file(), o.documentIndex()).withRenderedFrom(o.renderedFrom());
  }

  private static boolean holdsTemplate(dev.podlint.model.YNode n) {
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

  private static Workload summarize(PodView pod, NetKnowledge knowledge, CompactCopies copies) {
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
    List<Port> ports = new ArrayList<>();
    for (ContainerView c : pod.containers()) {
      if (c.isLongRunning()) {
        for (PortDecl p : c.ports()) {
          ports.add(new Port(CompactCopies.intern(c.name()), CompactCopies.intern(p.name().orElse(null)), p.number(),
              CompactCopies.intern(p.protocol())));
        }
      }
    }
    return new Workload(pod.workloadKind(), CompactCopies.intern(o.kind()), CompactCopies.intern(o.name()),
        CompactCopies.intern(o.namespace()), o.file(), labelsKey.span(), copies.labels(labels), List.copyOf(ports),
        listened(pod, knowledge), facts(pod, labelsKey, copies));
  }

  /** The ports the pod's long-running containers listen on by any evidence but declaring them. */
  private static Set<Long> listened(PodView pod, NetKnowledge knowledge) {
    PodNet net;
    try {
      net = PodNet.of(pod, knowledge);
    } catch (dev.podlint.model.BoundedRegex.TooSlowException e) {
      return null; // a configured image pattern is too slow here; the rules that use it report that
    }
    Set<Long> listened = new TreeSet<>();
    net.injected().forEach(p -> listened.add((long) p));
    for (ContainerView c : pod.containers()) {
      if (c.isLongRunning()) {
        net.of(c).ports(e -> e != Evidence.DECLARED).forEach(p -> listened.add((long) p));
      }
    }
    return Set.copyOf(listened);
  }

  private static PodFacts facts(PodView pod, YScalar labelsKey, CompactCopies copies) {
    YMap spec = pod.spec();
    boolean hostNetwork = spec.scalar("hostNetwork").flatMap(YScalar::asBoolean).orElse(false);
    YScalar account = spec.scalar("serviceAccountName").filter(s -> !s.isNull() && !s.value().isEmpty())
        .or(() -> spec.scalar("serviceAccount").filter(s -> !s.isNull() && !s.value().isEmpty())).orElse(null);
    List<Unhooked> unhooked = new ArrayList<>();
    List<ContainerView> regular = pod.regularContainers();
    for (ContainerView c : regular) {
      boolean hooked = c.node().mapAt("lifecycle").flatMap(l -> l.get("preStop"))
          .filter(h -> !(h instanceof YScalar s && s.isNull())).isPresent();
      if (!hooked && !c.node().entries().isEmpty()) {
        unhooked.add(new Unhooked(CompactCopies.intern(c.name()), copies.node(c.node().entries().get(0).key())));
      }
    }
    return new PodFacts(handle(pod.object()), copies.node(labelsKey), hostNetwork, copies.node(account), regular.size(),
        List.copyOf(unhooked));
  }

  private static void putLabels(YMap m, Map<String, String> labels) {
    m.effectiveEntries().forEach(e -> {
      if (e.value() instanceof YScalar v && !v.isNull()) {
        labels.put(e.key().value(), v.value());
      }
    });
  }
}
