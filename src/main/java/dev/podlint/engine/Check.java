package dev.podlint.engine;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;

/**
 * A Java-backed rule. Implementations are pure (no I/O, no shared mutable state) and are called
 * from several threads. Implement one of the scoped sub-interfaces.
 */
public sealed interface Check permits Check.ObjectCheck, Check.PodCheck, Check.ContainerCheck, Check.RunCheck {

  /** Runs once per object of a kind the rule applies to. */
  non-sealed interface ObjectCheck extends Check {
    void check(K8sObject object, Findings out);
  }

  /** Runs once per pod spec. */
  non-sealed interface PodCheck extends Check {
    void check(PodView pod, Findings out);
  }

  /**
   * Runs once per lint run, after every file is loaded, over what the run's {@link Inventory}
   * holds (cross-object rules). {@code out} gives the findings sink for the object reported on.
   */
  non-sealed interface RunCheck extends Check {
    void check(Inventory inventory, java.util.function.Function<K8sObject, Findings> out);
  }

  /** Runs once per container of a pod spec (all roles; filter inside). */
  non-sealed interface ContainerCheck extends Check {
    void check(PodView pod, ContainerView container, Findings out);
  }
}
