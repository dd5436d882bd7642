package dev.podlint.engine;

import java.util.Set;
import dev.podlint.model.BoundedRegex;

/**
 * A configured exemption: findings of {@code rules} (names; empty means every rule) on objects that
 * match every given criterion do not count. An empty set or a null pattern matches anything.
 *
 * @param kinds object kinds, e.g. {@code DaemonSet}
 * @param namespaces object namespaces ({@code ""} matches objects without a namespace)
 * @param name a pattern the whole object name must match (bounded: see {@link BoundedRegex})
 * @param containers container names (a finding that is not about a container never matches)
 * @param reason why, shown as the SARIF suppression justification
 * @param origin where it was declared, e.g. {@code .podlint.yaml:12:5}
 */
public record Exemption(Set<String> rules, Set<String> kinds, Set<String> namespaces, BoundedRegex name,
    Set<String> containers, String reason, String origin) {
  public Exemption {
    rules = Set.copyOf(rules);
    kinds = Set.copyOf(kinds);
    namespaces = Set.copyOf(namespaces);
    containers = Set.copyOf(containers);
  }
}
