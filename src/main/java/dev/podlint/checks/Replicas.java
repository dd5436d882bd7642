package dev.podlint.checks;

import dev.podlint.engine.Controller;
import dev.podlint.engine.Autoscaler;
import dev.podlint.model.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the replica rules read of a controller's count and of the autoscalers that set it. */
final class Replicas {
  private Replicas() {}

  /** Whether {@code c} leaves {@code spec.replicas} unset (absent or null): the API server's default is 1. */
  static boolean unset(Controller c) {
    return c.replicasKey() == null || c.replicasValue() == null || c.replicasValue().isNull();
  }

  /** Whether the count is given but cannot be read as a number (template text, a wrong type). */
  static boolean unreadable(Controller c) {
    return !unset(c) && c.replicas() == null;
  }

  /**
   * Whether {@code c} may run several pods: an unset count (left to an autoscaler, {@code kubectl
   * scale} or the default), an explicit count of at least two, or an autoscaler that may scale it
   * to two or more.
   */
  static boolean mayRunSeveral(Controller c, List<Autoscaler> autoscalers) {
    if (unreadable(c)) {
      return false;
    }
    if (unset(c) || c.replicas() >= 2) {
      return true;
    }
    return autoscalers.stream().anyMatch(a -> a.maxReplicas() == null || a.maxReplicas() >= 2);
  }

  /** {@code Deployment 'web'} style name parts: the kind and a name that is never null. */
  static String name(Controller c) {
    return c.name() == null ? "(unnamed)" : c.name();
  }

  /**
   * Of several controllers that an object in {@code file} could mean (same kind, name and
   * namespace), the ones closest to that file: in the same file, else in the directory that
   * shares the longest path with it. An input that holds several applications (or copies of one)
   * then relates an autoscaler to the controller beside it, not to a namesake elsewhere; objects
   * of one application in sibling directories ({@code base/} and {@code hpa/}) still meet.
   */
  static List<Controller> closest(List<Controller> candidates, SourceFile file) {
    if (candidates.size() < 2) {
      return candidates;
    }
    int best = -1;
    List<Controller> out = new ArrayList<>();
    for (Controller c : candidates) {
      int score = proximity(file, c.object().file());
      if (score > best) {
        best = score;
        out.clear();
      }
      if (score == best) {
        out.add(c);
      }
    }
    return out;
  }

  /** How close two inputs are: the same file ranks highest, then the number of shared leading directories. */
  private static int proximity(SourceFile a, SourceFile b) {
    if (a.equals(b) || a.displayName().equals(b.displayName())) {
      return Integer.MAX_VALUE;
    }
    if (a.path() == null || b.path() == null) {
      return 0;
    }
    Path pa = a.path().toAbsolutePath().normalize().getParent();
    Path pb = b.path().toAbsolutePath().normalize().getParent();
    if (pa == null || pb == null) {
      return 0;
    }
    int n = 0;
    while (n < pa.getNameCount() && n < pb.getNameCount() && pa.getName(n).equals(pb.getName(n))) {
      n++;
    }
    return n;
  }
}
