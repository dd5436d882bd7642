package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How strongly two services that nothing binds argue for workloads of their own. One point each:
 * both serve their own ports (two services always do); each runs its own image; each has its own
 * readiness probe; one calls the other over {@code localhost} (a client and its server, which a
 * Service connects as well); one of them is a well-known standalone server; one keeps data and
 * the other does not (they scale differently); their CPU or memory requests are four times apart
 * or more. {@value #ENOUGH} points are enough: an own port, an own image and an own readiness
 * probe make the case, and a well-known image, a call or a resource gap can stand in for the
 * probes. What is missing is said too, as evidence against.
 */
final class Independence {
  /** The points that make two services independent. */
  static final int ENOUGH = 3;

  /** The weighing of one pair: its points and the clauses for and against a split. */
  record Weighed(int points, List<String> forIt, List<String> against) {
    boolean independent() {
      return points >= ENOUGH;
    }
  }

  private final Knowledge knowledge;
  private final Map<ContainerView, Roles.Assigned> roles;
  private final List<Link> links;
  private final Map<ContainerView, Map<String, Optional<BigDecimal>>> requests = new IdentityHashMap<>();

  Independence(Knowledge knowledge, Map<ContainerView, Roles.Assigned> roles, List<Link> links) {
    this.knowledge = knowledge;
    this.roles = roles;
    this.links = links;
  }

  Weighed weigh(ContainerView a, ContainerView b) {
    List<String> forIt = new ArrayList<>();
    List<String> against = new ArrayList<>();
    int points = 1; // two services: each serves its own port
    Optional<Boolean> own = ownImages(a, b);
    if (own.isPresent() && own.get()) {
      points++;
      forIt.add("'" + a.name() + "' and '" + b.name() + "' run their own images");
    } else if (own.isPresent()) {
      against.add(oneImage(a, b));
    }
    if (readinessProbe(a) && readinessProbe(b)) {
      points++;
      forIt.add("'" + a.name() + "' and '" + b.name() + "' have their own readiness probes");
    } else {
      against.add("no readiness probe on " + (readinessProbe(a) ? "'" + b.name() + "'"
          : readinessProbe(b) ? "'" + a.name() + "'" : "'" + a.name() + "' and '" + b.name() + "'"));
    }
    List<Link> calls = calls(a, b);
    if (!calls.isEmpty()) {
      points++;
      calls.forEach(l -> forIt.add(l.clause()));
    }
    Optional<Knowledge.Server> sa = knowledge.server(a);
    Optional<Knowledge.Server> sb = knowledge.server(b);
    if (sa.isPresent() || sb.isPresent()) {
      points++;
      sa.ifPresent(s -> forIt.add("'" + a.name() + "' is a well-known " + s.kind()));
      sb.ifPresent(s -> forIt.add("'" + b.name() + "' is a well-known " + s.kind()));
    }
    if (keepsData(a) != keepsData(b)) {
      points++;
      forIt.add("'" + (keepsData(a) ? a : b).name() + "' keeps data and scales apart");
    }
    Optional<String> gap = resourceGap(a, b);
    if (gap.isPresent()) {
      points++;
      forIt.add(gapClause(a, b, gap.get()));
    }
    return new Weighed(points, forIt, against);
  }

  /** Whether the two run different images; empty when one of them names none. */
  static Optional<Boolean> ownImages(ContainerView a, ContainerView b) {
    String ia = a.image().map(Knowledge::repository).orElse("");
    String ib = b.image().map(Knowledge::repository).orElse("");
    return ia.isEmpty() || ib.isEmpty() ? Optional.empty() : Optional.of(!ia.equals(ib));
  }

  static String oneImage(ContainerView a, ContainerView b) {
    return "'" + a.name() + "' and '" + b.name() + "' run one image (" + a.image().map(Knowledge::repository).orElse("")
        + ")";
  }

  static boolean readinessProbe(ContainerView c) {
    return c.probe("readinessProbe").isPresent();
  }

  /** The calls between the two, either way: a client and its server ({@code CALLS}, {@code ROUTE}). */
  List<Link> calls(ContainerView a, ContainerView b) {
    return links.stream().filter(l -> l.joins(a, b) && (l.kind() == Link.Kind.CALLS || l.kind() == Link.Kind.ROUTE))
        .toList();
  }

  Optional<Knowledge.Server> server(ContainerView c) {
    return knowledge.server(c);
  }

  boolean keepsData(ContainerView c) {
    return roles.get(c).role() == Role.DATA_SERVICE;
  }

  static String gapClause(ContainerView a, ContainerView b, String resource) {
    return "'" + a.name() + "' and '" + b.name() + "' request very different " + resource;
  }

  /** A factor of 4 or more between the two containers' CPU or memory requests (else limits). */
  Optional<String> resourceGap(ContainerView a, ContainerView b) {
    for (String r : List.of("cpu", "memory")) {
      Optional<BigDecimal> x = requested(a, r);
      Optional<BigDecimal> y = requested(b, r);
      if (x.isEmpty() || y.isEmpty() || x.get().signum() <= 0 || y.get().signum() <= 0) {
        continue;
      }
      BigDecimal big = x.get().max(y.get());
      BigDecimal small = x.get().min(y.get());
      if (big.divide(small, 2, RoundingMode.HALF_UP).compareTo(BigDecimal.valueOf(4)) >= 0) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private Optional<BigDecimal> requested(ContainerView c, String resource) {
    return requests.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(resource, r -> c.resources()
        .flatMap(x -> x.mapAt("requests").or(() -> x.mapAt("limits"))).flatMap(m -> m.string(r))
        .flatMap(Quantity::parse));
  }
}
