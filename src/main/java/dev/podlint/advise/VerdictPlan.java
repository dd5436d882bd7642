package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.YMap;
import dev.podlint.net.Connect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where {@link PodDesign}'s verdict becomes a {@link SplitPlan}: groups become
 * parts (services that would share a port in one pod become parts of their own), each part gets
 * its role and the ports its services serve, and the {@code localhost} references between parts
 * are pointed at the part that serves the port. The first part is the one that keeps the original
 * object: for a StatefulSet the one that mounts its claims, else the first that is not a data
 * service.
 */
final class VerdictPlan {
  /** Volume sources that only hand out configuration: sharing them ties nothing together. */
  private static final Set<String> CONFIG_SOURCES = Set.of("configMap", "secret", "downwardAPI", "projected");

  private final PodView pod;
  private final PodDesign.Verdict verdict;
  private final Knowledge knowledge;

  private VerdictPlan(PodView pod, PodDesign.Verdict verdict, Knowledge knowledge) {
    this.pod = pod;
    this.verdict = verdict;
    this.knowledge = knowledge;
  }

  static SplitPlan of(PodView pod, PodDesign.Verdict verdict, Knowledge knowledge) {
    return new VerdictPlan(pod, verdict, knowledge).plan();
  }

  /** A part before its references are known. */
  private record Draft(List<SplitPlan.Member> members, List<SplitPlan.Port> ports, SplitPlan.Role role) {}

