package dev.podlint.model;

import java.util.List;
import java.util.Set;

/**
 * One kind of object that carries pods: where its pod spec lives and what its pods do. The
 * built-in kinds and the ones a configuration declares are rows of {@link WorkloadKinds}.
 *
 * @param name how rules ({@code appliesTo}) and documents name the kind: the kind itself, or
 *     {@code Kind.group} when Kubernetes has a kind of that name (Knative's
 *     {@code Service.serving.knative.dev})
 * @param kind the {@code kind} of the objects
 * @param groups the API groups that serve it ({@code ""} for the core group); any version of a
 *     group matches
 * @param kubernetes a kind of Kubernetes itself: it also takes objects of its kind at an
 *     apiVersion no other row of that kind claims (so that an old or mistyped apiVersion is still
 *     linted as the kind it names)
 * @param podSpecPath the keys from the object to its pod spec; the mapping that holds the pod spec
 *     is the pod template (for a Pod, the object itself)
 * @param podTemplate that mapping is a pod template (a PodTemplateSpec: {@code metadata} and
 *     {@code spec}), as it is for every kind but Pod and the declared kinds that give the path of
 *     a pod spec
 * @param pods whether the object is a pod, a template nobody runs, or makes pods from its template
 * @param running how long its pods run
 * @param selector the kind of {@code spec.selector} it has
 * @param scalable its replica count is {@code spec.replicas} and an autoscaler can scale it
 * @param podSpecFields fields the kind allows in its pod spec beyond Kubernetes' PodSpec
 * @param optionalFields fields of the pod spec Kubernetes requires and the kind does not, as
 *     {@code containers[].name}
 */
public record WorkloadKind(String name, String kind, Set<String> groups, boolean kubernetes, List<String> podSpecPath,
    boolean podTemplate, Pods pods, Running running, Selector selector, boolean scalable, Set<String> podSpecFields,
    Set<String> optionalFields) {

  /** What the object is to its pods. */
  public enum Pods {
    /** The object is a pod. */
    OWN,
    /** A template only: nothing runs it by itself (PodTemplate). */
    TEMPLATE,
    /** A controller makes pods from its template. */
    CONTROLLED
  }

  /** How long the pods run. */
  public enum Running {
    /** Indefinitely: they are restarted or replaced. */
    ALWAYS,
    /** To completion (Jobs). */
    TO_COMPLETION,
    /** As the pod's {@code restartPolicy} says: indefinitely when it is absent or {@code Always}. */
    BY_RESTART_POLICY
  }

  /** The {@code spec.selector} of the kind. */
  public enum Selector {
    NONE,
    /** A LabelSelector ({@code matchLabels}, {@code matchExpressions}). */
    LABEL_SELECTOR,
    /** A plain map of labels (ReplicationController, DeploymentConfig). */
    LABEL_MAP
  }

  public WorkloadKind {
    groups = Set.copyOf(groups);
    podSpecPath = List.copyOf(podSpecPath);
    podSpecFields = Set.copyOf(podSpecFields);
    optionalFields = Set.copyOf(optionalFields);
  }

  /** The keys from the object to its pod template (empty for a Pod: the object itself). */
  public List<String> templatePath() {
    return podSpecPath.subList(0, podSpecPath.size() - 1);
  }

  /** Whether a controller makes the pods. */
  public boolean isController() {
    return pods == Pods.CONTROLLED;
  }

  /** Whether the pods may run indefinitely (for a bare Pod, as its restartPolicy says). */
  public boolean mayRunLong() {
    return running != Running.TO_COMPLETION;
  }

  /** Whether this kind is in {@code group}. */
  public boolean in(KindGroup group) {
    return switch (group) {
      case WORKLOADS -> true;
      case CONTROLLERS -> isController();
      case LONG_RUNNING -> mayRunLong();
      case LONG_RUNNING_CONTROLLERS -> isController() && running == Running.ALWAYS;
      case POD_TEMPLATES -> pods != Pods.OWN;
      case POD_RUNNERS -> pods != Pods.TEMPLATE;
      case SELECTORS -> selector != Selector.NONE;
    };
  }
}
