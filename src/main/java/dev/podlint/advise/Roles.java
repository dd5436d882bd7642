package dev.podlint.advise;

import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each container of a pod its {@link Role}, from evidence, in this order: init containers
 * and native sidecars by where they are declared; a recognised helper image; a well-known
 * server image (a web server that forwards all its traffic to another container is that
 * container's proxy); a recognised helper name; what it does (forwards all its traffic to
 * another container, is another's proxy, reads another's status page); and then its ports: a
 * container that serves none is a worker when its name, image, command or env says so, else a
 * sidecar of the others; one that serves a port is a service, a data service when it mounts a
 * claim.
 */
final class Roles {
  private Roles() {}

  /** A container's role, and the evidence for it as a clause ({@code is a well-known cache (image redis:7.4)}). */
  record Assigned(Role role, String why, Optional<Knowledge.Helper> helper) {
    static Assigned of(Role role, String why) {
      return new Assigned(role, why, Optional.empty());
    }
  }

  static Map<ContainerView, Assigned> of(PodView pod, Knowledge knowledge, Listening listening, List<Link> links) {
    Map<ContainerView, Assigned> out = new IdentityHashMap<>();
    Set<String> claims = claimVolumes(pod);
    for (ContainerView c : pod.containers()) {
      out.put(c, assign(c, knowledge, listening, links, claims));
    }
    return out;
  }

  private static Assigned assign(ContainerView c, Knowledge knowledge, Listening listening, List<Link> links,
      Set<String> claims) {
    String image = c.image().orElse("");
    Optional<Knowledge.Helper> helper = knowledge.helperByImage(c);
    if (c.role() == ContainerRole.INIT) {
      return Assigned.of(Role.INIT, "runs to completion before the others start");
    }
    if (c.role() == ContainerRole.SIDECAR) {
      return new Assigned(Role.NATIVE_SIDECAR, "is a native sidecar (restartPolicy: Always)"
          + helper.map(h -> ", " + Role.article(h.role())).orElse(""), helper.or(() -> knowledge.helper(c)));
    }
    if (helper.isPresent()) {
      return new Assigned(role(helper.get()), "is " + Role.article(helper.get().role()) + " (image " + image + ")", helper);
    }
    Optional<Link> forwards = links.stream().filter(l -> l.from() == c && l.kind() == Link.Kind.FORWARD).findFirst();
    Optional<Knowledge.Server> server = knowledge.server(c);
    if (server.isPresent()) {
      if (server.get().stateful()) {
        return Assigned.of(Role.DATA_SERVICE, "is a well-known " + server.get().kind() + " (image " + image + ")");
      }
      if (forwards.isPresent()) {
        return Assigned.of(Role.PROXY, "is " + Role.article(server.get().kind()) + " in front of '" + forwards.get().to().name()
            + "': " + forwards.get().clause());
      }
      boolean data = mountsClaim(c, claims);
      return Assigned.of(data ? Role.DATA_SERVICE : Role.SERVICE, "is a well-known " + server.get().kind() + " (image "
          + image + ")" + (data ? " that mounts a claim" : ""));
    }
    Optional<Knowledge.Helper> byName = knowledge.helper(c);
    if (byName.isPresent()) {
      return new Assigned(role(byName.get()), "is named like " + Role.article(byName.get().role()), byName);
    }
    if (forwards.isPresent()) {
      return Assigned.of(Role.PROXY, "is a proxy in front of '" + forwards.get().to().name() + "': "
          + forwards.get().clause());
    }
    Optional<Link> usedAsProxy = links.stream().filter(l -> l.to() == c && l.kind() == Link.Kind.USES_PROXY)
        .findFirst();
    if (usedAsProxy.isPresent()) {
      return Assigned.of(Role.PROXY, "is the proxy of '" + usedAsProxy.get().from().name() + "': "
          + usedAsProxy.get().clause());
    }
    Optional<Link> reads = links.stream().filter(l -> l.from() == c && l.kind() == Link.Kind.READS).findFirst();
    if (reads.isPresent()) {
      return Assigned.of(Role.ADAPTER, "is an adapter of '" + reads.get().to().name() + "': " + reads.get().clause());
    }
    boolean portLess = listening.served(c).isEmpty();
    if (portLess || !listening.servesMainPort(c)) {
      Optional<String> worker = knowledge.worker(c, commandLine(c), envNames(c));
      String ports = portLess ? "serves no port" : "serves no main port (only " + listening.describe(c) + ")";
      if (worker.isPresent()) {
        return Assigned.of(Role.WORKER, ports + " and " + worker.get());
      }
      if (portLess) {
        return Assigned.of(Role.SIDECAR, "serves no port, and nothing says it works on its own");
      }
    }
    if (mountsClaim(c, claims)) {
      return Assigned.of(Role.DATA_SERVICE, "mounts a claim: its data is its own");
    }
    return Assigned.of(Role.SERVICE, "serves " + listening.describe(c));
  }

  private static Role role(Knowledge.Helper h) {
    return switch (h.pattern()) {
      case PROXY -> Role.PROXY;
      case ADAPTER -> Role.ADAPTER;
      case SIDECAR -> Role.SIDECAR;
    };
  }

  /** The container's command and args joined by spaces: what it runs. */
  static String commandLine(ContainerView c) {
    List<String> words = new ArrayList<>();
    c.commandAndArgs((key, s) -> words.add(s.value()));
    return String.join(" ", words);
  }

  private static List<String> envNames(ContainerView c) {
    List<String> out = new ArrayList<>();
    c.node().maps("env").forEach(e -> e.string("name").ifPresent(out::add));
    return out;
  }

  /**
   * The names of the pod's volumes that hold claims: {@code persistentVolumeClaim} and
   * {@code ephemeral} volumes, and a StatefulSet's claim templates.
   */
  static Set<String> claimVolumes(PodView pod) {
    Set<String> claims = new HashSet<>();
    for (YMap v : pod.spec().maps("volumes")) {
      if (v.get("persistentVolumeClaim").isPresent() || v.get("ephemeral").isPresent()) {
        v.string("name").ifPresent(claims::add);
      }
    }
    claims.addAll(claimTemplates(pod));
    return claims;
  }

  /** The names of a StatefulSet's {@code volumeClaimTemplates} (none for other kinds). */
  static List<String> claimTemplates(PodView pod) {
    if (!pod.object().kind().equals("StatefulSet")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    pod.object().root().mapAt("spec").map(m -> m.maps("volumeClaimTemplates")).orElse(List.of())
        .forEach(t -> t.mapAt("metadata").flatMap(m -> m.string("name")).ifPresent(out::add));
    return out;
  }

  /** Whether {@code c} mounts one of {@code claims}. */
  static boolean mountsClaim(ContainerView c, Set<String> claims) {
    return c.node().maps("volumeMounts").stream().anyMatch(m -> m.string("name").filter(claims::contains).isPresent());
  }
}
