package dev.podlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.podlint.checks.MissingResource;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The presence rules moved from Java checks to {@code engine: schema} report exactly what the
 * Java checks reported: same line, column, end and message, on every shape a container's
 * resources or probes can take, valid or not. The Java logic is the oracle (MissingResource
 * itself; the few lines of the former MissingProbeCheck inline, with its one deliberate change).
 */
class DeclarativeCheckTest {
  /** Container bodies (after {@code - name: app}), each a trap for locating what is missing. */
  static final List<String> RESOURCES = List.of(
      "image: app:1",
      "resources:",
      "resources: ~",
      "resources: \"\"",
      "resources: {}",
      "resources: []",
      "resources: text",
      "resources:\n  requests:",
      "resources:\n  requests: ~\n  limits: \"\"",
      "resources:\n  requests: {}\n  limits: {}",
      "resources:\n  requests: []\n  limits: [1]",
      "resources:\n  requests:\n    cpu:\n    memory:\n  limits:\n    cpu: ~\n    memory: ~",
      "resources:\n  requests:\n    cpu: \"\"\n    memory: \" \"\n  limits:\n    cpu: ''\n    memory: \"\"",
      "resources:\n  requests:\n    cpu: 0\n    memory: {}\n  limits:\n    cpu: []\n    memory: false",
      "resources:\n  requests:\n    cpu: 100m\n    memory: 64Mi\n  limits:\n    cpu: 1\n    memory: 64Mi",
      "resources: {requests: {cpu: 1}, limits: {memory: 1Gi}}",
      "resources: {requests: {cpu: 1, memory: 1Gi}, limits: {cpu: 1, memory: 1Gi}}",
      "resources:\n  requests:\n    cpu: 1\nresources:\n  limits: {}",
      "resources:\n  requests:\n    cpu: 1\n    cpu: ~\n    memory: 1Gi\n    memory: 2Gi",
      "resources:\n  limits:\n    memory: 1Gi\n  requests:\n    memory: 1Gi\n  requests:");

  static final List<String> PROBES = List.of(
      "image: app:1",
      "livenessProbe:\nreadinessProbe: ~",
      "livenessProbe: {}\nreadinessProbe:\n  tcpSocket:\n    port: 80",
      "livenessProbe: \"\"\nreadinessProbe: \" \"",
      "livenessProbe:\n  exec:\n    command: [true]\nreadinessProbe: []",
      "livenessProbe: ~\nlivenessProbe: {}\nreadinessProbe: {}\nreadinessProbe: ~");

