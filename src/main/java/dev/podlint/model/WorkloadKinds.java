package dev.podlint.model;

import dev.podlint.model.WorkloadKind.Pods;
import dev.podlint.model.WorkloadKind.Running;
import dev.podlint.model.WorkloadKind.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of the kinds that carry pods: Kubernetes' own, the built-in kinds of common
 * operators, and those a configuration declares. Everything that asks whether an object is a
 * workload, where its pod spec is, or whether a rule's {@code appliesTo} takes it, reads it here.
 *
 * <p>A run lints with one table; {@link #use} makes it the {@link #current} one of the thread that
 * lints (as the run's regular-expression budget is), so that every reader of a pod, suppressions
 * included, sees the kinds the configuration declares.
 */
public final class WorkloadKinds {
  private static final List<String> TEMPLATE_SPEC = List.of("spec", "template", "spec");

  /**
   * The kinds podlint knows without configuration: Kubernetes' own, OpenShift's DeploymentConfig,
   * Argo Rollouts' Rollout, Knative Serving's Service and KEDA's ScaledJob (docs/kinds.md).
   */
  public static final WorkloadKinds BUILT_IN = new WorkloadKinds(List.of(
      kubernetes("Pod", Set.of(""), List.of("spec"), Pods.OWN, Running.BY_RESTART_POLICY, Selector.NONE, false),
      kubernetes("PodTemplate", Set.of(""), List.of("template", "spec"), Pods.TEMPLATE, Running.BY_RESTART_POLICY,
          Selector.NONE, false),
      kubernetes("Deployment", Set.of("apps", "extensions"), TEMPLATE_SPEC, Pods.CONTROLLED, Running.ALWAYS,
          Selector.LABEL_SELECTOR, true),
      kubernetes("ReplicaSet", Set.of("apps", "extensions"), TEMPLATE_SPEC, Pods.CONTROLLED, Running.ALWAYS,
          Selector.LABEL_SELECTOR, true),
      kubernetes("ReplicationController", Set.of(""), TEMPLATE_SPEC, Pods.CONTROLLED, Running.ALWAYS,
          Selector.LABEL_MAP, true),
      kubernetes("StatefulSet", Set.of("apps"), TEMPLATE_SPEC, Pods.CONTROLLED, Running.ALWAYS,
          Selector.LABEL_SELECTOR, true),
      kubernetes("DaemonSet", Set.of("apps", "extensions"), TEMPLATE_SPEC, Pods.CONTROLLED, Running.ALWAYS,
          Selector.LABEL_SELECTOR, false),
      kubernetes("Job", Set.of("batch"), TEMPLATE_SPEC, Pods.CONTROLLED, Running.TO_COMPLETION,
          Selector.LABEL_SELECTOR, false),
      kubernetes("CronJob", Set.of("batch"), List.of("spec", "jobTemplate", "spec", "template", "spec"),
          Pods.CONTROLLED, Running.TO_COMPLETION, Selector.NONE, false),
      operator("DeploymentConfig", "DeploymentConfig", "apps.openshift.io", TEMPLATE_SPEC, Running.ALWAYS,
          Selector.LABEL_MAP, true),
      operator("Rollout", "Rollout", "argoproj.io", TEMPLATE_SPEC, Running.ALWAYS, Selector.LABEL_SELECTOR, true),
      new WorkloadKind("Service.serving.knative.dev", "Service", Set.of("serving.knative.dev"), false, TEMPLATE_SPEC,
          true, Pods.CONTROLLED, Running.ALWAYS, Selector.NONE, false,
          Set.of("containerConcurrency", "timeoutSeconds", "responseStartTimeoutSeconds", "idleTimeoutSeconds"),
          knativeOptional()),
      operator("ScaledJob", "ScaledJob", "keda.sh", List.of("spec", "jobTargetRef", "template", "spec"),
          Running.TO_COMPLETION, Selector.NONE, false)));

  /**
   * What Knative fills in and Kubernetes requires: container names, and the port of a probe (the
   * container's one port).
   */
  private static Set<String> knativeOptional() {
    Set<String> out = new LinkedHashSet<>(Set.of("containers[].name"));
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      for (String action : List.of("httpGet", "tcpSocket", "grpc")) {
        out.add("containers[]." + probe + "." + action + ".port");
      }
    }
    return out;
  }

  private static final ThreadLocal<WorkloadKinds> CURRENT = ThreadLocal.withInitial(() -> BUILT_IN);

  private final List<WorkloadKind> all;
  private final Map<String, List<WorkloadKind>> byKind = new HashMap<>();

  private WorkloadKinds(List<WorkloadKind> all) {
    this.all = List.copyOf(all);
    for (WorkloadKind k : all) {
      byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k);
    }
  }

  private static WorkloadKind kubernetes(String kind, Set<String> groups, List<String> podSpecPath, Pods pods,
      Running running, Selector selector, boolean scalable) {
    return new WorkloadKind(kind, kind, groups, true, podSpecPath, pods != Pods.OWN, pods, running, selector,
        scalable, Set.of(), Set.of());
  }

  /** A built-in kind of an operator, with a pod template at {@code podSpecPath} minus its last key. */
  private static WorkloadKind operator(String name, String kind, String group, List<String> podSpecPath,
      Running running, Selector selector, boolean scalable) {
    return new WorkloadKind(name, kind, Set.of(group), false, podSpecPath, true, Pods.CONTROLLED, running, selector,
        scalable, Set.of(), Set.of());
  }

  /** The table of the thread's run: the built-in kinds unless {@link #use} said otherwise. */
  public static WorkloadKinds current() {
    return CURRENT.get();
  }

  /** Makes {@code kinds} the table of this thread's run; returns the one it replaces (to restore it). */
  public static WorkloadKinds use(WorkloadKinds kinds) {
    WorkloadKinds before = CURRENT.get();
    CURRENT.set(kinds);
    return before;
  }

  /** This table with {@code more} rows; a row for a kind and group the table has replaces it. */
  public WorkloadKinds with(Collection<WorkloadKind> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<WorkloadKind> rows = new ArrayList<>(more);
    for (WorkloadKind k : all) {
      boolean replaced = more.stream().anyMatch(m -> m.kind().equals(k.kind()) && m.groups().containsAll(k.groups()));
      if (!replaced) {
        rows.add(k);
      }
    }
    return new WorkloadKinds(rows);
  }

  /** Every row, built-in ones in the order above, declared ones first. */
  public List<WorkloadKind> all() {
    return all;
  }

  /** The row of objects of {@code apiVersion} and {@code kind}, or empty when they carry no pods. */
  public Optional<WorkloadKind> find(String apiVersion, String kind) {
    List<WorkloadKind> rows = kind == null ? null : byKind.get(kind);
    if (rows == null) {
      return Optional.empty();
    }
    String group = groupOf(apiVersion);
    WorkloadKind fallback = null;
    for (WorkloadKind k : rows) {
      if (k.groups().contains(group)) {
        return Optional.of(k);
      }
      if (k.kubernetes() && fallback == null) {
        fallback = k;
      }
    }
    return Optional.ofNullable(fallback);
  }

  /** The row called {@code name} ({@link WorkloadKind#name}), if there is one. */
  public Optional<WorkloadKind> named(String name) {
    return all.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The row of {@code object}'s kind, or empty when it carries no pods. */
  public Optional<WorkloadKind> find(K8sObject object) {
    return find(object.apiVersion(), object.kind());
  }

  /**
   * Whether {@code names} (a rule's {@code appliesTo}: kind names, {@link KindGroup groups}, or
   * {@code *}) take an object of kind {@code kind} whose row is {@code row} (null: no workload).
   * A kind's name takes the objects of that row only: {@code Service} is not Knative's Service.
   */
  public static boolean takes(Collection<String> names, String kind, WorkloadKind row) {
    String name = row == null ? kind : row.name();
    for (String n : names) {
      if (n.equals("*") || n.equals(name)) {
        return true;
      }
      if (row != null && !n.isEmpty() && Character.isLowerCase(n.charAt(0))
          && KindGroup.parse(n).map(row::in).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code names} (a rule's {@code appliesTo}) with every group replaced by the names of its
   * kinds in this table, in order.
   */
  public Set<String> expand(Collection<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      Optional<KindGroup> g = KindGroup.parse(n);
      if (g.isPresent()) {
        all.stream().filter(k -> k.in(g.get())).forEach(k -> out.add(k.name()));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /** The API group of {@code apiVersion} ({@code ""} for the core group). */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
