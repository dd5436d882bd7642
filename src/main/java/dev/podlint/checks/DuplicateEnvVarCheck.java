package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.HashMap;
import java.util.Map;

/**
 * duplicate-env-var: a name given twice in one container's {@code env}. Each later definition is
 * reported at its {@code name} value, with the first definition as the related location.
 * Names that are unrendered template text are skipped; {@code envFrom} is not compared, since
 * explicit {@code env} entries override it by design.
 */
public final class DuplicateEnvVarCheck implements Check.ContainerCheck {
  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    Map<String, YScalar> first = new HashMap<>();
    for (YMap entry : c.node().maps("env")) {
      YScalar name = entry.scalar("name").filter(s -> !s.isNull()).orElse(null);
      if (name == null || name.value().isEmpty() || Templates.isUnrendered(name.value())) {
        continue;
      }
      YScalar earlier = first.putIfAbsent(name.value(), name);
      if (earlier != null) {
        out.at(name).arg("container", c.name()).arg("name", name.value())
            .arg("line", earlier.span().start().line()).related(earlier).report();
      }
    }
  }
}
