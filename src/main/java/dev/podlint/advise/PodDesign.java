package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import dev.podlint.net.Connect;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the containers of one pod the way the Kubernetes guidance does. Each container gets a
 * {@link Role} from evidence ({@link Roles}); services and workers are grouped by what really binds
 * them ({@link Links}: a shared writable data volume, a probe across, FastCGI) and by whether two
 * services are independent enough ({@link Independence}); helpers, sidecars, init containers and
 * native sidecars go with the container they serve, read or prepare. A call over {@code localhost}
 * from one service or worker to another binds nothing: a Service carries it as well, and the split
 * rewrites it. The verdict says whether the pod holds several independent workloads and, if so,
 * which containers each runs and why.
 */
public final class PodDesign {
  /** Why a container is where it is in a proposal. */
  public record Member(ContainerView container, String why) {}

  /**
   * One workload of the proposal.
   *
   * @param services the group's services (at least one), or its worker when it serves no port
   * @param companions helpers, bound workers, native sidecars and init containers that go with them
   * @param role the role of the group's first service: what the workload is
   */
  public record Group(List<ContainerView> services, List<Member> companions, Role role) {
    public ContainerView main() {
      return services.get(0);
    }

    /** Every container of the group, in the pod's order. */
    public List<ContainerView> containers(PodView pod) {
      Set<ContainerView> in = Collections.newSetFromMap(new IdentityHashMap<>());
      in.addAll(services);
      companions.forEach(m -> in.add(m.container()));
      return pod.containers().stream().filter(in::contains).toList();
    }
  }

  /**
   * A pod with independent workloads.
   *
   * @param evidence short clauses naming what argues for the split
   * @param against short clauses naming what argues against it (what is missing, what it costs)
   * @param why per group's first container, what makes it a workload of its own
   * @param references localhost traffic between containers (for rewriting in a split)
   * @param listens per container, the ports it serves (by the strongest evidence)
   * @param roles per container, its role
   */
  public record Verdict(List<Group> groups, List<String> evidence, List<String> against, Map<ContainerView, String> why,
      List<Connect> references, Map<ContainerView, Set<Integer>> listens, Map<ContainerView, Role> roles) {}

  private final PodView pod;
  private final Knowledge knowledge;
  private final PodNet net;
  private final Listening listening;
  private final List<Link> links;
  private final Map<ContainerView, Roles.Assigned> roles;
  private final Independence independence;

  private PodDesign(PodView pod, Knowledge knowledge, PodNet net) {
    this.pod = pod;
    this.knowledge = knowledge;
    this.net = net;
    this.listening = Listening.of(pod, net);
    this.links = Links.of(pod, net, listening, knowledge);
    this.roles = Roles.of(pod, knowledge, listening, links);
    this.independence = new Independence(knowledge, roles, links);
  }

  /**
   * The verdict for {@code pod}, whose networking model is {@code net}: empty when its containers
   * belong together.
   */
  public static Optional<Verdict> analyze(PodView pod, Knowledge knowledge, PodNet net) {
    if (pod.containers().stream().filter(ContainerView::isLongRunning).count() < 2) {
      return Optional.empty(); // one container (and its init containers) is one workload
    }
    if (pod.spec().scalar("shareProcessNamespace").flatMap(YScalar::asBoolean).orElse(false)) {
      return Optional.empty(); // the containers see each other's processes: coupled by design
    }
    return new PodDesign(pod, knowledge, net).verdict();
  }

  private Role role(ContainerView c) {
    return roles.get(c).role();
  }

