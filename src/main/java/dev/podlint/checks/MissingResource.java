package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * A container without a request or limit of a resource: the check of
 * missing-ephemeral-storage-{request,limit} (the declarative missing-{cpu,memory}-{request,limit}
 * say the same in their rule files). Every container that runs, of every kind. The finding
 * points at the deepest part that exists: {@code requests:}/{@code limits:}, else
 * {@code resources:}, else the container.
 */
public class MissingResource implements Check.ContainerCheck {
  private final String section;
  private final String resource;

  public MissingResource(String section, String resource) {
    this.section = section;
    this.resource = resource;
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    Optional<YMap.Entry> resources = c.node().entry("resources");
    Optional<YMap.Entry> part = resources.filter(e -> e.value() instanceof YMap)
        .flatMap(e -> ((YMap) e.value()).entry(section));
    Optional<YNode> value = part.filter(e -> e.value() instanceof YMap)
        .flatMap(e -> ((YMap) e.value()).get(resource));
    if (value.isPresent() && !isEmpty(value.get())) {
      return;
    }
    YNode at = part.<YNode>map(YMap.Entry::key)
        .or(() -> resources.map(YMap.Entry::key))
        .orElse(c.node());
    out.at(at).arg("container", c.name()).report();
  }

  private static boolean isEmpty(YNode n) {
    return n instanceof YScalar s && (s.isNull() || s.value().isBlank());
  }
}
