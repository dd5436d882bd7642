package dev.podlint.checks;

import dev.podlint.engine.Inventory;
import java.util.List;

/** What the replica rules read of a controller's count and of the autoscalers that set it. */
final class Replicas {
  private Replicas() {}

  /** Whether {@code c} leaves {@code spec.replicas} unset (absent or null): the API server's default is 1. */
  static boolean unset(Inventory.Controller c) {
    return c.replicasKey() == null || c.replicasValue() == null || c.replicasValue().isNull();
  }

  /** Whether the count is given but cannot be read as a number (template text, a wrong type). */
  static boolean unreadable(Inventory.Controller c) {
    return !unset(c) && c.replicas() == null;
  }

  /**
   * Whether {@code c} may run several pods: an unset count (left to an autoscaler, {@code kubectl
   * scale} or the default), an explicit count of at least two, or an autoscaler that may scale it
   * to two or more.
   */
  static boolean mayRunSeveral(Inventory.Controller c, List<Inventory.Autoscaler> autoscalers) {
    if (unreadable(c)) {
      return false;
    }
    if (unset(c) || c.replicas() >= 2) {
      return true;
    }
    return autoscalers.stream().anyMatch(a -> a.maxReplicas() == null || a.maxReplicas() >= 2);
  }

  /** {@code Deployment 'web'} style name parts: the kind and a name that is never null. */
  static String name(Inventory.Controller c) {
    return c.name() == null ? "(unnamed)" : c.name();
  }
}
