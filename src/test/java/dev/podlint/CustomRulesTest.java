package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * User rules: the examples in {@code testdata/custom-rules} load and find what their manifests'
 * markers say, docs/configuration.md shows one of them verbatim, and rule files that cannot work are refused
 * with file, line, column and field.
 */
class CustomRulesTest {
  static final Path RULES = TestSupport.TESTDATA.resolve("custom-rules");
  static final Path MANIFESTS = RULES.resolve("manifests");

  /** A complete, valid user rule; the error cases below each break one thing. */
  static final String VALID = """
      id: ORG1
      name: org-rule
      title: A container has no readiness probe
      severity: warning
      category: health
      kind: advice
      enabledByDefault: true
      appliesTo: [Deployment]
      engine: schema
      match:
        target: container
        schema:
          required: [readinessProbe]
      message: "Container '{container}' needs {field}"
      rationale: Traffic must wait for readiness; suppress with podlint.io/ignore.
      remediation: Add a readinessProbe.
      """;

  @TempDir
  Path dir;

  static RuleCatalog catalog() {
    return RuleCatalog.builtin().withDirectories(List.of(RULES));
  }

  @Test
  void theExampleRulesLoadAsUserRules() {
    List<RuleDefinition> custom = catalog().all().stream().filter(RuleDefinition::isCustom).toList();
    assertEquals(List.of("ACME001", "ACME002", "ACME003", "ACME004"), custom.stream().map(RuleDefinition::id).toList());
    for (RuleDefinition r : custom) {
      assertTrue(r.isDeclarative(), r.name());
      assertTrue(r.fileName().startsWith(RULES.toString()), r.fileName());
    }
    assertEquals(RuleCatalog.builtin().all().size() + 4, catalog().all().size());
  }

