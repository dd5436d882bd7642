package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.math.BigInteger;
import java.util.Optional;

/**
 * low-user-id: an effective {@code runAsUser} or {@code runAsGroup} (the container's, else the
 * pod's) from 1 to {@code minimumId} - 1, reported at the value (variants {@code runAsUser} and
 * {@code runAsGroup}); a pod-level value once, naming the containers it affects. 0 is
 * run-as-root's and run-as-root-group's. Windows pods and pods in a user namespace
 * ({@code hostUsers: false}) are skipped: their IDs are not the node's.
 */
public final class LowUserIdCheck implements Check.PodCheck {
  private final BigInteger minimum;

  /** The rule's parameters. */
  public record Params(long minimumId) {}

  public LowUserIdCheck(Params params) {
    this.minimum = BigInteger.valueOf(params.minimumId());
  }

  @Override
  public void check(PodView pod, Findings out) {
    if (pod.isWindows() || inUserNamespace(pod)) {
      return;
    }
    SharedSettings low = new SharedSettings();
    for (ContainerView c : pod.containers()) {
      for (String field : new String[] {"runAsUser", "runAsGroup"}) {
        Optional<SecurityContexts.Setting> s = SecurityContexts.effective(pod, c, field);
        Optional<BigInteger> id = s.flatMap(x -> x.value().asBigInteger());
        if (id.isPresent() && id.get().signum() > 0 && id.get().compareTo(minimum) < 0) {
          low.add(s.get().value(), field, c);
        }
      }
    }
    low.report(out, java.util.Map.of("minimum", minimum));
  }

  /** Whether the pod runs in its own user namespace ({@code hostUsers: false}). */
  static boolean inUserNamespace(PodView pod) {
    return pod.spec().scalar("hostUsers").flatMap(YScalar::asBoolean).map(b -> !b).orElse(false);
  }
}
