package dev.podlint.checks;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The {@code hostPath} volumes of a pod, the containers that mount them, and what they expose.
 *
 * <p>Three rules share one classification so that each hostPath volume gets exactly one of them:
 * a volume that exposes a sensitive host directory is {@code sensitive-host-mount}; otherwise one
 * that exposes a container runtime socket is {@code docker-socket-mount}; any other is
 * {@code host-path-volume}. A mount exposes a path when it is that path, lies inside an entry
 * written with {@code /**}, or is a parent directory of it (mounting {@code /var} exposes
 * {@code /var/lib/kubelet}). What a container sees is the volume's path joined with the mount's
 * {@code subPath}; a volume that no container mounts is judged on its own path (it exposes
 * nothing yet, and the rules say so in a milder variant).
 */
final class HostPaths {
  /** The rule each volume belongs to. */
  enum Kind { SENSITIVE, SOCKET, OTHER }

  /** A container's mount of a hostPath volume. */
  record Mount(ContainerView container, YMap node, String mountPath, boolean readOnly, String hostPath) {}

  /**
   * A hostPath volume.
   *
   * @param hostPathKey the {@code hostPath:} key
   * @param pathNode the {@code path} value, or null when it is missing
   * @param path the normalised path, or null
   */
  record Volume(String name, YScalar hostPathKey, YScalar pathNode, String path, List<Mount> mounts) {}

  /** What a volume exposes: its rule, the host path that does it, and the listed path it reaches. */
  record Exposure(Kind kind, String hostPath, Hit hit, List<Mount> mounts) {
    /** Whether no container mounts the volume. */
    boolean unmounted() {
      return mounts.isEmpty();
    }

    /** Whether every mount that exposes it is read-only. */
    boolean readOnly() {
      return !mounts.isEmpty() && mounts.stream().allMatch(Mount::readOnly);
    }
  }

  /** Paths from a rule parameter; {@code /x/**} also covers everything below {@code /x}. */
  static final class PathList {
    private record Entry(String path, boolean subtree) {}

    private final List<Entry> entries = new ArrayList<>();

    static PathList of(List<String> paths) {
      PathList list = new PathList();
      for (String path : paths) {
        if (!path.isBlank()) {
          String v = path.strip();
          boolean subtree = v.endsWith("/**");
          String base = subtree ? v.substring(0, v.length() - 3) : v;
          list.entries.add(new Entry(normalize(base.isEmpty() ? "/" : base), subtree));
        }
      }
      return list;
    }

    /**
     * The listed path that a mount of {@code path} exposes, if any: the path itself when it is
     * listed, else the first entry in list order that it lies inside of or is a parent of.
     */
    Optional<Hit> exposed(String path) {
      Hit first = null;
      for (Entry e : entries) {
        boolean linux = path.startsWith("/") && e.path.startsWith("/");
        if (linux ? path.equals(e.path) : path.equalsIgnoreCase(e.path)) {
          return Optional.of(new Hit(e.path, Relation.SAME));
        }
        if (first == null && linux && e.subtree && inside(path, e.path)) {
          first = new Hit(e.path, Relation.INSIDE);
        } else if (first == null && linux && inside(e.path, path)) {
          first = new Hit(e.path, Relation.PARENT);
        }
      }
      return Optional.ofNullable(first);
    }
  }

  /** How a mounted path relates to the listed path it exposes. */
  enum Relation { SAME, INSIDE, PARENT }

  /** A listed path a mount exposes. */
  record Hit(String listed, Relation relation) {
    /** ", which holds /x" or ", part of /x", or nothing when the mount is the listed path. */
    String describe(String verbForParent) {
      return switch (relation) {
        case SAME -> "";
        case INSIDE -> ", part of " + listed;
        case PARENT -> ", " + verbForParent + " " + listed;
      };
    }
  }

  private final PathList sensitive;
  private final PathList sockets;

  HostPaths(PathList sensitive, PathList sockets) {
    this.sensitive = sensitive;
    this.sockets = sockets;
  }

  /**
   * The classification from the rules' parameters: {@code sensitivePaths} of
   * {@code sensitive-host-mount} and {@code runtimeSockets} of {@code docker-socket-mount}.
   */
  static HostPaths of(OtherRules rules) {
    return new HostPaths(
        PathList.of(rules.params("sensitive-host-mount", SensitiveHostMountCheck.Params.class).sensitivePaths()),
        PathList.of(rules.params("docker-socket-mount", DockerSocketMountCheck.Params.class).runtimeSockets()));
  }

  /** Every hostPath volume of the pod, with the containers that mount it, in file order. */
  static List<Volume> volumes(PodView pod) {
    List<Volume> out = new ArrayList<>();
    for (YMap v : pod.spec().maps("volumes")) {
      Optional<YMap.Entry> hp = v.entry("hostPath");
      if (hp.isEmpty() || !(hp.get().value() instanceof YMap hostPath)) {
        continue;
      }
      String name = v.string("name").orElse(null);
      YScalar pathNode = hostPath.scalar("path").filter(s -> !s.isNull() && !s.value().isBlank()).orElse(null);
      String path = pathNode == null ? null : normalize(pathNode.value().strip());
      List<Mount> mounts = new ArrayList<>();
      if (name != null) {
        for (ContainerView c : pod.containers()) {
          for (YMap m : c.node().maps("volumeMounts")) {
            if (!name.equals(m.string("name").orElse(null))) {
              continue;
            }
            boolean readOnly = m.scalar("readOnly").flatMap(YScalar::asBoolean).orElse(false);
            String subPath = m.string("subPath").map(String::strip).orElse("");
            String seen = path == null ? null : subPath.isEmpty() || !path.startsWith("/") ? path
                : normalize(path + "/" + subPath);
            mounts.add(new Mount(c, m, m.string("mountPath").orElse(""), readOnly, seen));
          }
        }
      }
      out.add(new Volume(name, hp.get().key(), pathNode, path, List.copyOf(mounts)));
    }
    return out;
  }

  /**
   * What {@code v} exposes, judged on what its mounts see; a volume no container mounts is judged
   * on its own path.
   */
  Exposure classify(Volume v) {
    for (Kind kind : List.of(Kind.SENSITIVE, Kind.SOCKET)) {
      PathList list = kind == Kind.SENSITIVE ? sensitive : sockets;
      List<Mount> hits = new ArrayList<>();
      String seen = null;
      Hit hit = null;
      for (Mount m : v.mounts()) {
        if (m.hostPath() == null) {
          continue;
        }
        Optional<Hit> e = list.exposed(m.hostPath());
        if (e.isPresent()) {
          hits.add(m);
          if (seen == null) {
            seen = m.hostPath();
            hit = e.get();
          }
        }
      }
      if (!hits.isEmpty()) {
        return new Exposure(kind, seen, hit, List.copyOf(hits));
      }
      if (v.mounts().isEmpty() && v.path() != null) {
        // declared but not mounted (yet): judged on the volume's own path
        Optional<Hit> e = list.exposed(v.path());
        if (e.isPresent()) {
          return new Exposure(kind, v.path(), e.get(), List.of());
        }
      }
    }
    return new Exposure(Kind.OTHER, v.path(), null, v.mounts());
  }

  /** {@code a} lies strictly inside directory {@code dir}. */
  static boolean inside(String a, String dir) {
    if (dir.equals("/")) {
      return !a.equals("/") && a.startsWith("/");
    }
    return a.startsWith(dir + "/");
  }

  /**
   * An absolute Linux path with repeated and trailing slashes, {@code .} and {@code ..} resolved
   * (as the kernel resolves it, without following links); other paths (Windows, relative) as
   * written.
   */
  static String normalize(String p) {
    if (!p.startsWith("/")) {
      return p;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(s);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** "read-only" or "writable", for messages. */
  static String access(List<Mount> mounts) {
    if (mounts.isEmpty()) {
      return "not mounted by any container";
    }
    List<String> ro = new ArrayList<>();
    List<String> rw = new ArrayList<>();
    for (Mount m : mounts) {
      List<String> side = m.readOnly() ? ro : rw;
      String n = "'" + m.container().name() + "'";
      if (!side.contains(n)) {
        side.add(n);
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!rw.isEmpty()) {
      sb.append("writable by ").append(join(rw));
    }
    if (!ro.isEmpty()) {
      sb.append(sb.length() > 0 ? ", " : "").append("read-only for ").append(join(ro));
    }
    return sb.toString();
  }

  private static String join(List<String> names) {
    String s = names.size() == 1 ? "container " : "containers ";
    if (names.size() == 1) {
      return s + names.get(0);
    }
    return s + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
