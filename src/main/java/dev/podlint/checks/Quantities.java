package dev.podlint.checks;

import dev.podlint.model.ContainerView;
import dev.podlint.model.Quantity;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The resources a container both requests and limits, with the quantities parsed. */
final class Quantities {
  private Quantities() {}

  /** One resource with its request and limit, as written and as numbers. */
  record RequestAndLimit(String resource, YScalar request, YScalar limit, BigDecimal requested, BigDecimal limited) {}

  /**
   * Every resource of {@code c}'s {@code resources.requests} (in file order) that its
   * {@code resources.limits} also sets, when both are non-null and parse as quantities.
   */
  static List<RequestAndLimit> of(ContainerView c) {
    Optional<YMap> requests = c.node().mapAt("resources", "requests");
    Optional<YMap> limits = c.node().mapAt("resources", "limits");
    List<RequestAndLimit> out = new ArrayList<>();
    if (requests.isEmpty() || limits.isEmpty()) {
      return out;
    }
    for (YMap.Entry e : requests.get().effectiveEntries()) {
      if (!(e.value() instanceof YScalar req) || req.isNull()) {
        continue;
      }
      Optional<YScalar> lim = limits.get().scalar(e.key().value()).filter(s -> !s.isNull());
      if (lim.isEmpty()) {
        continue;
      }
      Optional<BigDecimal> r = Quantity.of(req);
      Optional<BigDecimal> l = Quantity.of(lim.get());
      if (r.isPresent() && l.isPresent()) {
        out.add(new RequestAndLimit(e.key().value(), req, lim.get(), r.get(), l.get()));
      }
    }
    return out;
  }
}
