package dev.podlint.advise;

import java.util.regex.Pattern;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.Quantity;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.net.Connect;
import dev.podlint.net.Evidence;
import dev.podlint.net.PodNet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Weighs the containers of one pod: which are services of their own, which are helpers of
 * another, what couples them (shared volumes, localhost traffic, one image) and what argues for
 * running them apart (own ports, well-known standalone servers, nothing shared, different scaling
 * and resource needs). The verdict says whether the pod holds several independent services and,
 * if so, how to group the containers into one workload each.
 */
public final class PodDesign {
  /** How sure independence must be before a split is proposed (see {@link #score}). */
  static final int INDEPENDENT = 3;

  /** Volume sources that only hand out configuration: sharing them couples nothing. */
  private static final Set<String> CONFIG_SOURCES = Set.of("configMap", "secret", "downwardAPI", "projected");

  /** Why a container is where it is in a proposal. */
  public record Member(ContainerView container, String why) {}

  /**
   * One workload of the proposal.
   *
   * @param services the independent service containers of the group (at least one)
   * @param companions helpers, port-less workers, native sidecars and init containers that go with them
   * @param dataService the main container is a well-known data service (database, cache, queue):
   *     one replica of it is one copy of the data
   */
  public record Group(List<ContainerView> services, List<Member> companions, boolean dataService) {
    public ContainerView main() {
      return services.get(0);
    }

    /** Every container of the group, in the pod's order. */
    public List<ContainerView> containers(PodView pod) {
      Set<ContainerView> in = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      in.addAll(services);
      companions.forEach(m -> in.add(m.container()));
      return pod.containers().stream().filter(in::contains).toList();
    }
  }

  /**
   * A pod with independent services.
   *
   * @param evidence short clauses naming what argues for the split
   * @param why per independent service container, what makes it one
   * @param references localhost traffic between containers (for rewriting in a split)
   * @param listens per container, the ports it declares or visibly listens on
   */
  public record Verdict(List<Group> groups, List<String> evidence, Map<ContainerView, String> why,
      List<Connect> references, Map<ContainerView, Set<Integer>> listens) {}

  private final PodView pod;
  private final Knowledge knowledge;
  private final List<Connect> connects;
  private final Map<ContainerView, Set<Integer>> listens = new IdentityHashMap<>();
  /** Per container: the data volumes it mounts, each with the subPath it sees ("" for all of it). */
  private final Map<ContainerView, Map<String, List<String>>> dataVolumes = new IdentityHashMap<>();

  private PodDesign(PodView pod, Knowledge knowledge, PodNet net) {
    this.pod = pod;
    this.knowledge = knowledge;
    this.connects = net.connects();
    Set<String> configVolumes = new HashSet<>();
    for (YMap v : pod.spec().maps("volumes")) {
      String name = v.string("name").orElse("");
      if (v.entries().stream().anyMatch(e -> CONFIG_SOURCES.contains(e.key().value()))) {
        configVolumes.add(name);
      }
    }
    for (ContainerView c : pod.containers()) {
      // declared, told by a flag, variable or mounted configuration, or its image's default
      listens.put(c, net.of(c).ports(Evidence::saysListening));
      Map<String, List<String>> vols = new LinkedHashMap<>();
      for (YMap mount : c.node().maps("volumeMounts")) {
        String sub = mount.string("subPath").or(() -> mount.string("subPathExpr")).orElse("");
        mount.string("name").filter(n -> !configVolumes.contains(n))
            .ifPresent(n -> vols.computeIfAbsent(n, k -> new ArrayList<>()).add(sub));
      }
      dataVolumes.put(c, vols);
    }
  }

  /**
   * The verdict for {@code pod}, whose networking model is {@code net}: empty when its containers
   * belong together.
   */
  public static Optional<Verdict> analyze(PodView pod, Knowledge knowledge, PodNet net) {
    if (pod.spec().scalar("shareProcessNamespace").flatMap(YScalar::asBoolean).orElse(false)) {
      return Optional.empty(); // the containers see each other's processes: coupled by design
    }
    return new PodDesign(pod, knowledge, net).verdict();
  }

  /** The ports a container declares or visibly listens on. */
  Set<Integer> listensOn(ContainerView c) {
    return listens.getOrDefault(c, Set.of());
  }

