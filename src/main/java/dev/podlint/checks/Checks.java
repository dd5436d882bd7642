package dev.podlint.checks;

import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.net.NetKnowledge;
import dev.podlint.model.YSeq;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.podlint.engine.Check;
import dev.podlint.engine.CheckFactory;
import dev.podlint.engine.LintOptions;
import dev.podlint.rule.RuleDefinition;

/**
 * The one place that binds rule names to their Java checks, handed to the engine as its
 * {@link CheckFactory}. Declarative rules ({@code engine:
 * schema}) need no binding: {@link DeclarativeCheck} runs them from their rule files.
 */
public final class Checks implements CheckFactory {
  /** podlint's own checks, one per Java rule. */
  public static final Checks BUILTIN = new Checks();

  /** Makes a rule's check from its definition (for params) and the run's options. */
  @FunctionalInterface
  private interface Factory {
    Check create(RuleDefinition rule, LintOptions options);
  }

  /**
   * Makes a check of a rule that shares a classification with other rules and so reads their
   * definitions too ({@code rules} looks a rule up by name).
   */
  @FunctionalInterface
  private interface SharedFactory {
    Check create(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules);
  }

  /** Rule name to its factory. */
  private static final Map<String, Factory> CHECKS = Map.ofEntries(
      Map.entry("request-exceeds-limit", (r, o) -> new RequestExceedsLimitCheck()),
      Map.entry("schema-violation", (r, o) -> new SchemaViolationCheck(o)),
      Map.entry("ambiguous-yaml-scalar", (r, o) -> new AmbiguousYamlScalarCheck()),
      Map.entry("unknown-kind", (r, o) -> new UnknownKindCheck(o)),
      Map.entry("duplicate-key", (r, o) -> new DuplicateKeyCheck()),
      Map.entry("deprecated-api-version", (r, o) -> new DeprecatedApiVersionCheck(o)),
      Map.entry("selector-mismatch", (r, o) -> new SelectorMismatchCheck()),
      Map.entry("identical-probes", (r, o) -> new IdenticalProbesCheck()),
      Map.entry("naked-pod", (r, o) -> new NakedPodCheck()),
      Map.entry("ephemeral-data-volume", (r, o) -> new EphemeralDataVolumeCheck(EphemeralDataVolumeCheck.parse(
          r.paramDefault("dataStores").orElseThrow(() -> new IllegalStateException(r.name() + " has no dataStores"))))),
      Map.entry("service-target-port-unknown", (r, o) -> new ServiceTargetPortUnknownCheck()),
      Map.entry("service-selects-no-pods", (r, o) -> new ServiceSelectsNoPodsCheck()),
      Map.entry("privileged-container", (r, o) -> new PrivilegedContainerCheck()),
      Map.entry("privilege-escalation", (r, o) -> new PrivilegeEscalationCheck(r)),
      Map.entry("run-as-root", (r, o) -> new RunAsRootCheck()),
      Map.entry("writable-root-filesystem", (r, o) -> new WritableRootFilesystemCheck()),
      Map.entry("dangerous-capabilities", (r, o) -> new DangerousCapabilitiesCheck(r)),
      Map.entry("host-network", (r, o) -> new HostNamespaceCheck("hostNetwork")),
      Map.entry("host-pid", (r, o) -> new HostNamespaceCheck("hostPID")),
      Map.entry("host-ipc", (r, o) -> new HostNamespaceCheck("hostIPC")),
      Map.entry("secret-in-env", (r, o) -> new SecretInEnvCheck(r)),
      Map.entry("automount-service-account-token", (r, o) -> new AutomountServiceAccountTokenCheck()),
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
      Map.entry("default-namespace", (r, o) -> new DefaultNamespaceCheck()),
      Map.entry("invalid-restart-policy", (r, o) -> new InvalidRestartPolicyCheck()),
      Map.entry("missing-network-policy", (r, o) -> new MissingNetworkPolicyCheck()),
      Map.entry("network-policy-selects-no-pods", (r, o) -> new NetworkPolicySelectsNoPodsCheck()),
      Map.entry("ineffective-spreading", (r, o) -> new IneffectiveSpreadingCheck()),
      Map.entry("missing-seccomp-profile", (r, o) -> new MissingSeccompProfileCheck()),
      Map.entry("missing-linux-hardening", (r, o) -> new MissingLinuxHardeningCheck()),
      Map.entry("privileged-port-as-non-root", (r, o) -> new PrivilegedPortCheck()),
      Map.entry("low-user-id", (r, o) -> new LowUserIdCheck(longParam(r, "minimumId"))),
      Map.entry("run-as-root-group", (r, o) -> new RunAsRootGroupCheck()),
      Map.entry("service-account-missing", (r, o) -> new ServiceAccountMissingCheck()),
      Map.entry("missing-headless-service", (r, o) -> new MissingHeadlessServiceCheck()),
      Map.entry("pdb-blocks-eviction", (r, o) -> new PdbBlocksEvictionCheck()),
      Map.entry("missing-prestop-hook", (r, o) -> new MissingPreStopHookCheck()),
      Map.entry("request-differs-from-limit", (r, o) -> new RequestDiffersFromLimitCheck(List.of("cpu", "memory"))),
      Map.entry("ephemeral-storage-request-differs-from-limit",
          (r, o) -> new RequestDiffersFromLimitCheck(List.of("ephemeral-storage"))),
      Map.entry("required-labels", (r, o) -> new RequiredLabelsCheck(stringsParam(r, "labels"))),
      Map.entry("template-label-mismatch", (r, o) -> new TemplateLabelMismatchCheck(stringsParam(r, "labels"))));


