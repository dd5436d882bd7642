package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output is valid against the official 2.1.0 schema and carries what code scanning needs. */
class SarifReporterTest {
  static Schema schema;

  @TempDir
  Path dir;

  @BeforeAll
  static synchronized void loadSchema() throws IOException {
    if (schema != null) {
      return;
    }
    JSONObject raw = new JSONObject(Files.readString(TestSupport.ROOT.resolve("schemas/sarif-schema-2.1.0.json")));
    schema = SchemaLoader.builder().schemaJson(raw).build().load().build();
  }

  static void assertValid(String sarif) {
    try {
      loadSchema();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      schema.validate(new JSONObject(sarif));
    } catch (ValidationException e) {
      fail("SARIF is not valid:\n" + String.join("\n", e.getAllMessages()));
    }
  }

  @Test
  void theSchemaCatchesInvalidSarif() {
    String bad = "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}},"
        + " \"results\": [{\"message\": {\"text\": \"m\"}, \"level\": \"fatal\"}]}]}";
    try {
      schema.validate(new JSONObject(bad));
      fail("an invalid level was accepted");
    } catch (ValidationException expected) {
      assertTrue(expected.getAllMessages().toString().contains("level"), expected.getAllMessages().toString());
    }
  }

  @Test
  void examplesProduceValidSarifWithRulesLocationsAndFingerprints() throws IOException {
    Cli.Run r = Cli.run("-f", "sarif", "testdata/examples");
    assertEquals(1, r.code(), r.err());
    assertValid(r.out());
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertEquals("2.1.0", log.get("version").asText());
    JsonNode run = log.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("podlint", driver.get("name").asText());
    assertTrue(driver.has("version") && driver.has("informationUri"));
    JsonNode rules = driver.get("rules");
    assertEquals(TestSupport.catalog().all().stream().filter(dev.podlint.rule.RuleDefinition::enabledByDefault).count(),
        rules.size(), "every rule that ran (those enabled by default) is described");
    for (JsonNode rule : rules) {
      for (String field : new String[] {"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
          "defaultConfiguration", "properties"}) {
        assertTrue(rule.has(field), rule.get("id") + " lacks " + field);
      }
      assertTrue(rule.get("help").has("markdown"));
    }
    assertTrue(run.get("results").size() > 0);
    for (JsonNode res : run.get("results")) {
      int index = res.get("ruleIndex").asInt();
      assertEquals(res.get("ruleId").asText(), rules.get(index).get("id").asText(), "ruleIndex points at the rule");
      JsonNode loc = res.get("locations").get(0).get("physicalLocation");
      assertEquals("%SRCROOT%", loc.get("artifactLocation").get("uriBaseId").asText());
      assertTrue(loc.get("artifactLocation").get("uri").asText().startsWith("testdata/examples/"));
      JsonNode region = loc.get("region");
      assertTrue(region.get("startLine").asInt() >= 1 && region.get("startColumn").asInt() >= 1);
      assertTrue(region.has("endLine") && region.has("endColumn"));
      assertTrue(res.get("partialFingerprints").get("podlint/v1").asText().matches("[0-9a-f]{32}(:\\d+)?"));
      assertTrue(res.has("level"), "every result states its level (a missing one means the rule's default): " + res);
    }
    for (JsonNode rule : rules) {
      assertTrue(rule.get("defaultConfiguration").has("level"), rule.get("id") + " has no default level");
    }
    assertTrue(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
  }

  @Test
  void theProposedSplitIsAFixWithTheAdviseText() throws IOException {
    String file = "testdata/rules/unrelated-services-in-pod/bad-frontend-api-cache.yaml";
    Cli.Run r = Cli.run("-f", "sarif", "--fail-on", "none", file);
    assertValid(r.out());
    JsonNode fixed = null;
    for (JsonNode res : new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results")) {
      if (res.get("ruleId").asText().equals("PL018")) {
        fixed = res;
      } else {
        assertFalse(res.has("fixes"), "only the split carries a fix: " + res);
      }
    }
    JsonNode change = fixed.get("fixes").get(0).get("artifactChanges").get(0);
    assertEquals(file, change.get("artifactLocation").get("uri").asText());
    assertEquals("%SRCROOT%", change.get("artifactLocation").get("uriBaseId").asText());
    JsonNode replacement = change.get("replacements").get(0);
    assertEquals(3, replacement.get("deletedRegion").get("startLine").asInt(), "the document starts after the comments");
    String inserted = replacement.get("insertedContent").get("text").asText();
    Cli.Run advise = Cli.run("advise", "-q", file);
    assertTrue(advise.out().contains(inserted), "the fix is what podlint advise prints");
    assertEquals(3, fixed.get("relatedLocations").size(), "one related location per independent container");
  }

  @Test
  void aFixIsLeftOutWhenTheObjectHoldsALiteralSecret() throws IOException {
    String secret = java.nio.file.Files.readAllLines(TestSupport.TESTDATA.resolve("examples/shop-bad.yaml")).stream()
        .dropWhile(l -> !l.contains("REDIS_PASSWORD")).skip(1).findFirst().orElseThrow()
        .replaceAll(".*value:\\s*", "").replaceAll("\\s+#.*", "").replace("\"", "").strip();
    for (String format : new String[] {"sarif", "json"}) {
      Cli.Run r = Cli.run("-f", format, "--fail-on", "none", "testdata/examples/shop-bad.yaml");
      assertTrue(r.out().contains("unrelated-services-in-pod") || r.out().contains("PL018"), r.out());
      assertFalse(r.out().contains(secret), format + " must not repeat the literal secret (in a fix): " + secret);
    }
    Cli.Run advise = Cli.run("advise", "-q", "testdata/examples/shop-bad.yaml");
    assertTrue(advise.out().contains(secret), "the local proposal keeps the manifest as it is");
  }

  @Test
  void suppressedFindingsStayWithASuppressionAndRelatedLocationsAreListed() throws IOException {
    Path p = dir.resolve("pod.yaml");
    Files.writeString(p, CliTest.CONFLICT.replace("  name: shop\n",
        "  name: shop\n  annotations:\n    podlint.io/ignore: container-port-conflict\n"), StandardCharsets.UTF_8);
    Cli.Run r = Cli.run(dir, null, "-f", "sarif", "pod.yaml");
    assertValid(r.out());
    JsonNode results = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results");
    JsonNode conflict = null;
    for (JsonNode res : results) {
      if (res.get("ruleId").asText().equals("PL001")) {
        conflict = res;
      }
    }
    assertTrue(conflict != null, "the suppressed finding is still in SARIF");
    JsonNode sup = conflict.get("suppressions").get(0);
    assertEquals("inSource", sup.get("kind").asText());
    assertTrue(sup.get("justification").asText().contains("podlint.io/ignore"));
    JsonNode related = conflict.get("relatedLocations").get(0);
    assertEquals(12, related.get("physicalLocation").get("region").get("startLine").asInt());
    assertEquals("Pod/-/shop", conflict.get("locations").get(0).get("logicalLocations").get(0)
        .get("fullyQualifiedName").asText());
  }

  @Test
  void fingerprintsIgnoreLineNumbers() throws IOException {
    Path p = dir.resolve("pod.yaml");
    Files.writeString(p, CliTest.CONFLICT, StandardCharsets.UTF_8);
    String before = fingerprintOfConflict(Cli.run(dir, null, "-f", "sarif", "pod.yaml").out());
    Files.writeString(p, "# a comment\n\n" + CliTest.CONFLICT, StandardCharsets.UTF_8);
    String after = fingerprintOfConflict(Cli.run(dir, null, "-f", "sarif", "pod.yaml").out());
    assertEquals(before, after);
    Files.writeString(p, CliTest.CONFLICT.replace("name: stats", "name: metrics"), StandardCharsets.UTF_8);
    assertNotEquals(before, fingerprintOfConflict(Cli.run(dir, null, "-f", "sarif", "pod.yaml").out()),
        "a different conflict is a different finding");
  }

  private static String fingerprintOfConflict(String sarif) throws IOException {
    for (JsonNode res : new ObjectMapper().readTree(sarif).get("runs").get(0).get("results")) {
      if (res.get("ruleId").asText().equals("PL001")) {
        return res.get("partialFingerprints").get("podlint/v1").asText() + " " + res.get("message").get("text");
      }
    }
    throw new AssertionError("no PL001 result");
  }

  @Test
  void unreadableInputsAreToolNotifications() {
    Cli.Run r = Cli.run(dir, null, "-f", "sarif", "nope.yaml");
    assertEquals(3, r.code());
    assertValid(r.out());
    assertTrue(r.out().contains("cannot read nope.yaml"), r.out());
    assertFalse(r.out().contains("\"results\" : [ {"), "no results for a missing file");
  }

  @Test
  void automationDetailsKeepCategoriesApart() throws IOException {
    Cli.Run plain = Cli.run("-f", "sarif", "--fail-on", "none", "testdata/examples/cronjob.yaml");
    assertValid(plain.out());
    assertEquals("podlint/", new ObjectMapper().readTree(plain.out()).get("runs").get(0).get("automationDetails")
        .get("id").asText());
    Cli.Run prod = Cli.run("-f", "sarif", "--fail-on", "none", "--sarif-category", "prod",
        "testdata/examples/cronjob.yaml");
    assertValid(prod.out());
    assertEquals("podlint/prod/", new ObjectMapper().readTree(prod.out()).get("runs").get(0).get("automationDetails")
        .get("id").asText());
    assertEquals("podlint/a/b/", dev.podlint.report.Report.automationId(" a/b/ "));
    assertEquals("podlint/", dev.podlint.report.Report.automationId(" "));
  }

  @Test
  void ruleMetadataCarriesTheRuleFilesTags() throws IOException {
    Cli.Run r = Cli.run("-f", "sarif", "--fail-on", "none", "testdata/examples");
    JsonNode rules = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("tool").get("driver").get("rules");
    int tagged = 0;
    for (JsonNode rule : rules) {
      dev.podlint.rule.RuleDefinition def = TestSupport.catalog().get(rule.get("id").asText());
      List<String> tags = new java.util.ArrayList<>();
      rule.get("properties").get("tags").forEach(t -> tags.add(t.asText()));
      List<String> expected = new java.util.ArrayList<>(List.of(def.category().label(), def.kind().label()));
      def.tags().stream().filter(t -> !expected.contains(t) && !t.equals("security")).forEach(expected::add);
      assertEquals(expected, tags, def.name());
      tagged += def.tags().isEmpty() ? 0 : 1;
    }
    assertTrue(tagged >= 10, "rules with tags ran: " + tagged);
  }

  @Test
  void securityRulesHaveASecuritySeverityAndTheSecurityTag() throws IOException {
    Cli.Run r = Cli.run("-f", "sarif", "--fail-on", "none", "testdata/examples");
    assertValid(r.out());
    int security = 0;
    for (JsonNode rule : new ObjectMapper().readTree(r.out()).get("runs").get(0).get("tool").get("driver")
        .get("rules")) {
      dev.podlint.rule.RuleDefinition def = TestSupport.catalog().get(rule.get("id").asText());
      JsonNode props = rule.get("properties");
      boolean tagged = false;
      for (JsonNode tag : props.get("tags")) {
        tagged |= tag.asText().equals("security");
      }
      if (def.category() == dev.podlint.rule.Category.SECURITY) {
        security++;
        assertTrue(tagged, rule.get("id") + " lacks the security tag");
        String expected = switch (def.severity()) {
          case ERROR -> "8.0";
          case WARNING -> "5.5";
          case NOTE -> "3.0";
        };
        assertTrue(props.get("security-severity").isTextual(), "GitHub reads a number in a string");
        assertEquals(expected, props.get("security-severity").asText(), rule.get("id").asText());
      } else {
        assertFalse(props.has("security-severity"), rule.get("id") + " is no security rule");
        assertFalse(tagged, rule.get("id").asText());
      }
    }
    assertTrue(security >= 10, "the security rules ran: " + security);
  }
}