  private Optional<Verdict> verdict() {
    List<ContainerView> services = new ArrayList<>();
    List<ContainerView> others = new ArrayList<>();
    Map<ContainerView, String> roleOf = new IdentityHashMap<>();
    for (ContainerView c : pod.containers()) {
      if (!c.isLongRunning()) {
        others.add(c);
        roleOf.put(c, "init container");
        continue;
      }
      if (c.role() == ContainerRole.SIDECAR) {
        others.add(c);
        roleOf.put(c, "native sidecar");
        continue;
      }
      Optional<Knowledge.Helper> helper = knowledge.helper(c);
      if (helper.isPresent()) {
        others.add(c);
        roleOf.put(c, helper.get().role());
        continue;
      }
      if (!listensOn(c).isEmpty() || knowledge.server(c).isPresent()) {
        services.add(c);
      } else {
        others.add(c);
        roleOf.put(c, "helper without a port of its own");
      }
    }
    if (services.size() < 2) {
      return Optional.empty();
    }
    // components of services coupled to each other
    List<List<ContainerView>> groups = new ArrayList<>();
    for (ContainerView s : services) {
      List<ContainerView> joined = null;
      for (java.util.Iterator<List<ContainerView>> it = groups.iterator(); it.hasNext(); ) {
        List<ContainerView> g = it.next();
        boolean together = g.stream().anyMatch(o -> coupling(s, o).isPresent() || !independentPair(s, o));
        if (together) {
          if (joined == null) {
            g.add(s);
            joined = g;
          } else {
            joined.addAll(g);
            it.remove();
          }
        }
      }
      if (joined == null) {
        List<ContainerView> g = new ArrayList<>();
        g.add(s);
        groups.add(g);
      }
    }
    // a merge may have made two groups close; repeat until stable
    boolean merged = true;
    while (merged && groups.size() > 1) {
      merged = false;
      outer:
      for (int i = 0; i < groups.size(); i++) {
        for (int j = i + 1; j < groups.size(); j++) {
          if (!independent(groups.get(i), groups.get(j))) {
            groups.get(i).addAll(groups.remove(j));
            merged = true;
            break outer;
          }
        }
      }
    }
    if (groups.size() < 2) {
      return Optional.empty();
    }
    for (List<ContainerView> g : groups) {
      g.sort(java.util.Comparator.comparingInt(pod.containers()::indexOf));
    }
    groups.sort(java.util.Comparator.comparingInt(g -> pod.containers().indexOf(g.get(0))));
    List<Group> result = new ArrayList<>();
    for (List<ContainerView> g : groups) {
      result.add(new Group(List.copyOf(g), new ArrayList<>(),
          knowledge.server(g.get(0)).map(Knowledge.Server::stateful).orElse(false)));
    }
    for (ContainerView h : others) {
      attach(h, roleOf.get(h), result);
    }
    List<Group> frozen = result.stream().map(g -> new Group(g.services(), List.copyOf(g.companions()), g.dataService())).toList();
    return Optional.of(new Verdict(frozen, evidence(frozen), whyEach(frozen), connects, listens));
  }

  /** Places a helper, worker or init container with the groups it is coupled to. */
  private void attach(ContainerView h, String role, List<Group> groups) {
    boolean everyGroup = knowledge.helper(h).map(Knowledge.Helper::everyGroup).orElse(false);
    boolean placed = false;
    for (Group g : groups) {
      Optional<String> why = everyGroup ? Optional.of(role + ": every workload needs its own")
          : g.containers(pod).stream().map(o -> coupling(h, o)).flatMap(Optional::stream).findFirst();
      if (why.isPresent()) {
        g.companions().add(new Member(h, role + "; " + why.get()));
        placed = true;
      }
    }
    if (!placed) {
      Group home = groups.stream().filter(g -> !g.dataService()).findFirst().orElse(groups.get(0));
      home.companions().add(new Member(h, role + "; no shared volume or traffic to a helper ties it to one container, "
          + "so it stays with '" + home.main().name() + "'"));
    }
  }