  static final List<String> WORKLOADS = List.of(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: Never\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: \"\"\n",
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n");

  @TestFactory
  Stream<DynamicTest> resourceRulesReportWhatTheJavaCheckReported() {
    RuleCatalog catalog = RuleCatalog.builtin();
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String[]> rules = Map.of(
        "missing-cpu-request", new String[] {"requests", "cpu"},
        "missing-memory-request", new String[] {"requests", "memory"},
        "missing-cpu-limit", new String[] {"limits", "cpu"},
        "missing-memory-limit", new String[] {"limits", "memory"});
    for (String body : RESOURCES) {
      for (String role : List.of("containers", "initContainers")) {
        String yaml = WORKLOADS.get(0) + indent(role + ":\n  - name: app\n" + indent(body, 4), 6);
        for (var r : rules.entrySet()) {
          tests.add(dynamicTest(r.getKey() + " on " + role + ": " + body.replace("\n", "⏎"), () -> {
            RuleDefinition rule = catalog.get(r.getKey());
            Check.ContainerCheck oracle = new MissingResource(r.getValue()[0], r.getValue()[1]);
            assertEquals(run(rule, yaml, (pod, c, out) -> oracle.check(pod, c, out)), run(rule, yaml, null), yaml);
          }));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> probeRulesReportWhatTheJavaCheckReported() {
    RuleCatalog catalog = RuleCatalog.builtin();
    List<DynamicTest> tests = new ArrayList<>();
    for (String workload : WORKLOADS) {
      for (String body : PROBES) {
        for (String role : List.of("containers", "initContainers")) {
          String extra = role.equals("initContainers") ? "    restartPolicy: Always\n" : "";
          String nested = workload.contains("template") ? 6 + "" : 2 + "";
          String yaml = workload + indent(role + ":\n  - name: app\n" + extra + indent(body, 4),
              Integer.parseInt(nested));
          for (String key : List.of("livenessProbe", "readinessProbe")) {
            String name = key.equals("livenessProbe") ? "missing-liveness-probe" : "missing-readiness-probe";
            tests.add(dynamicTest(name + " in " + workload.lines().skip(1).findFirst().orElse("") + " " + role + ": "
                + body.replace("\n", "⏎"), () -> {
                  RuleDefinition rule = catalog.get(name);
                  Check.ContainerCheck oracle = (pod, c, out) -> {
                    // the former MissingProbeCheck
                    if (c.role() != ContainerRole.REGULAR || !pod.isLongRunning()) {
                      return;
                    }
                    YNode probe = c.node().get(key).orElse(null);
                    // one deliberate change: an empty string (invalid there, a schema-violation) counts as
                    // no probe now, as an empty string always counted as no request in the resource rules
                    if (probe == null || probe instanceof YScalar s && (s.isNull() || s.value().isBlank())) {
                      out.at(c.node()).arg("container", c.name()).report();
                    }
                  };
                  if (!rule.appliesTo(kind(yaml))) {
                    assertEquals(List.of(), run(rule, yaml, null));
                    return;
                  }
                  assertEquals(run(rule, yaml, oracle), run(rule, yaml, null), yaml);
                }));
          }
        }
      }
    }
    return tests.stream();
  }

  /** Schemas are compiled on first use: a run that meets no target of the rule never compiles it. */
  @org.junit.jupiter.api.Test
  void schemasAreCompiledOnFirstUseOnly() {
    RuleDefinition broken = RuleCatalog.parse(new ManifestLoader(), "PL999-lazy-rule.yaml", """
        id: PL999
        name: lazy-rule
        title: A rule whose schema everit refuses
        severity: warning
        category: health
        kind: advice
        enabledByDefault: true
        since: 0.2.0
        appliesTo: [Pod, Deployment]
        engine: schema
        match:
          target: podSpec
          schema:
            properties: {containers: {type: lisst}}
        message: "{field}"
        rationale: none; podlint.io/ignore
        remediation: None.
        examples: {bad: x, good: y}
        """);
    Linter linter = dev.podlint.TestSupport.linter(new RuleCatalog(List.of(broken)), List.of(broken));
    LintResult quiet = linter.lintText(new SourceFile("c.yaml", null), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: c\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n");
    assertEquals(List.of(), quiet.internalErrors(), "no pod spec, no compilation");
    LintResult pod = linter.lintText(new SourceFile("p.yaml", null), "apiVersion: v1\nkind: Pod\nmetadata:\n"
        + "  name: p\nspec:\n  containers: []\n");
    assertEquals(1, pod.internalErrors().size(), pod.internalErrors().toString());
    org.junit.jupiter.api.Assertions.assertTrue(pod.internalErrors().get(0).contains("rule lazy-rule failed"),
        pod.internalErrors().toString());
  }

  private static String kind(String yaml) {
    return yaml.lines().filter(l -> l.startsWith("kind: ")).findFirst().orElseThrow().substring(6);
  }

  /** The findings (as text) of the oracle, or of the rule's declarative check when it is null. */
  private static List<String> run(RuleDefinition rule, String yaml, Check.ContainerCheck oracle) {
    K8sObject o = new ManifestLoader().loadText(new SourceFile("t.yaml", null), yaml).objects().get(0);
    PodView pod = PodView.of(o).orElseThrow();
    List<Finding> found = new ArrayList<>();
    Findings out = new Findings(rule, o, found);
    if (oracle == null) {
      ((Check.PodCheck) DeclarativeCheck.create(rule)).check(pod, out);
    } else {
      for (ContainerView c : pod.containers()) {
        oracle.check(pod, c, out);
      }
    }
    return found.stream().map(f -> f.span() + " " + f.path() + " " + f.message()).toList();
  }

  private static String indent(String s, int n) {
    String pad = " ".repeat(n);
    return s.lines().map(l -> pad + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
  }
}
