package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of a verdict: the evidence for the split and against it, weighed over every pair of
 * services in different groups, and per group what makes its first container a workload of its
 * own.
 */
final class VerdictText {
  private final List<PodDesign.Group> groups;
  private final Map<ContainerView, Roles.Assigned> roles;
  private final Listening listening;
  private final Independence independence;
  private final Set<String> forIt = new LinkedHashSet<>();
  private final Set<String> against = new LinkedHashSet<>();

  VerdictText(List<PodDesign.Group> groups, Map<ContainerView, Roles.Assigned> roles, Listening listening,
      Independence independence) {
    this.groups = groups;
    this.roles = roles;
    this.listening = listening;
    this.independence = independence;
    weigh();
  }

  private void weigh() {
    List<ContainerView> services = new ArrayList<>();
    groups.forEach(g -> g.services().stream().filter(c -> roles.get(c).role().serves()).forEach(services::add));
    List<String> ports = new ArrayList<>();
    for (ContainerView c : services) {
      String described = listening.describe(c);
      ports.add("'" + c.name() + "' " + (described.isEmpty() ? "(a well-known server)" : described));
    }
    forIt.add(ports.size() > 1 ? "each serves its own port: " + String.join(", ", ports)
        : ports.get(0).replaceFirst("' ", "' serves "));
    for (PodDesign.Group g : groups) {
      if (g.role() == Role.WORKER) {
        forIt.add("'" + g.main().name() + "' is a worker: it " + roles.get(g.main()).why());
      }
    }
    boolean imagesApart = true;
    int pairs = 0;
    List<String> calls = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      for (int j = i + 1; j < groups.size(); j++) {
        for (ContainerView a : groups.get(i).services()) {
          for (ContainerView b : groups.get(j).services()) {
            independence.calls(a, b).forEach(l -> calls.add(l.clause()));
            if (!roles.get(a).role().serves() || !roles.get(b).role().serves()) {
              continue;
            }
            pairs++;
            Optional<Boolean> own = Independence.ownImages(a, b);
            if (own.isPresent() && !own.get()) {
              against.add(Independence.oneImage(a, b));
            }
            imagesApart &= own.orElse(false);
            independence.resourceGap(a, b).ifPresent(r -> gaps.add(Independence.gapClause(a, b, r)));
          }
        }
      }
    }
    if (pairs > 0 && imagesApart) {
      forIt.add("each runs its own image");
    }
    List<String> probed = services.stream().filter(Independence::readinessProbe).map(c -> "'" + c.name() + "'").toList();
    List<String> unprobed = services.stream().filter(c -> !Independence.readinessProbe(c)).map(c -> "'" + c.name() + "'")
        .toList();
    if (pairs > 0 && unprobed.isEmpty()) {
      forIt.add("each has its own readiness probe");
    } else if (!unprobed.isEmpty() && pairs > 0) {
      against.add("no readiness probe on " + list(unprobed));
    }
    for (String c : calls) {
      forIt.add(c + ", which works as well through a Service");
    }
    List<String> known = new ArrayList<>();
    for (ContainerView c : services) {
      knowledge(c).ifPresent(k -> known.add("'" + c.name() + "' (" + k + ")"));
    }
    if (!known.isEmpty()) {
      forIt.add("well-known server" + (known.size() > 1 ? "s " : " ") + list(known));
    }
    boolean stateless = services.stream().anyMatch(c -> !independence.keepsData(c));
    List<String> data = services.stream().filter(independence::keepsData).map(c -> "'" + c.name() + "'").toList();
    if (stateless && !data.isEmpty()) {
      forIt.add(list(data) + (data.size() > 1 ? " keep" : " keeps") + " data and scale" + (data.size() > 1 ? "" : "s")
          + " apart from the others");
    }
    forIt.addAll(gaps);
    forIt.add("nothing binds them (no shared writable volume, no probe across, no helper between them)");
    if (!calls.isEmpty()) {
      against.add("a split turns " + (calls.size() == 1 ? "that call" : "those calls") + " into a network hop");
    }
  }

  private Optional<String> knowledge(ContainerView c) {
    return independence.server(c).map(Knowledge.Server::kind);
  }

  /** {@code 'a', 'b' and 'c'}. */
  static String list(List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  List<String> evidence() {
    return List.copyOf(forIt);
  }

  List<String> against() {
    return List.copyOf(against);
  }

  /** Per group's first container: its role and the evidence for it, with its readiness probe when it has one. */
  Map<ContainerView, String> why() {
    Map<ContainerView, String> out = new IdentityHashMap<>();
    for (PodDesign.Group g : groups) {
      for (ContainerView c : g.services()) {
        Roles.Assigned a = roles.get(c);
        String serves = a.role().serves() && !a.why().startsWith("serves ") ? ", serving " + listening.describe(c) : "";
        String probe = a.role().serves() && c.probe("readinessProbe").isPresent() ? ", with its own readiness probe" : "";
        out.put(c, "is " + a.role().withArticle() + ": it " + a.why() + serves + probe);
      }
    }
    return out;
  }
}