  /** What couples two containers, as a clause naming them, or empty. */
  Optional<String> coupling(ContainerView a, ContainerView b) {
    for (Map.Entry<String, List<String>> v : dataVolumes.get(a).entrySet()) {
      List<String> other = dataVolumes.get(b).get(v.getKey());
      if (other != null && overlaps(v.getValue(), other)) {
        return Optional.of("'" + a.name() + "' and '" + b.name() + "' share volume '" + v.getKey() + "'");
      }
    }
    Optional<String> r = reaches(a, b).or(() -> reaches(b, a)).or(() -> probes(a, b)).or(() -> probes(b, a));
    if (r.isPresent()) {
      return r;
    }
    String ia = repository(a);
    if (!ia.isEmpty() && ia.equals(repository(b))) {
      return Optional.of("'" + a.name() + "' and '" + b.name() + "' run the same image " + ia);
    }
    return Optional.empty();
  }

  /**
   * {@code a} connects to a port {@code b} declares or listens on. Traffic to a well-known
   * standalone data service (a database, cache or queue) does not count: its clients reach it just
   * as well through a Service.
   */
  private Optional<String> reaches(ContainerView a, ContainerView b) {
    if (knowledge.server(b).map(Knowledge.Server::stateful).orElse(false)) {
      return Optional.empty();
    }
    for (Connect m : connects) {
      if (m.container() == a && listensOn(b).contains(m.port())) {
        return Optional.of("'" + a.name() + "' reaches '" + b.name() + "' at " + m.text() + " (" + m.source() + ")");
      }
    }
    return Optional.empty();
  }

