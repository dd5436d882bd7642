package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.net.Connect;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything one container of a pod does with another, as {@link Link}s: the data volumes they
 * share, the probes of one on the other's port, and the {@code localhost} references of the
 * networking model, each with what its setting makes it ({@link Settings}); and a FastCGI server
 * (php-fpm) beside a web server, which is the web server's backend by what it is.
 */
final class Links {
  private Links() {}

  /** Volume sources that hand out configuration or credentials, read-only: sharing them hands nothing over. */
  private static final Set<String> CONFIG_SOURCES = Set.of("configMap", "secret", "downwardAPI", "projected");
  private static final List<String> PROBES = List.of("readinessProbe", "livenessProbe", "startupProbe");
  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

  /** One mount of a data volume: the files it sees and whether the container may write them. */
  private record Mount(String subPath, boolean writes) {}

  static List<Link> of(PodView pod, PodNet net, Listening listening, Knowledge knowledge) {
    List<Link> out = new ArrayList<>();
    Map<String, String> sources = dataVolumes(pod);
    List<ContainerView> all = pod.containers();
    Map<ContainerView, Map<String, List<Mount>>> mounts = new LinkedHashMap<>();
    all.forEach(c -> mounts.put(c, mounts(c, sources)));
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        shared(all.get(i), all.get(j), mounts, sources).ifPresent(out::add);
      }
    }
    for (ContainerView c : all) {
      probes(c, listening).forEach(out::add);
    }
    Set<String> seen = new HashSet<>();
    for (Connect m : net.connects()) {
      Optional<ContainerView> to = listening.target(m.container(), m.port());
      if (to.isEmpty()) {
        continue; // nothing in the pod serves it: localhost-port-unbound says so
      }
      Link.Kind kind = Settings.kind(m, knowledge.links());
      String clause = clause(kind, m.container(), to.get()) + " at " + m.text() + " (" + m.source() + ")";
      if (seen.add(System.identityHashCode(m.container()) + "/" + System.identityHashCode(to.get()) + "/" + clause)) {
        out.add(new Link(m.container(), to.get(), kind, clause, m));
      }
    }
    fastcgi(all, knowledge).forEach(out::add);
    return out;
  }

  private static String clause(Link.Kind kind, ContainerView from, ContainerView to) {
    String a = "'" + from.name() + "'";
    String b = "'" + to.name() + "'";
    return switch (kind) {
      case FASTCGI -> a + " passes requests to the FastCGI server " + b;
      case FORWARD -> a + " forwards all its traffic to " + b;
      case USES_PROXY -> a + " uses " + b + " as its proxy";
      case READS -> a + " reads " + b;
      case ROUTE -> a + " routes part of its traffic to " + b;
      default -> a + " calls " + b;
    };
  }

  /** The data volumes of the pod by name, with what each is ({@code emptyDir}, {@code claim data}). */
  private static Map<String, String> dataVolumes(PodView pod) {
    Map<String, String> out = new LinkedHashMap<>();
    for (YMap v : pod.spec().maps("volumes")) {
      Optional<String> name = v.string("name");
      if (name.isEmpty() || v.entries().stream().anyMatch(e -> CONFIG_SOURCES.contains(e.key().value()))) {
        continue;
      }
      boolean secretsCsi = v.mapAt("csi").flatMap(c -> c.string("driver")).map(d -> d.startsWith("secrets-store"))
          .orElse(false);
      boolean readOnly = v.mapAt("persistentVolumeClaim").flatMap(c -> c.scalar("readOnly"))
          .flatMap(YScalar::asBoolean).orElse(false)
          || v.mapAt("csi").flatMap(c -> c.scalar("readOnly")).flatMap(YScalar::asBoolean).orElse(false);
      if (secretsCsi || readOnly) {
        continue; // nobody writes it
      }
      String what = v.mapAt("persistentVolumeClaim").flatMap(c -> c.string("claimName")).map(c -> "claim " + c)
          .orElseGet(() -> v.entries().stream().map(e -> e.key().value()).filter(k -> !k.equals("name")).findFirst()
              .orElse("volume"));
      out.put(name.get(), what);
    }
    return out;
  }

  private static Map<String, List<Mount>> mounts(ContainerView c, Map<String, String> data) {
    Map<String, List<Mount>> out = new LinkedHashMap<>();
    for (YMap m : c.node().maps("volumeMounts")) {
      Optional<String> name = m.string("name").filter(data::containsKey);
      if (name.isEmpty()) {
        continue;
      }
      String sub = m.string("subPath").or(() -> m.string("subPathExpr")).orElse("");
      boolean writes = !m.scalar("readOnly").flatMap(YScalar::asBoolean).orElse(false);
      out.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(new Mount(sub, writes));
    }
    return out;
  }

  /** A volume {@code a} and {@code b} both see the same files of, which one of them may write. */
  private static Optional<Link> shared(ContainerView a, ContainerView b, Map<ContainerView, Map<String, List<Mount>>> mounts,
      Map<String, String> sources) {
    for (Map.Entry<String, List<Mount>> v : mounts.get(a).entrySet()) {
      List<Mount> other = mounts.get(b).get(v.getKey());
      if (other == null) {
        continue;
      }
      for (Mount x : v.getValue()) {
        for (Mount y : other) {
          if (overlaps(x.subPath(), y.subPath()) && (x.writes() || y.writes())) {
            ContainerView writer = x.writes() ? a : b;
            ContainerView reader = writer == a ? b : a;
            String clause = "'" + a.name() + "' and '" + b.name() + "' share volume '" + v.getKey() + "' ("
                + sources.get(v.getKey()) + ", written by '" + writer.name() + "'"
                + (x.writes() && y.writes() ? " and '" + reader.name() + "'" : "") + ")";
            return Optional.of(new Link(writer, reader, Link.Kind.VOLUME, clause, null));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether two subPaths of one volume see common files (one contains the other). */
  private static boolean overlaps(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    String pa = withoutTrailingSlashes(a) + "/";
    String pb = withoutTrailingSlashes(b) + "/";
    return pa.startsWith(pb) || pb.startsWith(pa);
  }

  private static String withoutTrailingSlashes(String s) {
    return s.indexOf('/') < 0 ? s : TRAILING_SLASHES.matcher(s).replaceAll("");
  }

  /** The probes of {@code a} that check a port another container serves and {@code a} does not. */
  private static List<Link> probes(ContainerView a, Listening listening) {
    List<Link> out = new ArrayList<>();
    for (String probe : PROBES) {
      Optional<YMap> p = a.probe(probe);
      if (p.isEmpty()) {
        continue;
      }
      Optional<Long> port = p.get().mapAt("httpGet").or(() -> p.get().mapAt("tcpSocket"))
          .or(() -> p.get().mapAt("grpc")).flatMap(h -> h.scalar("port")).flatMap(YScalar::asLong);
      if (port.isEmpty() || port.get() < 1 || port.get() > 65535 || listening.answers(a, port.get().intValue())) {
        continue;
      }
      listening.target(a, port.get().intValue()).ifPresent(b -> out.add(new Link(a, b, Link.Kind.PROBE,
          "the " + probe + " of '" + a.name() + "' checks port " + port.get() + " of '" + b.name() + "'", null)));
    }
    return out;
  }

  /** A FastCGI server (php-fpm) beside a web server: its backend, by what both are. */
  private static List<Link> fastcgi(List<ContainerView> all, Knowledge knowledge) {
    List<Link> out = new ArrayList<>();
    for (ContainerView web : all) {
      boolean isWeb = knowledge.server(web).map(s -> s.kind().equalsIgnoreCase("web server")).orElse(false);
      for (ContainerView fcgi : isWeb ? all : List.<ContainerView>of()) {
        Optional<Knowledge.Server> s = knowledge.server(fcgi);
        if (fcgi != web && fcgi.isLongRunning() && s.isPresent() && s.get().fastcgi()) {
          out.add(new Link(web, fcgi, Link.Kind.FASTCGI, "'" + fcgi.name() + "' is a " + s.get().kind()
              + " (image " + fcgi.image().orElse("") + "), the backend of the web server '" + web.name() + "'", null));
        }
      }
    }
    return out;
  }
}
