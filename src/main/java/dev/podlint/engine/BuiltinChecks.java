package dev.podlint.engine;

import dev.podlint.checks.ContainerPortConflictCheck;
import dev.podlint.checks.DuplicatePortNameCheck;
import dev.podlint.checks.HostPortConflictCheck;
import dev.podlint.checks.MissingProbeCheck;
import dev.podlint.checks.MissingResourceCheck;
import dev.podlint.checks.ProbePortUndeclaredCheck;
import dev.podlint.checks.RequestExceedsLimitCheck;
import java.util.Map;
import java.util.function.Supplier;

/** The one place that binds rule names to their Java checks. */
public final class BuiltinChecks {
  private static final Map<String, Supplier<Check>> CHECKS = Map.ofEntries(
      Map.entry("container-port-conflict", ContainerPortConflictCheck::new),
      Map.entry("host-port-conflict", HostPortConflictCheck::new),
      Map.entry("duplicate-port-name", DuplicatePortNameCheck::new),
      Map.entry("probe-port-undeclared", ProbePortUndeclaredCheck::new),
      Map.entry("missing-liveness-probe", () -> new MissingProbeCheck("livenessProbe")),
      Map.entry("missing-readiness-probe", () -> new MissingProbeCheck("readinessProbe")),
      Map.entry("missing-cpu-request", () -> new MissingResourceCheck("requests", "cpu")),
      Map.entry("missing-memory-request", () -> new MissingResourceCheck("requests", "memory")),
      Map.entry("missing-cpu-limit", () -> new MissingResourceCheck("limits", "cpu")),
      Map.entry("missing-memory-limit", () -> new MissingResourceCheck("limits", "memory")),
      Map.entry("request-exceeds-limit", RequestExceedsLimitCheck::new));

  private BuiltinChecks() {}

  /** Rule names that have a Java check. */
  public static java.util.Set<String> names() {
    return CHECKS.keySet();
  }

  public static Check create(String ruleName) {
    Supplier<Check> s = CHECKS.get(ruleName);
    if (s == null) {
      throw new IllegalStateException("no Java check is bound to rule '" + ruleName + "'");
    }
    return s.get();
  }
}