  @TestFactory
  Stream<DynamicTest> theExampleManifestsGetExactlyTheirMarkedFindings() throws IOException {
    RuleCatalog catalog = catalog();
    Set<RuleDefinition> rules = new LinkedHashSet<>();
    rules.add(catalog.get(Linter.INVALID_YAML));
    catalog.all().stream().filter(RuleDefinition::isCustom).forEach(rules::add);
    List<Path> files;
    try (Stream<Path> s = Files.list(MANIFESTS)) {
      files = s.sorted().toList();
    }
    assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("bad-")));
    assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("good-")));
    return files.stream().flatMap(p -> Stream.of("", "\r\n", "\uFEFF").map(variant -> dynamicTest(
        p.getFileName() + (variant.isEmpty() ? "" : variant.equals("\r\n") ? " [CRLF]" : " [BOM]"), () -> {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          String input = variant.equals("\r\n") ? text.replace("\n", "\r\n") : variant + text;
          LintResult r = TestSupport.linter(catalog, rules).lintText(new SourceFile(p.getFileName().toString(), null), input);
          assertEquals(List.of(), r.internalErrors());
          List<Finding> found = r.findings().stream().filter(f -> !f.isSuppressed()).toList();
          var expected = Expectations.parse(text);
          assertEquals(p.getFileName().toString().startsWith("bad-"), !expected.isEmpty());
          assertEquals("", Expectations.compare(text, expected, found));
        })));
  }

  /** docs/configuration.md's "Writing your own rules" shows testdata/custom-rules/ACME001 verbatim. */
  @Test
  void theReadmeExampleIsTheRuleFileTheTestsRun() throws IOException {
    String page = Files.readString(TestSupport.ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
    String rule = Files.readString(RULES.resolve("ACME001-approved-registry.yaml"), StandardCharsets.UTF_8);
    assertTrue(page.contains("```yaml\n" + rule + "```\n"),
        "docs/configuration.md must show testdata/custom-rules/ACME001-approved-registry.yaml verbatim in a yaml block");
  }

  // ---------------------------------------------------------------------------------------------
  // The command line

  @Test
  void lintRunsTheRulesOfRulesDirAtExactPositions() {
    Cli.Run r = Cli.run("lint", "--rules-dir", "testdata/custom-rules", "testdata/custom-rules/manifests");
    assertEquals(1, r.code(), r.err());
    String f = "testdata/custom-rules/manifests/bad-payments.yaml:";
    assertEquals(List.of(
        f + "4:1: warning: Deployment 'payments-api' has no label acme.example/team [ACME002 team-label]",
        f + "16:5: warning: The pod uses the host network without a dnsPolicy, so it resolves names with the node's "
            + "DNS, not the cluster's [ACME003 host-network-dns-policy]",
        f + "18:7: warning: The pod is pinned to node worker-7 with nodeName, which bypasses the scheduler "
            + "[ACME004 no-node-name]",
        f + "21:18: error: Container 'migrate' pulls docker.io/library/flyway:10, which is not from "
            + "registry.acme.example [ACME001 approved-registry]",
        f + "25:11: error: Container 'metrics' names no image [ACME001 approved-registry]",
        f + "34:24: warning: StatefulSet 'ledger' names team 'paymnets', which is not in the company directory "
            + "[ACME002 team-label]",
        f + "46:18: warning: The pod uses the host network with dnsPolicy ClusterFirst, so it resolves names with the "
            + "node's DNS, not the cluster's [ACME003 host-network-dns-policy]",
        f + "55:3: warning: DaemonSet 'node-agent' has no label acme.example/team [ACME002 team-label]",
        f + "68:18: error: Container 'agent' pulls quay.io/acme/agent:3, which is not from registry.acme.example "
            + "[ACME001 approved-registry]"),
        r.out().lines().filter(l -> l.contains("[ACME")).toList());
    // without the directory, none of them
    assertFalse(Cli.run("lint", "testdata/custom-rules/manifests").out().contains("[ACME"));
  }

  @Test
  void userRulesAreSuppressedByNameOrIdLikeAnyOther() throws IOException {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          annotations:
            podlint.io/ignore: %s
        spec:
          containers:
            - name: shell
              image: busybox:1.36
        """;
    for (String key : List.of("approved-registry", "ACME001")) {
      Files.writeString(dir.resolve("pod.yaml"), pod.formatted(key));
      Cli.Run r = Cli.run(dir, null, "lint", "--rules-dir", RULES.toString(), "-f", "json", "pod.yaml");
      var findings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("findings");
      var acme = java.util.stream.StreamSupport.stream(findings.spliterator(), false)
          .filter(f -> f.get("ruleId").asText().equals("ACME001")).toList();
      assertEquals(1, acme.size(), r.out());
      assertTrue(acme.get(0).get("suppressed").asBoolean(), r.out());
    }
  }

  @Test
  void aBadRuleFileIsAUsageErrorNamingFileLineColumnAndField() throws IOException {
    Files.writeString(Files.createDirectories(dir.resolve("org-rules")).resolve("org.yaml"),
        VALID.replace("target: container", "target: pod").replace("severity: warning", "severity: high"));
    Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");
    Cli.Run r = Cli.run(dir, null, "lint", "--rules-dir", "org-rules", "pod.yaml");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals(List.of(
        "podlint: invalid rule file: org-rules/org.yaml:4:11: severity: expected one of error, note, warning, got "
            + "string \"high\"",
        "podlint: invalid rule file: org-rules/org.yaml:11:11: match.target: expected one of container, object, "
            + "podSpec, got string \"pod\""), r.err().lines().toList());
    Cli.Run missing = Cli.run(dir, null, "lint", "--rules-dir", "no-such-dir", "pod.yaml");
    assertEquals(2, missing.code());
    assertEquals("podlint: invalid rule file: no-such-dir: no such directory", missing.err().strip());
  }

  @Test
  void rulesExplainAndSarifKnowTheUserRules() throws IOException {
    Cli.Run list = Cli.run("rules", "--rules-dir", "testdata/custom-rules");
    assertEquals(0, list.code());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("ACME001  approved-registry ")), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("PL000    invalid-yaml ")), list.out());
    assertTrue(list.out().indexOf("PL024") < list.out().indexOf("ACME001"), "podlint's rules first");
    Cli.Run explain = Cli.run("explain", "team-label", "--rules-dir", "testdata/custom-rules");
    assertEquals(0, explain.code(), explain.err());
    assertTrue(explain.out().contains("ACME002 · warning · design · advice · enabled by default · from "
        + "testdata/custom-rules/ACME002-team-label.yaml"), explain.out());
    assertFalse(explain.out().contains("EXAMPLE THAT IS REPORTED"), "user rules need no examples");
    assertEquals(2, Cli.run("explain", "team-label").code(), "unknown without its directory");
    Cli.Run sarif = Cli.run("lint", "-f", "sarif", "--rules-dir", "testdata/custom-rules",
        "testdata/custom-rules/manifests/bad-payments.yaml");
    var rules = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.out())
        .at("/runs/0/tool/driver/rules");
    var acme = java.util.stream.StreamSupport.stream(rules.spliterator(), false)
        .filter(n -> n.get("id").asText().equals("ACME001")).findFirst().orElseThrow();
    assertEquals("https://handbook.acme.example/platform/registry", acme.get("helpUri").asText());
    assertEquals("error", acme.at("/defaultConfiguration/level").asText());
  }

  // ---------------------------------------------------------------------------------------------
  // Rule files that cannot work

  private String refused(String text) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("org.yaml"), text, StandardCharsets.UTF_8);
    RuleFormatException e = assertThrows(RuleFormatException.class,
        () -> RuleCatalog.builtin().withDirectories(List.of(Path.of("rules")), dir));
    return e.getMessage();
  }

  @Test
  void theValidRuleLoads() throws IOException {
    Files.writeString(Files.createDirectories(dir.resolve("rules")).resolve("org.yaml"), VALID);
    RuleCatalog c = RuleCatalog.builtin().withDirectories(List.of(Path.of("rules")), dir);
    assertEquals("rules/org.yaml", c.get("ORG1").fileName());
    assertEquals(c.get("ORG1"), c.get("org-rule"));
  }

  @Test
  void aWrongValueIsNamedWithLineColumnAndField() throws IOException {
    assertEquals("rules/org.yaml:11:11: match.target: expected one of container, object, podSpec, got string \"pod\"",
        refused(VALID.replace("target: container", "target: pod")));
  }

  @Test
  void everyProblemOfAFileIsListedInDocumentOrder() throws IOException {
    String m = refused(VALID.replace("severity: warning", "severity: high").replace("kind: advice\n", "")
        .replace("category: health", "category: health\ncolour: red"));
    assertEquals(List.of(
        "rules/org.yaml:1:1: kind: required field is missing",
        "rules/org.yaml:4:11: severity: expected one of error, note, warning, got string \"high\"",
        "rules/org.yaml:6:1: colour: unknown field \"colour\""), List.of(m.split("\n")), m);
  }

  @Test
  void schemaTyposAreCaughtBecauseEveritWouldIgnoreThem() throws IOException {
    assertEquals("rules/org.yaml:13:5: match.schema.requried: unknown JSON Schema keyword \"requried\"; did you mean "
        + "\"required\"? (draft-07; extensions must start with x-)",
        refused(VALID.replace("required: [readinessProbe]", "requried: [readinessProbe]")));
  }

  @Test
  void brokenSchemasAreRefusedAtTheirNode() throws IOException {
    assertTrue(refused(VALID.replace("required: [readinessProbe]", "properties: {image: {pattern: '[a-'}}"))
        .startsWith("rules/org.yaml:13:35: match.schema.properties.image.pattern: invalid regular expression"));
    assertTrue(refused(VALID.replace("required: [readinessProbe]", "$ref: https://example.com/s.json"))
        .contains("13:11: match.schema[\"$ref\"]: only references inside the rule file"));
    assertTrue(refused(VALID.replace("required: [readinessProbe]", "required: readinessProbe"))
        .startsWith("rules/org.yaml:13:15: match.schema.required: expected a list, got string"));
    assertTrue(refused(VALID.replace("required: [readinessProbe]", "properties: {a: {type: strin}}"))
        .startsWith("rules/org.yaml:13:21: match.schema.properties.a: unknown type: [strin]"));
  }

  @Test
  void userRulesAreDeclarativeAndCannotTakeIdsOrNames() throws IOException {
    assertEquals("rules/org.yaml:1:5: id: ids starting with PL are reserved for podlint's own rules; use a prefix of "
        + "your own, such as ACME001", refused(VALID.replace("id: ORG1", "id: PL100")));
    assertTrue(refused(VALID.replace("engine: schema", "engine: java"))
        .startsWith("rules/org.yaml:9:9: engine: user rules are declarative"));
    assertEquals("rules/org.yaml: id or name 'missing-cpu-limit' is already used by podlint's rule PL009 "
        + "missing-cpu-limit; every rule needs its own id and name",
        refused(VALID.replace("name: org-rule", "name: missing-cpu-limit")));
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("another.yaml"), VALID.replace("name: org-rule", "name: other-rule"));
    assertTrue(refused(VALID).contains("'ORG1' is already used by rules/another.yaml"));
  }

  @Test
  void matchBlocksMustMakeSense() throws IOException {
    assertTrue(refused(VALID.replace("target: container", "target: podSpec\n  roles: [init]"))
        .startsWith("rules/org.yaml:12:3: match.roles: roles choose containers, so they need target: container"));
    assertTrue(refused(VALID.replace("target: container", "target: container\n  kinds: [Job]"))
        .startsWith("rules/org.yaml:12:11: match.kinds: 'Job' is not in appliesTo"));
    assertTrue(refused(VALID.replace("appliesTo: [Deployment]", "appliesTo: [Deployment, Service]"))
        .startsWith("rules/org.yaml:8:25: appliesTo: 'Service' has no pod spec, so a container rule never applies"));
    assertTrue(refused(VALID.replace("appliesTo: [Deployment]", "appliesTo: [Deploymnet]"))
        .contains("8:13: appliesTo: Kubernetes has no kind 'Deploymnet'; did you mean 'Deployment'?"));
    assertTrue(refused(VALID.replace("engine: schema\nmatch:\n  target: container\n  schema:\n"
        + "    required: [readinessProbe]\n", "engine: schema\n")).contains("match: required field is missing"));
  }

  @Test
  void messagesMayOnlyUsePlaceholdersTheViolationHas() throws IOException {
    String m = refused(VALID.replace("needs {field}", "sets {field} to {value}"));
    assertTrue(m.startsWith("rules/org.yaml:14:10: message: placeholder {value} is not available for missing "
        + "violations of a container rule"), m);
    assertTrue(m.endsWith("add a variant 'missing' with its own message"), m);
    assertTrue(refused(VALID.replace("needs {field}", "needs {feild}")).contains("placeholder {feild}"));
    assertTrue(refused(VALID + "variants:\n  absent:\n    message: x\n")
        .contains("variants.absent: a schema rule's variants are named after the kind of violation"));
    // a variant for missing fields lets the main message show the value
    Files.writeString(Files.createDirectories(dir.resolve("ok")).resolve("org.yaml"),
        VALID.replace("needs {field}", "sets {field} to {value}") + "variants:\n  missing:\n    message: x {field}\n");
    assertEquals("x {field}", RuleCatalog.builtin().withDirectories(List.of(Path.of("ok")), dir).get("ORG1")
        .variants().get("missing").message());
  }

  @Test
  void yamlErrorsDuplicateKeysAndDirectoriesAreNamed() throws IOException {
    assertTrue(refused(VALID.replace("appliesTo: [Deployment]", "appliesTo: [Deployment"))
        .startsWith("rules/org.yaml:"), "a syntax error at its position");
    assertTrue(refused(VALID + "severity: error\n")
        .contains("17:1: severity: duplicate key \"severity\" (first given at 4:1)"));
    RuleFormatException missing = assertThrows(RuleFormatException.class,
        () -> RuleCatalog.builtin().withDirectories(List.of(Path.of("nope")), dir));
    assertEquals("nope: no such directory", missing.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    RuleFormatException empty = assertThrows(RuleFormatException.class,
        () -> RuleCatalog.builtin().withDirectories(List.of(Path.of("empty")), dir));
    assertEquals("empty: holds no rule files (*.yaml, *.yml)", empty.getMessage());
  }

  /** Each example rule file in the docs and testdata is valid for the very checks user rules get. */
  @Test
  void everyBuiltinDeclarativeRulePassesTheUserRuleChecks() throws IOException {
    List<String> problems = new ArrayList<>();
    for (RuleDefinition r : RuleCatalog.builtin().all()) {
      if (!r.isDeclarative()) {
        continue;
      }
      String text = Files.readString(TestSupport.ROOT.resolve("rules").resolve(r.fileName()), StandardCharsets.UTF_8)
          .replace("id: " + r.id(), "id: CHECK" + r.id().substring(2))
          .replace("name: " + r.name(), "name: check-" + r.name());
      try {
        RuleCatalog.parseUserRule(new dev.podlint.load.ManifestLoader(), r.fileName(), text);
      } catch (RuleFormatException e) {
        problems.add(e.getMessage());
      }
    }
    assertEquals(List.of(), problems);
    assertFalse(RuleCatalog.builtin().all().stream().noneMatch(RuleDefinition::isDeclarative));
  }
}
