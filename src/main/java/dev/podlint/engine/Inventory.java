package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.net.NetKnowledge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What cross-object rules see of a whole run: every Service, HorizontalPodAutoscaler, KEDA
 * ScaledObject, PodDisruptionBudget and NetworkPolicy (whole, they are small), the names of the
 * ServiceAccounts, a summary of every workload's pods ({@link Workload}: labels, declared ports,
 * {@link PodFacts}) and of every controller's replica settings ({@link Controller},
 * {@link Autoscaler}), so memory stays proportional to those small objects and the label sets, not
 * to the workloads' trees. Workloads are indexed by label, controllers by name and autoscalers by
 * target, so matching costs the size of the candidate list, not a pass over every workload.
 *
 * <p>Nothing of the parse is kept ({@link Summaries} makes what is): the nodes are
 * {@link PackedNodes packed} (a dozen bytes a node, read back equal when a rule asks), strings
 * interned and label sets, port lists and container names shared ({@link SharedValues}). A run
 * keeps about half a kilobyte per document (BENCHMARKS.md).
 */
public final class Inventory {
  /** A declared container port of a workload's pods. */
  public record Port(String container, String name, Long number, String protocol) {}

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

  private final List<PackedObject> services = new ArrayList<>();
  private final List<CustomResource> customResources = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  /** Workloads by label key, then by value. */
  private final Map<String, Index<String, Workload>> byLabel = new HashMap<>();
  private final List<Controller> controllers = new ArrayList<>();
  private final Index<String, Controller> controllersByName = new Index<>();
  private final List<Autoscaler> autoscalers = new ArrayList<>();
  private final Index<String, Autoscaler> autoscalersByTarget = new Index<>();
  private final List<PackedObject> disruptionBudgets = new ArrayList<>();
  private final List<PackedObject> networkPolicies = new ArrayList<>();
  private final List<PackedObject> serviceAccounts = new ArrayList<>();
  private final List<WorkloadRef> workloadRefs = new ArrayList<>();
  private boolean application;
  /** Makes what is kept of this inventory's documents; done once merged into a run's. */
  private final Summaries summaries = new Summaries();

  /**
   * Records {@code object} if cross-object rules need it; {@code knowledge} is what the networking
   * model of its pods knows beyond the manifest.
   */
  void add(K8sObject object, PodView pod, NetKnowledge knowledge) {
    if (!application && object.annotation(APPLICATION_ANNOTATION).map(v -> v.strip().equalsIgnoreCase("true"))
        .orElse(false)) {
      application = true;
    }
    K8sObject handle = null; // one per document, shared by what is kept of it
    if (isScalable(object.apiVersion(), object.kind())) {
      Optional<YMap.Entry> spec = object.root().entry("spec").filter(e -> e.value() instanceof YMap);
      if (spec.isPresent()) {
        handle = Summaries.handle(object);
        addController(summaries.controller(object, handle, spec.get().key(), (YMap) spec.get().value()));
      }
      Optional<WorkloadRef> ref = Summaries.workloadRef(object, handle);
      ref.ifPresent(workloadRefs::add);
      handle = ref.map(WorkloadRef::rollout).orElse(handle);
    } else if (object.kind().equals("HorizontalPodAutoscaler") && object.apiVersion().startsWith("autoscaling/")
        || object.kind().equals("ScaledObject") && object.apiVersion().startsWith("keda.sh/")) {
      summaries.autoscaler(object).ifPresent(this::addAutoscaler);
    } else if (object.kind().equals("PodDisruptionBudget") && object.apiVersion().startsWith("policy/")) {
      disruptionBudgets.add(summaries.packed(object, Set.of("spec")));
    } else if (object.kind().equals("NetworkPolicy") && object.apiVersion().equals("networking.k8s.io/v1")) {
      networkPolicies.add(summaries.packed(object, Set.of("spec")));
    } else if (object.kind().equals("ServiceAccount") && object.apiVersion().equals("v1")) {
      serviceAccounts.add(summaries.packed(object, Set.of())); // a tree of five nodes
    }
    if (object.kind().equals("Service") && WorkloadKinds.current().find(object).isEmpty()) {
      services.add(summaries.packed(object, Set.of("spec")));
    } else if (pod == null && isCustomResource(object.apiVersion())) {
      customResources.add(summaries.customResource(object));
    }
    if (pod != null && pod.workloadKind().pods() != WorkloadKind.Pods.TEMPLATE) {
      Workload w = summaries.workload(pod, knowledge, handle != null ? handle : Summaries.handle(object));
      workloads.add(w);
      for (Map.Entry<String, String> e : w.labels().entrySet()) {
        byLabel.computeIfAbsent(e.getKey(), k -> new Index<>()).add(e.getValue(), w);
      }
    }
  }

