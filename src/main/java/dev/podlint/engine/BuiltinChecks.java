package dev.podlint.engine;

import dev.podlint.checks.ContainerPortConflictCheck;
import dev.podlint.checks.DeprecatedApiVersionCheck;
import dev.podlint.checks.DuplicateKeyCheck;
import dev.podlint.checks.DuplicatePortNameCheck;
import dev.podlint.checks.EphemeralDataVolumeCheck;
import dev.podlint.checks.HostPortConflictCheck;
import dev.podlint.checks.IdenticalProbesCheck;
import dev.podlint.checks.MissingProbeCheck;
import dev.podlint.checks.MissingResourceCheck;
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
import dev.podlint.checks.CronJobWithoutDeadlineCheck;
import dev.podlint.checks.DefaultNamespaceCheck;
import dev.podlint.checks.DuplicateEnvVarCheck;
import dev.podlint.checks.HpaTargetMissingCheck;
import dev.podlint.checks.ImagePullPolicyCheck;
import dev.podlint.checks.JobWithoutTtlCheck;
import dev.podlint.checks.LatestImageTagCheck;
import dev.podlint.checks.MissingPdbCheck;
import dev.podlint.checks.MissingPodAntiAffinityCheck;
import dev.podlint.checks.ReplicasWithHpaCheck;
import dev.podlint.checks.TooFewReplicasCheck;
import dev.podlint.model.YScalar;
import java.util.Map;
import dev.podlint.rule.RuleDefinition;

/** The one place that binds rule names to their Java checks. */
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
      Map.entry("missing-liveness-probe", (r, o) -> new MissingProbeCheck("livenessProbe")),
      Map.entry("missing-readiness-probe", (r, o) -> new MissingProbeCheck("readinessProbe")),
      Map.entry("missing-cpu-request", (r, o) -> new MissingResourceCheck("requests", "cpu")),
      Map.entry("missing-memory-request", (r, o) -> new MissingResourceCheck("requests", "memory")),
      Map.entry("missing-cpu-limit", (r, o) -> new MissingResourceCheck("limits", "cpu")),
      Map.entry("missing-memory-limit", (r, o) -> new MissingResourceCheck("limits", "memory")),
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
      Map.entry("service-selects-no-pods", (r, o) -> new ServiceSelectsNoPodsCheck()),
      Map.entry("latest-image-tag", (r, o) -> new LatestImageTagCheck(r.paramDefault("mutableTags"))),
      Map.entry("image-pull-policy", (r, o) -> new ImagePullPolicyCheck(booleanParam(r, "acceptDigests"))),
      Map.entry("missing-ephemeral-storage-request", (r, o) -> new MissingResourceCheck("requests", "ephemeral-storage")),
      Map.entry("missing-ephemeral-storage-limit", (r, o) -> new MissingResourceCheck("limits", "ephemeral-storage")),
      Map.entry("duplicate-env-var", (r, o) -> new DuplicateEnvVarCheck()),
      Map.entry("too-few-replicas", (r, o) -> new TooFewReplicasCheck(longParam(r, "minReplicas"))),
      Map.entry("missing-pdb", (r, o) -> new MissingPdbCheck()),
      Map.entry("hpa-target-missing", (r, o) -> new HpaTargetMissingCheck()),
      Map.entry("replicas-with-hpa", (r, o) -> new ReplicasWithHpaCheck()),
      Map.entry("missing-pod-anti-affinity", (r, o) -> new MissingPodAntiAffinityCheck(longParam(r, "minReplicas"))),
      Map.entry("job-without-ttl", (r, o) -> new JobWithoutTtlCheck()),
      Map.entry("cronjob-without-deadline", (r, o) -> new CronJobWithoutDeadlineCheck()),
      Map.entry("default-namespace", (r, o) -> new DefaultNamespaceCheck()));

  private BuiltinChecks() {}

  /** An integer parameter of {@code rule}; its default must exist (a test validates defaults against the schema). */
  private static long longParam(RuleDefinition rule, String name) {
    return rule.paramDefault(name).map(n -> n instanceof YScalar s ? s.asLong().orElse(null) : null)
        .orElseThrow(() -> new IllegalStateException(rule.name() + " has no integer parameter " + name));
  }

  /** A boolean parameter of {@code rule}; its default must exist. */
  private static boolean booleanParam(RuleDefinition rule, String name) {
    return rule.paramDefault(name).map(n -> n instanceof YScalar s ? s.asBoolean().orElse(null) : null)
        .orElseThrow(() -> new IllegalStateException(rule.name() + " has no boolean parameter " + name));
  }

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
