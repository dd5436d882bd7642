package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * writable-root-filesystem: a container without {@code securityContext.readOnlyRootFilesystem:
 * true}. {@code false} is reported at the value (variant {@code explicit}), a missing setting at
 * the container's {@code securityContext} (or its entry). The field exists only on containers, so
 * a pod-level one is ignored, as the API server ignores it. Every container that runs is checked;
 * Windows pods are skipped (the setting is not supported there).
 */
public final class WritableRootFilesystemCheck implements Check.ContainerCheck {
  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (pod.isWindows()) {
      return;
    }
    Optional<YScalar> rofs = SecurityContexts.container(c, "readOnlyRootFilesystem").filter(s -> s.asBoolean().isPresent());
    if (rofs.isEmpty()) {
      out.at(SecurityContexts.missingAt(c)).arg("container", c.name()).report();
    } else if (!rofs.get().asBoolean().get()) {
      out.at(rofs.get()).variant("explicit").arg("container", c.name()).report();
    }
  }
}
