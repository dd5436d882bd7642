package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * dangerous-capabilities: Linux capabilities a container adds beyond the runtime's default set.
 * Each entry of {@code capabilities.add} is judged on its own, at the list item: one of the
 * {@code criticalCapabilities} (ALL, SYS_ADMIN, ...) is the {@code critical} variant, anything else
 * outside {@code allowedCapabilities} (the Pod Security Standards' baseline list) the default one.
 * Names are compared as the runtimes read them: any case, with or without {@code CAP_}.
 *
 * <p>A container that keeps NET_RAW (no {@code drop} of ALL or NET_RAW, and not added explicitly,
 * which is reported at the item) is the {@code netRawNotDropped} note, at the deepest of
 * {@code drop:}, {@code capabilities:}, {@code securityContext:} and the container's entry, when
 * the {@code requireNetRawDrop} parameter is on. Privileged containers hold every capability
 * anyway ({@code privileged-container} reports them) and are not given that note. Windows pods are
 * skipped: capabilities are a Linux feature.
 */
public final class DangerousCapabilitiesCheck implements Check.ContainerCheck {
  private final Set<String> critical;
  private final Set<String> allowed;
  private final boolean requireNetRawDrop;

  /** The rule's parameters. */
  public record Params(List<String> criticalCapabilities, List<String> allowedCapabilities,
      boolean requireNetRawDrop) {}

  public DangerousCapabilitiesCheck(Params params) {
    this.critical = names(params.criticalCapabilities());
    this.allowed = names(params.allowedCapabilities());
    this.requireNetRawDrop = params.requireNetRawDrop();
  }

  /** Capability names as podlint compares them. */
  private static Set<String> names(List<String> written) {
    Set<String> out = new LinkedHashSet<>();
    written.forEach(w -> out.add(SecurityContexts.capability(w)));
    return out;
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (pod.isWindows()) {
      return;
    }
    List<YScalar> added = SecurityContexts.capabilities(c, "add");
    List<String> dropped = SecurityContexts.capabilityNames(c, "drop");
    boolean addsNetRaw = false;
    for (YScalar item : added) {
      String name = SecurityContexts.capability(item.value());
      if (dropped.contains(name)) {
        continue; // the runtimes apply individual drops after individual additions
      }
      addsNetRaw |= name.equals("NET_RAW") || name.equals("ALL");
      if (critical.contains(name)) {
        out.at(item).variant("critical").arg("container", c.name()).arg("capability", name).report();
      } else if (!allowed.contains(name)) {
        out.at(item).arg("container", c.name()).arg("capability", name).report();
      }
    }
    if (!requireNetRawDrop || addsNetRaw || SecurityContexts.privileged(c)) {
      return;
    }
    if (dropped.contains("ALL") || dropped.contains("NET_RAW")) {
      return;
    }
    Optional<YMap> caps = SecurityContexts.capabilitiesMap(c);
    YNode at = caps.flatMap(m -> m.keyNode("drop")).<YNode>map(k -> k)
        .or(() -> c.securityContext().flatMap(sc -> sc.keyNode("capabilities")))
        .orElse(SecurityContexts.missingAt(c));
    out.at(at).variant("netRawNotDropped").arg("container", c.name()).report();
  }
}
