package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;

/**
 * request-exceeds-limit: the API server rejects a container whose request for a resource is
 * larger than its limit for the same resource.
 */
public final class RequestExceedsLimitCheck implements Check.ContainerCheck {
  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    for (Quantities.RequestAndLimit q : Quantities.of(c)) {
      if (q.requested().compareTo(q.limited()) > 0) {
        out.at(q.request())
            .arg("container", c.name()).arg("resource", q.resource())
            .arg("request", q.request().value()).arg("limit", q.limit().value())
            .related(q.limit())
            .report();
      }
    }
  }
}
