package dev.podlint.checks;

import dev.podlint.engine.Inventory;
import dev.podlint.engine.Workload;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the Service rules read of a Service: its label selector, and how to name what it selects. */
final class Services {
  private Services() {}

  /** Labels controllers add to pods with values podlint cannot know (hashes, uids, indexes). */
  static final Set<String> UNKNOWABLE = Set.of("pod-template-hash", "controller-revision-hash",
      "pod-template-generation", "controller-uid", "batch.kubernetes.io/controller-uid",
      "batch.kubernetes.io/job-completion-index");

  /** The label the StatefulSet controller gives each pod: its name, {@code <statefulset>-<ordinal>}. */
  static final String POD_NAME = "statefulset.kubernetes.io/pod-name";

  /** The label the StatefulSet controller gives each pod: its ordinal. */
  static final String POD_INDEX = "apps.kubernetes.io/pod-index";

  /**
   * Custom resource kinds that are known not to create pods, but are often named like the
   * application they serve (monitoring, certificates, routing, secrets, autoscaling).
   */
  private static final Set<String> NOT_POD_OWNERS = Set.of(
      "ServiceMonitor", "PodMonitor", "Probe", "PrometheusRule", "ScrapeConfig", "AlertmanagerConfig",
      "PodMonitoring", "ClusterPodMonitoring", "Certificate", "CertificateRequest", "Issuer", "ClusterIssuer",
      "VirtualService", "DestinationRule", "Gateway", "ServiceEntry", "Sidecar", "PeerAuthentication",
      "AuthorizationPolicy", "RequestAuthentication", "EnvoyFilter", "Telemetry", "WorkloadEntry", "WorkloadGroup",
      "IngressRoute", "IngressRouteTCP", "Middleware", "ExternalSecret", "SecretStore", "ClusterSecretStore",
      "SealedSecret", "ScaledObject", "TriggerAuthentication", "BackendConfig", "FrontendConfig",
      "ManagedCertificate", "HealthCheckPolicy", "GCPBackendPolicy", "GCPGatewayPolicy", "Application",
      "AppProject", "Kustomization", "HelmRelease", "GitRepository", "HelmRepository");

  /**
   * A Service with a usable selector.
   *
   * @param namespace the Service's namespace, null when absent (then it matches any)
   * @param selectorKey the {@code selector} key node, where selects-no-pods points
   */
  record Selecting(K8sObject service, YMap spec, String namespace, Map<String, String> selector, YScalar selectorKey) {}