  /** Whether two sets of subPaths of one volume see common files (one contains the other). */
  private static boolean overlaps(List<String> x, List<String> y) {
    for (String a : x) {
      for (String b : y) {
        String pa = withoutTrailingSlashes(a) + "/";
        String pb = withoutTrailingSlashes(b) + "/";
        if (a.isEmpty() || b.isEmpty() || pa.startsWith(pb) || pb.startsWith(pa)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

  private static String withoutTrailingSlashes(String s) {
    return s.indexOf('/') < 0 ? s : TRAILING_SLASHES.matcher(s).replaceAll("");
  }

  /** A probe of {@code a} checks a port only {@code b} declares: a's health is b's. */
  private Optional<String> probes(ContainerView a, ContainerView b) {
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      Optional<YMap> p = a.probe(probe);
      if (p.isEmpty()) {
        continue;
      }
      Optional<Integer> port = p.get().mapAt("httpGet").or(() -> p.get().mapAt("tcpSocket")).or(() -> p.get().mapAt("grpc"))
          .flatMap(h -> h.scalar("port")).flatMap(YScalar::asPort);
      if (port.isPresent() && !listensOn(a).contains(port.get()) && listensOn(b).contains(port.get())) {
        return Optional.of("the " + probe + " of '" + a.name() + "' checks port " + port.get() + " of '" + b.name() + "'");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a pair of uncoupled services scores as independent: at least {@link #INDEPENDENT}
   * points and at least one strong signal (one of them is a well-known server, or their resource
   * needs differ a lot); own ports and different publishers alone are not enough.
   */
  private boolean independentPair(ContainerView a, ContainerView b) {
    boolean strong = knowledge.server(a).isPresent() || knowledge.server(b).isPresent() || resourceGap(a, b).isPresent();
    return strong && score(a, b) >= INDEPENDENT;
  }

  /** Two groups are independent when every pair across them is. */
  private boolean independent(List<ContainerView> x, List<ContainerView> y) {
    for (ContainerView a : x) {
      for (ContainerView b : y) {
        if (coupling(a, b).isPresent() || !independentPair(a, b)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * How strongly two uncoupled service containers argue for separate workloads: one point each
   * for: both serve their own ports (or run a known server), nothing shared, different images,
   * both are well-known standalone servers, one of them is a data service the other is not (they
   * scale differently), very different resource needs.
   */
  int score(ContainerView a, ContainerView b) {
    int s = 2; // own ports or known servers (how both became services), and nothing shared (not coupled)
    String ia = repository(a);
    String ib = repository(b);
    if (!ia.isEmpty() && !ib.isEmpty() && !origin(ia).equals(origin(ib))) {
      s++; // images from different publishers; two images of one project count as one origin
    }
    Optional<Knowledge.Server> sa = knowledge.server(a);
    Optional<Knowledge.Server> sb = knowledge.server(b);
    if (sa.isPresent() && sb.isPresent()) {
      s++;
    }
    if (sa.map(Knowledge.Server::stateful).orElse(false) || sb.map(Knowledge.Server::stateful).orElse(false)) {
      s++;
    }
    if (resourceGap(a, b).isPresent()) {
      s++;
    }
    return s;
  }

  /**
   * Who publishes an image: the repository without its last path segment
   * ({@code registry.example.com/shop} for {@code registry.example.com/shop/api}); an official
   * Docker Hub image ({@code redis}, {@code docker.io/library/redis}) is its own publisher.
   */
  static String origin(String repository) {
    int slash = repository.lastIndexOf('/');
    String p = slash < 0 ? "" : repository.substring(0, slash);
    if (!(p.isEmpty() || p.equals("docker.io/library") || p.equals("library"))) {
      return p;
    }
    String r = repository.startsWith("docker.io/") ? repository.substring("docker.io/".length()) : repository;
    return r.startsWith("library/") ? r.substring("library/".length()) : r;
  }

  /** A factor of 4 or more between the two containers' CPU or memory requests. */
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

  /*
   * Containers are weighed pair by pair, so what a pair compares is read once per container: the
   * image repository and the requests (both parse text).
   */
  private final Map<ContainerView, String> repositories = new IdentityHashMap<>();
  private final Map<ContainerView, Map<String, Optional<BigDecimal>>> requests = new IdentityHashMap<>();

  private String repository(ContainerView c) {
    return repositories.computeIfAbsent(c, k -> k.image().map(Knowledge::repository).orElse(""));
  }

  private Optional<BigDecimal> requested(ContainerView c, String resource) {
    return requests.computeIfAbsent(c, k -> new java.util.HashMap<>()).computeIfAbsent(resource, r -> request(c, r));
  }

  private static Optional<BigDecimal> request(ContainerView c, String resource) {
    return c.resources().flatMap(r -> r.mapAt("requests").or(() -> r.mapAt("limits")))
        .flatMap(m -> m.string(resource)).flatMap(Quantity::parse);
  }

  private List<String> evidence(List<Group> groups) {
    List<ContainerView> mains = new ArrayList<>();
    groups.forEach(g -> mains.addAll(g.services()));
    List<String> out = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (ContainerView c : mains) {
      if (!listensOn(c).isEmpty()) {
        ports.add(c.name() + " " + String.join("/", listensOn(c).stream().map(String::valueOf).toList()));
      }
    }
    if (ports.size() == mains.size()) {
      out.add("each serves its own port (" + String.join(", ", ports) + ")");
    } else if (!ports.isEmpty()) {
      out.add("own ports (" + String.join(", ", ports) + ")");
    }
    List<String> known = new ArrayList<>();
    for (ContainerView c : mains) {
      knowledge.server(c).ifPresent(s -> known.add("'" + c.name() + "' (" + s.kind() + ")"));
    }
    if (!known.isEmpty()) {
      out.add("recognised server" + (known.size() > 1 ? "s " : " ") + String.join(", ", known));
    }
    out.add("they share no volume data");
    for (Connect m : connects) {
      for (ContainerView target : mains) {
        if (target != m.container() && listensOn(target).contains(m.port()) && groupOf(groups, target) != groupOf(groups, m.container())) {
          String clause = "'" + m.container().name() + "' reaches '" + target.name() + "' over " + m.text()
              + ", which works as well through a Service";
          if (!out.contains(clause)) {
            out.add(clause);
          }
        }
      }
    }
    for (int i = 0; i < mains.size(); i++) {
      for (int j = i + 1; j < mains.size(); j++) {
        Optional<String> gap = resourceGap(mains.get(i), mains.get(j));
        if (gap.isPresent()) {
          out.add("'" + mains.get(i).name() + "' and '" + mains.get(j).name() + "' request very different "
              + gap.get());
          i = mains.size();
          break;
        }
      }
    }
    return out;
  }

  private static int groupOf(List<Group> groups, ContainerView c) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).services().contains(c) || groups.get(i).companions().stream().anyMatch(m -> m.container() == c)) {
        return i;
      }
    }
    return -1;
  }

  private Map<ContainerView, String> whyEach(List<Group> groups) {
    Map<ContainerView, String> out = new IdentityHashMap<>();
    for (Group g : groups) {
      for (ContainerView c : g.services()) {
        List<String> parts = new ArrayList<>();
        knowledge.server(c).ifPresent(s -> parts.add("is a well-known " + s.kind()));
        if (!listensOn(c).isEmpty()) {
          parts.add("serves port " + String.join("/", listensOn(c).stream().map(String::valueOf).toList()));
        }
        out.put(c, String.join(" and ", parts));
      }
    }
    return out;
  }
}
