package dev.podlint.checks;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads security settings as the kubelet applies them. Fields that exist at both levels
 * ({@code runAsUser}, {@code runAsGroup}, {@code runAsNonRoot}, {@code seLinuxOptions},
 * {@code windowsOptions}, ...) take the container's value when it is set and the pod's otherwise;
 * the others ({@code privileged}, {@code allowPrivilegeEscalation}, {@code readOnlyRootFilesystem},
 * {@code capabilities}) exist only on the container. A key set to {@code null} is unset, and a
 * value of the wrong type (a quoted {@code "true"}) is left to {@code schema-violation}: the API
 * server rejects it, so it never takes effect.
 */
final class SecurityContexts {
  private SecurityContexts() {}

  /** A setting that is in effect for a container, and where it was written. */
  record Setting(YScalar value, boolean podLevel) {}

  /** The container's own {@code securityContext.<key>}, when it is a non-null scalar. */
  static Optional<YScalar> container(ContainerView c, String key) {
    return c.securityContext().flatMap(sc -> sc.scalar(key)).filter(s -> !s.isNull());
  }

  /** The pod's {@code securityContext.<key>}, when it is a non-null scalar. */
  static Optional<YScalar> pod(PodView pod, String key) {
    return pod.securityContext().flatMap(sc -> sc.scalar(key)).filter(s -> !s.isNull());
  }

  /** The container's value of a field both levels have, else the pod's. */
  static Optional<Setting> effective(PodView pod, ContainerView c, String key) {
    Optional<YScalar> own = container(c, key);
    if (own.isPresent()) {
      return Optional.of(new Setting(own.get(), false));
    }
    return pod(pod, key).map(s -> new Setting(s, true));
  }

  /** The value of a boolean scalar (YAML 1.1 words included); empty for anything else. */
  static Optional<Boolean> bool(YScalar s) {
    return s.asBoolean();
  }

  /** Whether the container's own {@code securityContext.<key>} is the boolean {@code true}. */
  static boolean isTrue(ContainerView c, String key) {
    return container(c, key).flatMap(YScalar::asBoolean).orElse(false);
  }

  /** Whether the container runs privileged ({@code securityContext.privileged: true}). */
  static boolean privileged(ContainerView c) {
    return isTrue(c, "privileged");
  }

  /**
   * Where a finding about a setting the container lacks points: its {@code securityContext} key
   * when it has one, else the container's entry (normally its {@code - name:} line).
   */
  static YNode missingAt(ContainerView c) {
    return c.node().keyNode("securityContext").<YNode>map(k -> k).orElse(c.node());
  }

  /** The scalar items of {@code securityContext.capabilities.<list>} ({@code add} or {@code drop}). */
  static List<YScalar> capabilities(ContainerView c, String list) {
    List<YScalar> out = new ArrayList<>();
    Optional<YSeq> seq = c.securityContext().flatMap(sc -> sc.map("capabilities")).flatMap(m -> m.seq(list));
    seq.ifPresent(s -> {
      for (YNode n : s.items()) {
        if (n instanceof YScalar sc && !sc.isNull() && !capability(sc.value()).isEmpty()) {
          out.add(sc);
        }
      }
    });
    return out;
  }

  /** The normalised names of {@code capabilities.<list>}. */
  static List<String> capabilityNames(ContainerView c, String list) {
    return capabilities(c, list).stream().map(s -> capability(s.value())).toList();
  }

  /**
   * A capability name as container runtimes read it: containerd and CRI-O upper-case the name
   * and add the {@code CAP_} prefix when it is missing, so {@code net_admin}, {@code NET_ADMIN}
   * and {@code CAP_NET_ADMIN} are one capability; returned without the prefix.
   */
  static String capability(String raw) {
    String s = raw.strip().toUpperCase(Locale.ROOT);
    return s.startsWith("CAP_") ? s.substring(4) : s;
  }

  /** {@code securityContext.capabilities} of the container, when it is a mapping. */
  static Optional<YMap> capabilitiesMap(ContainerView c) {
    return c.securityContext().flatMap(sc -> sc.map("capabilities"));
  }

  /**
   * "container 'a'" or "containers 'a', 'b' and 'c'" (or "the pod's containers" when it declares
   * none), for messages about several containers.
   */
  static String containers(List<ContainerView> list) {
    List<String> names = list.stream().map(c -> "'" + c.name() + "'").toList();
    if (names.isEmpty()) {
      return "the pod's containers";
    }
    if (names.size() == 1) {
      return "container " + names.get(0);
    }
    return "containers " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
