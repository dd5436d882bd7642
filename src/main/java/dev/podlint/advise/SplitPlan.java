package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.YScalar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How to split one pod, whatever judged it: the parts to run as workloads of their own, and for
 * each its containers, its role, the ports it serves and the {@code localhost} references of its
 * containers that must point at another part's Service. {@link SplitProposal} turns a plan into
 * manifests; {@link VerdictPlan} makes one from {@link PodDesign}'s verdict.
 *
 * <p>The first part keeps the original object's name, selector and data (for a StatefulSet, its
 * claims); the others become new workloads.
 *
 * @param parts at least two; every regular container of the pod is in at least one of them
 */
public record SplitPlan(List<Part> parts) {
  /** What a part is, which decides the kind of workload it becomes. */
  public enum Role {
    /** Serves ports and keeps no data of its own: scales with replicas. */
    SERVICE,
    /**
     * A database, cache, queue or search engine, or a part that mounts a claim: one replica is one
     * copy of the data, so it becomes a StatefulSet.
     */
    DATA_SERVICE,
    /** Serves no port (a queue worker): a workload without a Service. */
    WORKER
  }

  /**
   * A container of a part.
   *
   * @param service the container is one of the part's services (the first names the part); false
   *     for helpers, workers, native sidecars and init containers that go with them
   * @param why what makes it a service, or why it goes with this part, for the proposal's comments
   */
  public record Member(ContainerView container, boolean service, String why) {}

  /**
   * A port a part serves to the others or to the outside.
   *
   * @param name the name the container gives it, or null
   * @param declared false when the container listens on it without declaring it
   */
  public record Port(ContainerView container, int number, String protocol, String name, boolean declared) {}

  /**
   * A reference of a part's container to {@code localhost:port} that the split turns into the
   * Service of part {@code target}.
   *
   * @param node the scalar that holds it
   * @param start offset of the reference in the scalar's value, -1 when the whole value is the host
   *     ({@code REDIS_HOST=localhost} next to {@code REDIS_PORT})
   * @param end end offset (exclusive)
   * @param inObject false when the scalar is in another object (a ConfigMap), which the split does
   *     not rewrite
   * @param source where it was found, for comments: {@code env REDIS_URL}
   */
  public record Reference(ContainerView container, YScalar node, int start, int end, int port, boolean inObject,
      String source, int target) {
    /** The reference as written. */
    public String text() {
      return start < 0 ? node.value() : node.value().substring(start, end);
    }

    /**
     * Whether it names the host alone, the port being elsewhere ({@code REDIS_HOST=localhost} beside
     * {@code REDIS_PORT}, {@code redis-cli -h localhost -p 6379}): a rewrite replaces the host only.
     */
    public boolean hostOnly() {
      return start < 0 || !text().endsWith(":" + port);
    }
  }

  /** One workload of the split. */
  public record Part(Role role, List<Member> members, List<Port> ports, List<Reference> references) {
    public Part {
      members = List.copyOf(members);
      ports = List.copyOf(ports);
      references = List.copyOf(references);
      if (members.stream().noneMatch(Member::service)) {
        throw new IllegalArgumentException("a part needs a service container to be named after");
      }
    }

    /** The container the part is named after. */
    public ContainerView main() {
      return members.stream().filter(Member::service).findFirst().orElseThrow().container();
    }

    /** Whether {@code c} runs in this part. */
    public boolean contains(ContainerView c) {
      return members.stream().anyMatch(m -> m.container() == c);
    }
  }

  public SplitPlan {
    parts = List.copyOf(parts);
    if (parts.size() < 2) {
      throw new IllegalArgumentException("a split has at least two parts");
    }
    for (int i = 0; i < parts.size(); i++) {
      Set<String> served = new HashSet<>();
      for (Port p : parts.get(i).ports()) {
        if (!served.add(p.number() + "/" + p.protocol())) {
          throw new IllegalArgumentException("two containers of part " + i + " serve port " + p.number());
        }
      }
      for (Reference r : parts.get(i).references()) {
        if (r.target() < 0 || r.target() >= parts.size() || r.target() == i) {
          throw new IllegalArgumentException("a reference of part " + i + " targets part " + r.target());
        }
      }
    }
  }
}
