package dev.podlint.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A group of workload kinds that a rule's {@code appliesTo} may name instead of listing kinds: it
 * takes every kind of {@link WorkloadKinds} (built in or declared in the configuration) that has
 * the group's property.
 */
public enum KindGroup {
  WORKLOADS("workloads", "every kind with a pod spec"),
  LONG_RUNNING("longRunning", "kinds whose pods may run indefinitely (a bare Pod or PodTemplate as its restartPolicy says)"),
  CONTROLLERS("controllers", "kinds that make pods from a pod template"),
  LONG_RUNNING_CONTROLLERS("longRunningControllers", "controllers whose pods run indefinitely"),
  POD_TEMPLATES("podTemplates", "kinds whose pods come from a pod template (every kind but Pod)"),
  POD_RUNNERS("podRunners", "kinds whose pods run (every kind but PodTemplate)"),
  SELECTORS("selectors", "controllers that select their pods with spec.selector");

  private final String label;
  private final String description;

  KindGroup(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The name used in rule files. */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  private static final Map<String, KindGroup> BY_LABEL = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(KindGroup::label, g -> g));

  /** The group called {@code label}, if one is (asked for every rule and object, so a map). */
  public static Optional<KindGroup> parse(String label) {
    return Optional.ofNullable(BY_LABEL.get(label));
  }
}