  /** Adds everything {@code other} recorded (runs merge per-file inventories in file order). */
  void addAll(Inventory other) {
    other.summaries.done();
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
        byLabel.computeIfAbsent(e.getKey(), k -> new Index<>()).add(e.getValue(), w);
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
      if (o == c.object() || o.file().equals(c.object().file()) && o.documentIndex() == c.object().documentIndex()
          && o.identity().equals(c.object().identity())) {
        for (Controller t : controllersByName.get(r.name())) {
          if (t.kind().equals(r.kind()) && mayShareNamespace(r.namespace(), t.namespace())) {
            return t;
          }
        }
        return null;
      }
    }
    return c;
  }

  /**
   * The controllers of {@code kind} (null: any) called {@code name} that may be in
   * {@code namespace} (null, or template text on either side, matches any).
   */
  public List<Controller> controllers(String kind, String name, String namespace) {
    List<Controller> out = new ArrayList<>();
    for (Controller c : controllersByName.get(name)) {
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
    for (Autoscaler a : autoscalersByTarget.get(c.kind() + "/" + c.name())) {
      if (mayShareNamespace(a.namespace(), c.namespace())) {
        out.add(a);
      }
    }
    return out;
  }

  /** PodDisruptionBudgets (policy/v1 and v1beta1), whole, in file order; each read back when asked for. */
  public List<K8sObject> disruptionBudgets() {
    return PackedObject.objects(disruptionBudgets);
  }

  /** NetworkPolicies (networking.k8s.io/v1), whole, in file order; each read back when asked for. */
  public List<K8sObject> networkPolicies() {
    return PackedObject.objects(networkPolicies);
  }

  /** ServiceAccounts (v1), as handles (identity, file and document, no tree), in file order. */
  public List<K8sObject> serviceAccounts() {
    return PackedObject.handles(serviceAccounts);
  }

  /**
   * Whether the input says it is a whole application: some object carries the annotation
   * {@code podlint.io/application: "true"}. Rules that judge what is absent from the input
   * (a workload without a PodDisruptionBudget) need to know that the input is complete.
   */
  public boolean isApplication() {
    return application;
  }

  /**
   * Services with their {@code apiVersion}, {@code kind}, name, namespace and spec (whole when
   * something else holds template text), in file order; each read back when asked for.
   */
  public List<K8sObject> services() {
    return PackedObject.objects(services);
  }

  /**
   * The {@link #services} as handles (identity, file and document, no tree), made when asked for:
   * what an index of all Services holds, reading back whole only the one it finds.
   */
  public List<K8sObject> serviceHandles() {
    return PackedObject.handles(services);
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
      Index<String, Workload> byValue = byLabel.get(e.getKey());
      List<Workload> c = byValue == null ? List.of() : byValue.get(e.getValue());
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
      controllersByName.add(c.name(), c);
    }
  }

  private void addAutoscaler(Autoscaler a) {
    autoscalers.add(a);
    if (a.targetKind() != null && a.targetName() != null) {
      autoscalersByTarget.add(a.targetKind() + "/" + a.targetName(), a);
    }
  }
}
