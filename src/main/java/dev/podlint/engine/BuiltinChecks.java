package dev.podlint.engine;

import dev.podlint.checks.ContainerPortConflictCheck;
import dev.podlint.checks.DeprecatedApiVersionCheck;
import dev.podlint.checks.DuplicateKeyCheck;
import dev.podlint.checks.DuplicatePortNameCheck;
import dev.podlint.checks.HostPortConflictCheck;
import dev.podlint.checks.MissingProbeCheck;
import dev.podlint.checks.MissingResourceCheck;
import dev.podlint.checks.ProbePortUndeclaredCheck;
import dev.podlint.checks.RequestExceedsLimitCheck;
import dev.podlint.checks.SelectorMismatchCheck;
import dev.podlint.checks.SchemaViolationCheck;
import dev.podlint.checks.AmbiguousYamlScalarCheck;
import dev.podlint.checks.UnknownKindCheck;
import java.util.Map;
import java.util.function.Function;

/** The one place that binds rule names to their Java checks. */
public final class BuiltinChecks {
  /** Rule name to a factory that receives the run's options. */
  private static final Map<String, Function<LintOptions, Check>> CHECKS = Map.ofEntries(
      Map.entry("container-port-conflict", o -> new ContainerPortConflictCheck()),
      Map.entry("host-port-conflict", o -> new HostPortConflictCheck()),
      Map.entry("duplicate-port-name", o -> new DuplicatePortNameCheck()),
      Map.entry("probe-port-undeclared", o -> new ProbePortUndeclaredCheck()),
      Map.entry("missing-liveness-probe", o -> new MissingProbeCheck("livenessProbe")),
      Map.entry("missing-readiness-probe", o -> new MissingProbeCheck("readinessProbe")),
      Map.entry("missing-cpu-request", o -> new MissingResourceCheck("requests", "cpu")),
      Map.entry("missing-memory-request", o -> new MissingResourceCheck("requests", "memory")),
      Map.entry("missing-cpu-limit", o -> new MissingResourceCheck("limits", "cpu")),
      Map.entry("missing-memory-limit", o -> new MissingResourceCheck("limits", "memory")),
      Map.entry("request-exceeds-limit", o -> new RequestExceedsLimitCheck()),
      Map.entry("schema-violation", SchemaViolationCheck::new),
      Map.entry("ambiguous-yaml-scalar", o -> new AmbiguousYamlScalarCheck()),
      Map.entry("unknown-kind", UnknownKindCheck::new),
      Map.entry("duplicate-key", o -> new DuplicateKeyCheck()),
      Map.entry("deprecated-api-version", o -> new DeprecatedApiVersionCheck(o)),
      Map.entry("selector-mismatch", o -> new SelectorMismatchCheck()));

  private BuiltinChecks() {}

  /** Rule names that have a Java check. */
  public static java.util.Set<String> names() {
    return CHECKS.keySet();
  }

  public static Check create(String ruleName, LintOptions options) {
    Function<LintOptions, Check> f = CHECKS.get(ruleName);
    if (f == null) {
      throw new IllegalStateException("no Java check is bound to rule '" + ruleName + "'");
    }
    return f.apply(options);
  }
}