  private Optional<Verdict> verdict() {
    List<ContainerView> standalone = pod.containers().stream().filter(c -> role(c).standalone()).toList();
    if (standalone.size() < 2 || standalone.stream().noneMatch(c -> role(c).serves())) {
      return Optional.empty();
    }
    List<List<ContainerView>> components = components(standalone);
    if (components.size() < 2) {
      return Optional.empty();
    }
    List<Group> groups = new ArrayList<>();
    List<List<Member>> companions = new ArrayList<>();
    for (List<ContainerView> component : components) {
      List<ContainerView> serving = component.stream().filter(c -> role(c).serves()).toList();
      List<ContainerView> services = serving.isEmpty() ? List.of(component.get(0)) : serving;
      List<Member> with = new ArrayList<>();
      for (ContainerView c : component) {
        if (!services.contains(c)) {
          with.add(new Member(c, role(c).withArticle() + " that " + roles.get(c).why() + "; " + bindingTo(c, services)));
        }
      }
      groups.add(new Group(services, with, role(services.get(0))));
      companions.add(with);
    }
    for (ContainerView c : pod.containers()) {
      if (!role(c).standalone()) {
        attach(c, groups, companions);
      }
    }
    List<Group> frozen = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      List<Member> members = new ArrayList<>(companions.get(i));
      members.sort(Comparator.comparingInt(m -> pod.containers().indexOf(m.container())));
      frozen.add(new Group(g.services(), List.copyOf(members), g.role()));
    }
    Map<ContainerView, Role> roleMap = new IdentityHashMap<>();
    roles.forEach((c, a) -> roleMap.put(c, a.role()));
    VerdictText text = new VerdictText(frozen, roles, listening, independence);
    return Optional.of(new Verdict(List.copyOf(frozen), text.evidence(), text.against(), text.why(),
        net.connects(), listening.servedByContainer(), roleMap));
  }

  /**
   * The standalone containers in groups, in the pod's order: two are in one group when a link binds
   * them (a shared writable volume, a probe across, FastCGI), or when both serve ports and are not
   * independent enough; and so on, transitively.
   */
  private List<List<ContainerView>> components(List<ContainerView> standalone) {
    int n = standalone.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        ContainerView a = standalone.get(i);
        ContainerView b = standalone.get(j);
        boolean bound = links.stream().anyMatch(l -> l.joins(a, b) && l.kind().bindsAlways());
        boolean together = bound || role(a).serves() && role(b).serves() && !independence.weigh(a, b).independent();
        if (together) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
    }
    List<List<ContainerView>> out = new ArrayList<>();
    Map<Integer, List<ContainerView>> byRoot = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(standalone.get(i));
    }
    out.addAll(byRoot.values());
    out.sort(Comparator.comparingInt(g -> pod.containers().indexOf(g.get(0))));
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** What binds {@code c} to one of {@code services}, as a clause. */
  private String bindingTo(ContainerView c, List<ContainerView> services) {
    return links.stream().filter(l -> services.stream().anyMatch(s -> l.joins(c, s)) && l.kind().bindsAlways())
        .map(Link::clause).findFirst().orElse("it goes with '" + services.get(0).name() + "'");
  }

  /**
   * Places a helper, sidecar, native sidecar or init container: a service-mesh proxy with every
   * group; else with the groups its strongest link reaches (shared files first, then a probe,
   * FastCGI, forwarding, being a proxy, reading, calling); an init container only by the data it
   * prepares or its image; else with the group of a container that runs its image, else with the
   * first group that serves and keeps no data.
   */
  private void attach(ContainerView c, List<Group> groups, List<List<Member>> companions) {
    Roles.Assigned assigned = roles.get(c);
    String what = assigned.role().withArticle() + " that " + assigned.why();
    if (assigned.helper().map(Knowledge.Helper::everyGroup).orElse(false)) {
      for (List<Member> m : companions) {
        m.add(new Member(c, what + "; every workload needs its own"));
      }
      return;
    }
    Link.Kind strongest = null;
    List<Integer> into = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      for (ContainerView o : groups.get(i).containers(pod)) {
        for (Link l : links) {
          if (!l.joins(c, o) || assigned.role() == Role.INIT && l.kind() != Link.Kind.VOLUME) {
            continue;
          }
          if (strongest == null || l.kind().compareTo(strongest) < 0) {
            strongest = l.kind();
            into.clear();
            clauses.clear();
          }
          if (l.kind() == strongest && !into.contains(i)) {
            into.add(i);
            clauses.add(l.clause());
          }
        }
      }
    }
    if (!into.isEmpty()) {
      for (int k = 0; k < into.size(); k++) {
        companions.get(into.get(k)).add(new Member(c, what + "; " + clauses.get(k)));
      }
      return;
    }
    String image = c.image().map(Knowledge::repository).orElse("");
    for (int i = 0; i < groups.size() && !image.isEmpty(); i++) {
      for (ContainerView o : groups.get(i).services()) {
        if (o.image().map(Knowledge::repository).filter(image::equals).isPresent()) {
          companions.get(i).add(new Member(c, what + "; it runs the image of '" + o.name() + "'"));
          return;
        }
      }
    }
    int home = 0;
    for (int i = groups.size() - 1; i >= 0; i--) {
      if (groups.get(i).role() == Role.SERVICE) {
        home = i;
      }
    }
    companions.get(home).add(new Member(c, what + "; nothing ties it to one container, so it stays with '"
        + groups.get(home).main().name() + "'"));
  }
}