  /**
   * The selector of {@code service}, or empty when there is nothing these rules can judge: not a
   * core v1 Service (a Knative Service is another kind), no {@code spec}, type ExternalName, no
   * selector or an empty one (Endpoints are managed by hand or by another controller), a selector
   * value that is not a scalar, a selector on a label whose value only the cluster knows
   * ({@link #UNKNOWABLE}), or template text left unrendered (Helm {@code {{ }}} anywhere in the
   * Service; {@code ${X}} or {@code $(X)} in the selector). An unrendered namespace counts as none.
   */
  static Optional<Selecting> of(K8sObject service) {
    if (!service.kind().equals("Service") || !service.apiVersion().equals("v1") || hasHelmText(service.root())) {
      return Optional.empty();
    }
    Optional<YMap> spec = service.root().map("spec");
    if (spec.isEmpty() || spec.get().string("type").map("ExternalName"::equals).orElse(false)) {
      return Optional.empty();
    }
    Optional<YMap.Entry> sel = spec.get().entry("selector");
    if (sel.isEmpty() || !(sel.get().value() instanceof YMap selectorMap) || selectorMap.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> selector = new LinkedHashMap<>();
    for (YMap.Entry e : selectorMap.effectiveEntries()) {
      if (!(e.value() instanceof YScalar v) || v.isNull() || UNKNOWABLE.contains(e.key().value())
          || Templates.isUnrendered(e.key().value()) || Templates.isUnrendered(v.value())) {
        return Optional.empty();
      }
      selector.put(e.key().value(), v.value());
    }
    String namespace = service.namespace();
    if (namespace != null && Templates.isUnrendered(namespace)) {
      namespace = null; // left to `kubectl apply -n` or the chart: could be any
    }
    return Optional.of(new Selecting(service, spec.get(), namespace, java.util.Collections.unmodifiableMap(selector),
        sel.get().key()));
  }

  /** Whether any key or value of {@code root} holds Helm template text ({@code {{ }}}). */
  private static boolean hasHelmText(YMap root) {
    boolean[] found = {false};
    YTree.forEachNode(root, n -> {
      if (n instanceof YScalar s && s.value().contains("{{")) {
        found[0] = true;
      } else if (n instanceof YMap m) {
        for (YMap.Entry e : m.entries()) {
          if (e.key().value().contains("{{")) {
            found[0] = true;
          }
        }
      }
    });
    return found[0];
  }

  /** {@code app=shop, tier=web}: labels in their order. */
  static String describe(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    labels.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  /** {@code Deployment/shop}, with the namespace when the workload names one ({@code Deployment/prod/shop}). */
  static String name(Workload w) {
    String n = w.name() == null ? "-" : w.name();
    return w.kind() + "/" + (w.namespace() == null ? "" : w.namespace() + "/") + n;
  }

  /** Up to three distinct workload names, then how many more. */
  static String names(Collection<Workload> workloads) {
    List<String> distinct = workloads.stream().map(Services::name).distinct().toList();
    if (distinct.size() <= 3) {
      return String.join(", ", distinct);
    }
    return String.join(", ", distinct.subList(0, 3)) + " and " + (distinct.size() - 3) + " more";
  }

  /** Whether {@code node} is a scalar with unrendered template text. */
  static boolean isUnrendered(YNode node) {
    return node instanceof YScalar s && Templates.isUnrendered(s.value());
  }

  /**
   * Selects workloads for one run: {@link Inventory#selectedBy}, plus the labels the StatefulSet
   * controller gives each pod ({@code statefulset.kubernetes.io/pod-name: web-0},
   * {@code apps.kubernetes.io/pod-index: "0"}), and the custom resources that may own pods. The
   * indexes it needs are built once per run, on first use.
   */
  static final class Selection {
    private final Inventory inventory;
    private Map<String, List<Workload>> statefulSets;
    private Map<String, List<Inventory.CustomResource>> resourcesByName;
    private List<Inventory.CustomResource> templated;

    Selection(Inventory inventory) {
      this.inventory = inventory;
    }

    /** The workloads whose pods {@code selector} picks in {@code namespace} (null: any). */
    List<Workload> select(String namespace, Map<String, String> selector) {
      if (!selector.containsKey(POD_NAME) && !selector.containsKey(POD_INDEX)) {
        return inventory.selectedBy(namespace, selector);
      }
      Map<String, String> rest = new LinkedHashMap<>(selector);
      String podName = rest.remove(POD_NAME);
      String podIndex = rest.remove(POD_INDEX);
      List<Workload> candidates;
      if (!rest.isEmpty()) {
        candidates = inventory.selectedBy(namespace, rest);
      } else if (podName != null) {
        candidates = statefulSets().getOrDefault(podName.replaceFirst("-[0-9]+$", ""), List.of());
      } else {
        candidates = statefulSets().values().stream().flatMap(List::stream).toList();
      }
      List<Workload> out = new ArrayList<>();
      for (Workload w : candidates) {
        if (sameNamespace(namespace, w.namespace())
            && (podName == null || podName.equals(w.labels().get(POD_NAME))
                || w.kind().equals("StatefulSet")
                    && podName.matches(java.util.regex.Pattern.quote(w.name()) + "-[0-9]+"))
            && (podIndex == null || podIndex.equals(w.labels().get(POD_INDEX))
                || w.kind().equals("StatefulSet") && podIndex.matches("[0-9]+"))) {
          out.add(w);
        }
      }
      return out;
    }

    /**
     * A custom resource whose pods {@code selector} may pick: one with a pod template whose labels
     * satisfy it (Argo Rollouts, OpenShift DeploymentConfig), or, with {@code byName}, one named
     * like a selector value (operators label their pods with the owning resource's name:
     * {@code cnpg.io/cluster: pg-main}, {@code app.kubernetes.io/instance: k8s}).
     */
    Optional<Inventory.CustomResource> mayOwnPods(String namespace, Map<String, String> selector, boolean byName) {
      if (inventory.customResources().isEmpty()) {
        return Optional.empty();
      }
      if (templated == null) {
        templated = new ArrayList<>();
        resourcesByName = new HashMap<>();
        for (Inventory.CustomResource r : inventory.customResources()) {
          if (!r.templateLabels().isEmpty()) {
            templated.add(r);
          }
          if (r.name() != null && !NOT_POD_OWNERS.contains(r.kind())) {
            resourcesByName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
          }
        }
      }
      for (Inventory.CustomResource r : templated) {
        if (sameNamespace(namespace, r.namespace()) && r.templateLabels().entrySet().containsAll(selector.entrySet())) {
          return Optional.of(r);
        }
      }
      if (byName) {
        for (String v : selector.values()) {
          for (Inventory.CustomResource r : resourcesByName.getOrDefault(v, List.of())) {
            if (sameNamespace(namespace, r.namespace())) {
              return Optional.of(r);
            }
          }
        }
      }
      return Optional.empty();
    }

    private Map<String, List<Workload>> statefulSets() {
      if (statefulSets == null) {
        statefulSets = new LinkedHashMap<>();
        for (Workload w : inventory.workloads()) {
          if (w.kind().equals("StatefulSet") && w.name() != null) {
            statefulSets.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(w);
          }
        }
      }
      return statefulSets;
    }
  }

  /**
   * Whether objects in namespaces {@code a} and {@code b} may meet: a missing namespace (set at
   * apply time) or an unrendered template matches any. Shared by the Service and PDB rules.
   */
  static boolean sameNamespace(String a, String b) {
    return a == null || b == null || a.equals(b) || Templates.isUnrendered(a) || Templates.isUnrendered(b);
  }
}
