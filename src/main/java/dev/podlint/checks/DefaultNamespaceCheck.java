package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * default-namespace: a namespaced object that names the {@code default} namespace (at the value)
 * or none, so that it lands in whatever namespace the apply uses, usually {@code default} (variant
 * {@code missing}, at the {@code metadata} key, else the {@code kind} value). Which kinds are
 * namespaced is the rule's {@code appliesTo}.
 */
public final class DefaultNamespaceCheck implements Check.ObjectCheck {
  @Override
  public void check(K8sObject object, Findings out) {
    String name = object.name() == null ? "(unnamed)" : object.name();
    Optional<YMap.Entry> metadata = object.root().entry("metadata");
    Optional<YScalar> namespace = object.metadata().flatMap(m -> m.scalar("namespace")).filter(s -> !s.isNull()
        && !s.value().isEmpty());
    if (namespace.isPresent()) {
      if (namespace.get().value().equals("default")) {
        out.at(namespace.get()).arg("kind", object.kind()).arg("name", name).report();
      }
      return;
    }
    YNode at = metadata.<YNode>map(YMap.Entry::key).orElse(object.root().scalar("kind").orElse(null));
    if (at != null) {
      out.at(at).variant("missing").arg("kind", object.kind()).arg("name", name).report();
    }
  }
}
