package dev.podlint.net;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.PortDecl;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one model of what the containers of a pod listen on and connect to, which every networking
 * rule and the pod design advice read. For each container:
 *
 * <ul>
 *   <li>listeners: its declared {@code ports} (with protocol and name); ports its command line,
 *       environment and mounted configuration files ({@link ConfigText}) make it listen on; the
 *       default ports of its image ({@link NetKnowledge}) unless the manifest says where it
 *       listens; and the ports its probes target;
 *   <li>connections: {@code localhost} references in its env values, command line and mounted
 *       configuration files.
 * </ul>
 *
 * Each fact keeps its {@link Evidence} (and so its {@link Confidence}) and where it was seen, for
 * messages and related locations. ConfigMaps are read from the pod's file or from any other file of
 * the run. The model is built once per pod view and knowledge and shared by the rules of a run.
 */
public final class PodNet {
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "grpc");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

  private final Map<ContainerView, ContainerNet> containers = new IdentityHashMap<>();
  private final List<ContainerNet> ordered = new ArrayList<>();
  private final Set<Integer> injected;

  private PodNet(PodView pod, NetKnowledge knowledge) {
    this.injected = knowledge.injected();
    for (ContainerView c : pod.containers()) {
      ContainerNet n = build(pod, c, knowledge);
      containers.put(c, n);
      ordered.add(n);
    }
  }

  /** The model of {@code pod}, built on first use and shared by every rule that asks with {@code knowledge}. */
  public static PodNet of(PodView pod, NetKnowledge knowledge) {
    return pod.memo(knowledge, () -> new PodNet(pod, knowledge));
  }

  /** The facts of container {@code c} of the pod. */
  public ContainerNet of(ContainerView c) {
    ContainerNet n = containers.get(c);
    if (n == null) {
      throw new IllegalArgumentException(c + " is not a container of this pod");
    }
    return n;
  }

  /** Every container's facts, in the pod's order (init containers first). */
  public List<ContainerNet> containers() {
    return List.copyOf(ordered);
  }

  /** Every connection of every container, in container order. */
  public List<Connect> connects() {
    List<Connect> out = new ArrayList<>();
    ordered.forEach(n -> out.addAll(n.connects()));
    return out;
  }

  /** Ports that sidecars injected at admission serve (not in the manifest). */
  public Set<Integer> injected() {
    return injected;
  }

  private static ContainerNet build(PodView pod, ContainerView c, NetKnowledge knowledge) {
    SourceFile file = pod.object().file();
    Facts facts = new Facts(c);
    for (PortDecl p : c.ports()) {
      if (p.port().isPresent() && p.containerPort() != null) { // 4294967376 is no port 80
        facts.listen(new Origin(file, p.containerPort(), "declared", Evidence.DECLARED), -1, -1,
            p.port().get(), p.protocol(), p.name().orElse(null), true);
      }
    }
    Map<String, String> env = Environment.read(pod, c, facts);
    CommandLine.read(c, file, env, facts);
    for (MountedFiles.File f : MountedFiles.of(pod, c)) {
      Origin o = Origin.configMap(f.configMap().file(), f.text(),
          "ConfigMap " + f.configMap().name() + " key " + f.key(), Evidence.CONFIG_FILE, f.mount());
      ConfigText.read(f.text().value(), new TextFacts() {
        @Override
        public void listen(int start, int end, int port, boolean primary) {
          facts.listen(o, start, end, port, primary);
        }

        @Override
        public void connect(int start, int end, int port) {
          facts.connect(o, start, end, port);
        }
      });
    }
    boolean told = facts.listens.stream().anyMatch(l -> l.primary() && l.evidence() != Evidence.DECLARED);
    Optional<YScalar> image = c.node().scalar("image").filter(YScalar::isString);
    if (!told && image.isPresent()) {
      Origin o = new Origin(file, image.get(), "default of image " + image.get().value(), Evidence.IMAGE_DEFAULT);
      for (NetKnowledge.PortSpec p : knowledge.defaults(image.get().value())) {
        facts.listen(o, -1, -1, p.port(), p.protocol(), null, true);
      }
    }
    for (String probe : PROBES) {
      Optional<YMap> p = c.probe(probe);
      for (String handler : HANDLERS) {
        Optional<YScalar> port = p.flatMap(x -> x.mapAt(handler)).flatMap(h -> h.scalar("port"));
        if (port.isEmpty()) {
          continue;
        }
        long n = port.get().asLong().orElse(DIGITS.matcher(port.get().value()).matches()
            ? Long.parseLong(port.get().value()) : -1L);
        if (Addresses.isPort(n)) {
          facts.listen(new Origin(file, port.get(), probe, Evidence.PROBE), -1, -1, (int) n, "TCP", null,
              false);
        }
      }
    }
    return new ContainerNet(c, facts.listens, facts.connects);
  }
}
