package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import java.util.List;

/**
 * request-differs-from-limit and ephemeral-storage-request-differs-from-limit: a container whose
 * request for one of {@code resources} differs from its limit, reported at the request with the
 * limit as related location. Only when both are set and parse as quantities: a request left out
 * is defaulted to the limit (equal), and a missing limit is the missing-*-limit rules' finding.
 */
public class RequestDiffersFromLimitCheck implements Check.ContainerCheck {
  private final List<String> resources;

  /** request-differs-from-limit: CPU and memory. */
  public RequestDiffersFromLimitCheck() {
    this(List.of("cpu", "memory"));
  }

  protected RequestDiffersFromLimitCheck(List<String> resources) {
    this.resources = List.copyOf(resources);
  }

  @Override
  public final void check(PodView pod, ContainerView c, Findings out) {
    for (Quantities.RequestAndLimit q : Quantities.of(c)) {
      if (resources.contains(q.resource()) && q.requested().compareTo(q.limited()) != 0) {
        out.at(q.request()).arg("container", c.name()).arg("resource", q.resource())
            .arg("request", q.request().value()).arg("limit", q.limit().value()).related(q.limit()).report();
      }
    }
  }
}
