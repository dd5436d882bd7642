package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.Quantity;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * request-exceeds-limit: the API server rejects a container whose request for a resource is
 * larger than its limit for the same resource.
 */
public final class RequestExceedsLimitCheck implements Check.ContainerCheck {
  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    Optional<YMap> requests = c.node().mapAt("resources", "requests");
    Optional<YMap> limits = c.node().mapAt("resources", "limits");
    if (requests.isEmpty() || limits.isEmpty()) {
      return;
    }
    for (YMap.Entry e : requests.get().effectiveEntries()) {
      String resource = e.key().value();
      if (!(e.value() instanceof YScalar req) || req.isNull()) {
        continue;
      }
      Optional<YScalar> lim = limits.get().scalar(resource).filter(s -> !s.isNull());
      if (lim.isEmpty()) {
        continue;
      }
      Optional<BigDecimal> r = Quantity.of(req);
      Optional<BigDecimal> l = Quantity.of(lim.get());
      if (r.isPresent() && l.isPresent() && r.get().compareTo(l.get()) > 0) {
        out.at(req)
            .arg("container", c.name()).arg("resource", resource)
            .arg("request", req.value()).arg("limit", lim.get().value())
            .related(lim.get())
            .report();
      }
    }
  }
}
