package dev.podlint.engine;

import dev.podlint.checks.ContainerPortConflictCheck;
import dev.podlint.checks.DeprecatedApiVersionCheck;
import dev.podlint.checks.DuplicateKeyCheck;
import dev.podlint.checks.DuplicatePortNameCheck;
import dev.podlint.checks.EphemeralDataVolumeCheck;
import dev.podlint.checks.HostPortConflictCheck;
import dev.podlint.checks.IdenticalProbesCheck;
import dev.podlint.checks.NakedPodCheck;
import dev.podlint.checks.ProbePortUndeclaredCheck;
import dev.podlint.checks.RequestExceedsLimitCheck;
import dev.podlint.checks.SelectorMismatchCheck;
import dev.podlint.checks.SchemaViolationCheck;
import dev.podlint.checks.ServiceSelectsNoPodsCheck;
import dev.podlint.checks.ServiceTargetPortUnknownCheck;
import dev.podlint.checks.AmbiguousYamlScalarCheck;
import dev.podlint.checks.UnknownKindCheck;
import dev.podlint.checks.UnrelatedServicesInPodCheck;
import dev.podlint.checks.LocalhostPortUnboundCheck;
import java.util.Map;
import dev.podlint.rule.RuleDefinition;

/**
 * The one place that binds rule names to their Java checks. Declarative rules ({@code engine:
 * schema}) need no binding: {@link DeclarativeCheck} runs them from their rule files.
 */
public final class BuiltinChecks {
  /** Makes a rule's check from its definition (for params) and the run's options. */
  @FunctionalInterface
  public interface Factory {
    Check create(RuleDefinition rule, LintOptions options);
  }

  /** Rule name to its factory. */
  private static final Map<String, Factory> CHECKS = Map.ofEntries(
      Map.entry("container-port-conflict", (r, o) -> new ContainerPortConflictCheck()),
      Map.entry("host-port-conflict", (r, o) -> new HostPortConflictCheck()),
      Map.entry("duplicate-port-name", (r, o) -> new DuplicatePortNameCheck()),
      Map.entry("probe-port-undeclared", (r, o) -> new ProbePortUndeclaredCheck()),
      Map.entry("request-exceeds-limit", (r, o) -> new RequestExceedsLimitCheck()),
      Map.entry("schema-violation", (r, o) -> new SchemaViolationCheck(o)),
      Map.entry("ambiguous-yaml-scalar", (r, o) -> new AmbiguousYamlScalarCheck()),
      Map.entry("unknown-kind", (r, o) -> new UnknownKindCheck(o)),
      Map.entry("duplicate-key", (r, o) -> new DuplicateKeyCheck()),
      Map.entry("deprecated-api-version", (r, o) -> new DeprecatedApiVersionCheck(o)),
      Map.entry("selector-mismatch", (r, o) -> new SelectorMismatchCheck()),
      Map.entry("unrelated-services-in-pod", (r, o) -> new UnrelatedServicesInPodCheck(r)),
      Map.entry("localhost-port-unbound", (r, o) -> new LocalhostPortUnboundCheck(r)),
      Map.entry("identical-probes", (r, o) -> new IdenticalProbesCheck()),
      Map.entry("naked-pod", (r, o) -> new NakedPodCheck()),
      Map.entry("ephemeral-data-volume", (r, o) -> new EphemeralDataVolumeCheck(EphemeralDataVolumeCheck.parse(
          r.paramDefault("dataStores").orElseThrow(() -> new IllegalStateException(r.name() + " has no dataStores"))))),
      Map.entry("service-target-port-unknown", (r, o) -> new ServiceTargetPortUnknownCheck()),
      Map.entry("service-selects-no-pods", (r, o) -> new ServiceSelectsNoPodsCheck()));

  private BuiltinChecks() {}

  /** Rule names that have a Java check. */
  public static java.util.Set<String> names() {
    return CHECKS.keySet();
  }

  public static Check create(RuleDefinition rule, LintOptions options) {
    Factory f = CHECKS.get(rule.name());
    if (f == null) {
      throw new IllegalStateException("no Java check is bound to rule '" + rule.name() + "'");
    }
    return f.create(rule, options);
  }
}