  private SplitPlan plan() {
    List<Draft> drafts = new ArrayList<>();
    for (PodDesign.Group g : verdict.groups()) {
      drafts.addAll(apartByPort(g));
    }
    drafts = ordered(drafts);
    List<List<SplitPlan.Reference>> refs = new ArrayList<>();
    drafts.forEach(d -> refs.add(new ArrayList<>()));
    Set<String> seen = new HashSet<>();
    for (Connect m : verdict.references()) {
      int target = servedBy(drafts, m.port());
      if (target < 0) {
        continue; // nothing in the pod serves it: localhost-port-unbound says so
      }
      for (int i = 0; i < drafts.size(); i++) {
        boolean in = drafts.get(i).members().stream().anyMatch(x -> x.container() == m.container());
        // one aliased scalar used by several containers of a part is one reference
        String id = i + ":" + System.identityHashCode(m.node()) + ":" + m.start() + ":" + m.end();
        if (in && i != target && seen.add(id)) {
          refs.get(i).add(new SplitPlan.Reference(m.container(), m.node(), m.start(), m.end(), m.port(), m.inObject(),
              m.source(), target));
        }
      }
    }
    List<SplitPlan.Part> parts = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      parts.add(new SplitPlan.Part(d.role(), d.members(), d.ports(), refs.get(i)));
    }
    return new SplitPlan(parts);
  }

  /**
   * The group as one part, or as several when two of its services serve the same port (two
   * containers of one pod cannot); its companions go with the services they share a volume with or
   * reach, else with the first.
   */
  private List<Draft> apartByPort(PodDesign.Group g) {
    List<List<ContainerView>> apart = new ArrayList<>();
    List<Set<Integer>> taken = new ArrayList<>();
    for (ContainerView s : g.services()) {
      Set<Integer> ports = verdict.listens().getOrDefault(s, Set.of());
      int into = -1;
      for (int i = 0; i < apart.size() && into < 0; i++) {
        if (taken.get(i).stream().noneMatch(ports::contains)) {
          into = i;
        }
      }
      if (into < 0) {
        apart.add(new ArrayList<>());
        taken.add(new HashSet<>());
        into = apart.size() - 1;
      }
      apart.get(into).add(s);
      taken.get(into).addAll(ports);
    }
    List<List<SplitPlan.Member>> members = new ArrayList<>();
    for (List<ContainerView> services : apart) {
      List<SplitPlan.Member> ms = new ArrayList<>();
      for (ContainerView s : services) {
        ms.add(new SplitPlan.Member(s, true, whyService(s, apart.size() > 1 ? g.services() : List.of())));
      }
      members.add(ms);
    }
    for (PodDesign.Member c : g.companions()) {
      boolean placed = false;
      for (int i = 0; i < apart.size(); i++) {
        if (apart.size() == 1 || apart.get(i).stream().anyMatch(s -> tied(c.container(), s))) {
          members.get(i).add(new SplitPlan.Member(c.container(), false, c.why()));
          placed = true;
        }
      }
      if (!placed) {
        members.get(0).add(new SplitPlan.Member(c.container(), false, c.why()));
      }
    }
    List<Draft> out = new ArrayList<>();
    for (int i = 0; i < apart.size(); i++) {
      List<SplitPlan.Member> ms = inPodOrder(members.get(i));
      out.add(new Draft(ms, ports(apart.get(i)), role(apart.get(i), ms)));
    }
    return out;
  }

  private String whyService(ContainerView s, List<ContainerView> groupServices) {
    String why = verdict.why().getOrDefault(s, "");
    for (ContainerView o : groupServices) {
      if (o != s && groupServices.indexOf(o) < groupServices.indexOf(s)) {
        Set<Integer> common = new LinkedHashSet<>(verdict.listens().getOrDefault(s, Set.of()));
        common.retainAll(verdict.listens().getOrDefault(o, Set.of()));
        if (!common.isEmpty()) {
          String clash = "'" + o.name() + "' serves " + common.iterator().next() + " too, and two containers of one "
              + "pod cannot share a port, so it runs apart";
          return why.isEmpty() ? clash : why + "; " + clash;
        }
      }
    }
    return why;
  }

  /** Whether a companion shares data with a service or reaches one of its ports. */
  private boolean tied(ContainerView companion, ContainerView service) {
    Set<String> theirs = dataVolumes(service);
    if (dataVolumes(companion).stream().anyMatch(theirs::contains)) {
      return true;
    }
    Set<Integer> ports = verdict.listens().getOrDefault(service, Set.of());
    return verdict.references().stream().anyMatch(m -> m.container() == companion && ports.contains(m.port()));
  }

  private Set<String> dataVolumes(ContainerView c) {
    Set<String> config = new HashSet<>();
    for (YMap v : pod.spec().maps("volumes")) {
      if (v.entries().stream().anyMatch(e -> CONFIG_SOURCES.contains(e.key().value()))) {
        v.string("name").ifPresent(config::add);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (YMap m : c.node().maps("volumeMounts")) {
      m.string("name").filter(n -> !config.contains(n)).ifPresent(out::add);
    }
    return out;
  }

  private List<SplitPlan.Member> inPodOrder(List<SplitPlan.Member> ms) {
    List<SplitPlan.Member> out = new ArrayList<>(ms);
    out.sort(java.util.Comparator.comparingInt(m -> pod.containers().indexOf(m.container())));
    return out;
  }

  /** The ports the services declare, then those they listen on without declaring them. */
  private List<SplitPlan.Port> ports(List<ContainerView> services) {
    Map<String, SplitPlan.Port> out = new LinkedHashMap<>();
    for (ContainerView c : services) {
      for (PortDecl p : c.ports()) {
        if (p.number() != null && p.number() > 0 && p.number() <= 65535) {
          out.putIfAbsent(p.number() + "/" + p.protocol(),
              new SplitPlan.Port(c, p.number().intValue(), p.protocol(), p.name().orElse(null), true));
        }
      }
    }
    for (ContainerView c : services) {
      for (int n : verdict.listens().getOrDefault(c, Set.of())) {
        if (n > 0 && n <= 65535) {
          out.putIfAbsent(n + "/TCP", new SplitPlan.Port(c, n, "TCP", null, false));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private SplitPlan.Role role(List<ContainerView> services, List<SplitPlan.Member> members) {
    Set<String> claims = Roles.claimVolumes(pod);
    boolean data = services.stream().anyMatch(s -> verdict.roles().get(s) == Role.DATA_SERVICE)
        || members.stream().anyMatch(m -> Roles.mountsClaim(m.container(), claims));
    if (data) {
      return SplitPlan.Role.DATA_SERVICE;
    }
    return services.stream().anyMatch(s -> verdict.roles().get(s).serves()) ? SplitPlan.Role.SERVICE
        : SplitPlan.Role.WORKER;
  }

  /**
   * The parts in proposal order: the first keeps the original object. For a StatefulSet that is
   * the first part that mounts its claim templates, so the data stays in its claims; for other
   * kinds the first part that is not a data service, else the first that is no database, cache or
   * queue (an application with a claim), so the application keeps its name.
   */
  private List<Draft> ordered(List<Draft> drafts) {
    int first = -1;
    if (pod.object().kind().equals("StatefulSet")) {
      List<String> claims = Roles.claimTemplates(pod);
      first = firstWhere(drafts, d -> d.members().stream().anyMatch(m -> m.container().node().maps("volumeMounts")
          .stream().anyMatch(v -> v.string("name").filter(claims::contains).isPresent())));
    } else {
      first = firstWhere(drafts, d -> d.role() != SplitPlan.Role.DATA_SERVICE);
      if (first < 0) {
        first = firstWhere(drafts, d -> d.members().stream().filter(SplitPlan.Member::service)
            .noneMatch(m -> knowledge.server(m.container()).map(Knowledge.Server::stateful).orElse(false)));
      }
    }
    List<Draft> out = new ArrayList<>(drafts);
    if (first > 0) {
      out.add(0, out.remove(first));
    }
    return out;
  }

  private static int firstWhere(List<Draft> drafts, java.util.function.Predicate<Draft> p) {
    for (int i = 0; i < drafts.size(); i++) {
      if (p.test(drafts.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int servedBy(List<Draft> drafts, int port) {
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i).ports().stream().anyMatch(p -> p.number() == port)) {
        return i;
      }
    }
    return -1;
  }
}