  /**
   * Rules that share a classification and so read each other's definitions: the hostPath rules
   * (each hostPath volume belongs to exactly one of them, so each reads the path lists of the other
   * two) and the networking rules (one model of what each container listens on and connects to).
   */
  private static final Map<String, SharedFactory> SHARED = Map.ofEntries(
      Map.entry("host-path-volume", (r, o, rules) -> new HostPathVolumeCheck(rules)),
      Map.entry("docker-socket-mount", (r, o, rules) -> new DockerSocketMountCheck(rules)),
      Map.entry("sensitive-host-mount", (r, o, rules) -> new SensitiveHostMountCheck(rules)),
      Map.entry("writable-host-mount", (r, o, rules) -> new WritableHostMountCheck(rules)),
      // the networking rules read one model of each pod, whose knowledge is localhost-port-unbound's parameters
      Map.entry("container-port-conflict", (r, o, rules) -> new ContainerPortConflictCheck(NetKnowledge.of(rules))),
      Map.entry("host-port-conflict", (r, o, rules) -> new HostPortConflictCheck(NetKnowledge.of(rules))),
      Map.entry("host-port", (r, o, rules) -> new HostPortCheck(NetKnowledge.of(rules))),
      Map.entry("duplicate-port-name", (r, o, rules) -> new DuplicatePortNameCheck(NetKnowledge.of(rules))),
      Map.entry("probe-port-undeclared", (r, o, rules) -> new ProbePortUndeclaredCheck(NetKnowledge.of(rules))),
      Map.entry("localhost-port-unbound", (r, o, rules) -> new LocalhostPortUnboundCheck(NetKnowledge.of(
          name -> name.equals(r.name()) ? r : rules.apply(name)))),
      Map.entry("unrelated-services-in-pod", (r, o, rules) -> new UnrelatedServicesInPodCheck(r,
          NetKnowledge.of(rules))));

  private Checks() {}

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

  /** A parameter of {@code rule} that is a list of strings; its default must exist. */
  private static List<String> stringsParam(RuleDefinition rule, String name) {
    YNode list = rule.paramDefault(name).filter(n -> n instanceof YSeq)
        .orElseThrow(() -> new IllegalStateException(rule.name() + " has no list parameter " + name));
    List<String> out = new java.util.ArrayList<>();
    for (YNode item : ((YSeq) list).items()) {
      if (item instanceof YScalar s && !s.isNull() && !s.value().isBlank()) {
        out.add(s.value().strip());
      }
    }
    return List.copyOf(out);
  }

  @Override
  public java.util.Set<String> ruleNames() {
    return names();
  }

  @Override
  public Check create(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules) {
    return make(rule, options, rules);
  }

  /** Rule names that have a Java check. */
  private static java.util.Set<String> names() {
    java.util.Set<String> all = new java.util.TreeSet<>(CHECKS.keySet());
    all.addAll(SHARED.keySet());
    return java.util.Collections.unmodifiableSet(all);
  }

  private static Check make(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules) {
    Factory f = CHECKS.get(rule.name());
    if (f != null) {
      return f.create(rule, options);
    }
    SharedFactory shared = SHARED.get(rule.name());
    if (shared != null) {
      return shared.create(rule, options, rules);
    }
    throw new IllegalStateException("no Java check is bound to rule '" + rule.name() + "'");
  }
}
