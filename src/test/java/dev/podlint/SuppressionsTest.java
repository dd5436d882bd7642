package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podlint.engine.Exemption;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.model.SourceFile;
import dev.podlint.report.SarifReporter;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Configured exemptions, justifications and where suppressions are recorded. */
class SuppressionsTest {
  static final String TWO_WORKLOADS = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: node-agent
        namespace: monitoring
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            containers:
              - name: agent
                image: example/agent:1.0.0
                resources:
                  requests: {cpu: 10m, memory: 32Mi}
              - name: reloader
                image: example/reloader:1.0.0
                resources:
                  requests: {cpu: 10m, memory: 32Mi}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web-frontend
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: example/web:1.0.0
                resources:
                  requests: {cpu: 10m, memory: 32Mi}
      """;

  static final RuleCatalog CATALOG = TestSupport.catalog();

  static LintResult lint(String text, List<Exemption> exemptions, String... rules) {
    List<RuleDefinition> enabled = java.util.Arrays.stream(rules).map(CATALOG::get).toList();
    LintOptions options = new LintOptions(LintOptions.DEFAULT.kubernetesVersion(), false, exemptions);
    return TestSupport.linter(CATALOG, enabled, options).lintText(new SourceFile("two.yaml", Path.of("two.yaml")), text);
  }

  static Exemption exemption(Set<String> rules, Set<String> kinds, Set<String> namespaces, String name,
      Set<String> containers) {
    return new Exemption(rules, kinds, namespaces, name == null ? null : dev.podlint.model.BoundedRegex.compile(name, null), containers,
        "agents run without limits", ".podlint.yaml:7:5");
  }

  /** "object: message" of each suppressed finding. */
  static Set<String> suppressed(LintResult r) {
    return r.findings().stream().filter(Finding::isSuppressed).map(f -> f.object().name() + ": " + f.message())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Test
  void exemptionsMatchKindNamespaceNameAndContainerTogether() {
    LintResult none = lint(TWO_WORKLOADS, List.of(), "missing-cpu-limit", "missing-memory-limit");
    assertEquals(6, none.findings().size(), none.findings().toString());
    assertEquals(Set.of(), suppressed(none));

    LintResult byKind = lint(TWO_WORKLOADS, List.of(exemption(Set.of("missing-cpu-limit"), Set.of("DaemonSet"),
        Set.of(), null, Set.of())), "missing-cpu-limit", "missing-memory-limit");
    assertEquals(Set.of("node-agent: Container 'agent' has no CPU limit",
        "node-agent: Container 'reloader' has no CPU limit"), suppressed(byKind));

    LintResult byContainer = lint(TWO_WORKLOADS, List.of(exemption(Set.of(), Set.of(), Set.of("monitoring"),
        "node-.*", Set.of("reloader"))), "missing-cpu-limit", "missing-memory-limit");
    assertEquals(Set.of("node-agent: Container 'reloader' has no CPU limit",
        "node-agent: Container 'reloader' has no memory limit"),
        suppressed(byContainer), "no rules means every rule; the container must match too");

    LintResult noNamespace = lint(TWO_WORKLOADS, List.of(exemption(Set.of("PL010"), Set.of(), Set.of(""), null,
        Set.of())), "missing-cpu-limit", "missing-memory-limit");
    assertEquals(Set.of("web-frontend: Container 'web' has no memory limit"), suppressed(noNamespace),
        "\"\" is the namespace of objects without one; rule ids work too");

    LintResult partialName = lint(TWO_WORKLOADS, List.of(exemption(Set.of(), Set.of(), Set.of(), "web", Set.of())),
        "missing-cpu-limit", "missing-memory-limit");
    assertEquals(Set.of(), suppressed(partialName), "the pattern must match the whole name");
  }

  @Test
  void anExemptionIsExternalWithReasonAndOriginAndNeverReportedUnused() {
    Exemption unusedOne = exemption(Set.of("naked-pod"), Set.of(), Set.of(), null, Set.of());
    Exemption used = exemption(Set.of("missing-cpu-limit"), Set.of("Deployment"), Set.of(), null, Set.of());
    LintResult r = lint(TWO_WORKLOADS, List.of(unusedOne, used), "missing-cpu-limit", "naked-pod",
        "unused-suppression");
    Finding f = r.findings().stream().filter(Finding::isSuppressed).findFirst().orElseThrow();
    assertEquals("external", f.suppression().kind());
    assertEquals("agents run without limits (exemption in .podlint.yaml:7:5)", f.suppression().justification());
    assertNull(f.suppression().file());
    assertTrue(r.findings().stream().noneMatch(x -> x.rule().name().equals("unused-suppression")), r.findings()
        .toString());
    Exemption silent = new Exemption(Set.of(), Set.of("Deployment"), Set.of(), null, Set.of(), "  ", null);
    Finding g = lint(TWO_WORKLOADS, List.of(silent), "missing-cpu-limit").findings().stream()
        .filter(Finding::isSuppressed).findFirst().orElseThrow();
    assertEquals("exemption in the configuration", g.suppression().justification());
  }

  @Test
  void anAnnotationOrCommentWinsOverAnExemptionAndEachKeepsItsLocation() {
    String text = TWO_WORKLOADS
        .replace("  name: web-frontend\n", "  name: web-frontend\n  annotations:\n"
            + "    podlint.io/ignore.missing-cpu-limit: \"the frontend is throttled by its HPA\"\n")
        .replace("example/agent:1.0.0\n", "example/agent:1.0.0\n                # podlint:ignore missing-cpu-limit\n");
    Exemption all = exemption(Set.of("missing-cpu-limit"), Set.of(), Set.of(), null, Set.of());
    LintResult r = lint(text, List.of(all), "missing-cpu-limit");
    List<Finding> fs = r.findings();
    assertEquals(3, fs.size(), fs.toString());
    assertTrue(fs.stream().allMatch(Finding::isSuppressed));
    Finding agent = fs.get(0);
    assertEquals("inSource", agent.suppression().kind());
    assertEquals("comment '# podlint:ignore' on line 16", agent.suppression().justification(),
        "without a reason, the justification says where the suppression is");
    assertEquals("16:17", agent.suppression().span().start().toString());
    assertEquals("external", fs.get(1).suppression().kind(), "the reloader is covered by the exemption only");
    Finding web = fs.get(2);
    assertEquals("the frontend is throttled by its HPA", web.suppression().justification());
    assertEquals("29:5", web.suppression().span().start().toString(), "the annotation's key");
  }

  @Test
  void sarifCarriesEachKindOfSuppressionWithJustificationAndLocation() throws IOException {
    String text = TWO_WORKLOADS
        .replace("  name: web-frontend\n", "  name: web-frontend\n  annotations:\n"
            + "    podlint.io/ignore.missing-cpu-limit: \"the frontend is throttled by its HPA\"\n");
    Exemption agents = exemption(Set.of(), Set.of("DaemonSet"), Set.of(), null, Set.of());
    LintResult r = lint(text, List.of(agents), "missing-cpu-limit", "unused-suppression");
    String out = CollectedReport.write(new SarifReporter(), r, "0.0.0-test", TestSupport.ROOT, null);
    SarifReporterTest.assertValid(out);
    JsonNode results = new ObjectMapper().readTree(out).get("runs").get(0).get("results");
    assertEquals(3, results.size(), out.toString());
    int external = 0;
    for (JsonNode res : results) {
      JsonNode sup = res.get("suppressions").get(0);
      assertEquals("accepted", sup.get("status").asText());
      if (sup.get("kind").asText().equals("external")) {
        external++;
        assertEquals("agents run without limits (exemption in .podlint.yaml:7:5)", sup.get("justification").asText());
        assertFalse(sup.has("location"));
      } else {
        assertEquals("inSource", sup.get("kind").asText());
        assertEquals("the frontend is throttled by its HPA", sup.get("justification").asText());
        JsonNode region = sup.get("location").get("physicalLocation").get("region");
        assertEquals(28, region.get("startLine").asInt());
        assertEquals("two.yaml", sup.get("location").get("physicalLocation").get("artifactLocation").get("uri")
            .asText());
      }
    }
    assertEquals(2, external);
  }
}
