package dev.podlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.YamlSyntaxException;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.everit.json.schema.Schema;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Kinds compiled alone and schemas fitted to a document judge as the all-kinds pass does. */
class KubernetesSchemasTest {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, labelz: {a: b}}
      spec:
        replicas: "2"
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
              - name: web
                imagee: nginx
                ports: [{containerPort: http, protocol: tcp}]
                resources: {limits: {cpu: [1]}}
                securityContext: {capabilities: {add: NET_ADMIN}}
            volumes: [{name: d, hostPath: {}}]
      """;
  private static final String CRONJOB = """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: nightly}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: 3
                containers: [{name: a, image: x, env: [{name: A, value: 1}]}]
      """;
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        ports: [{port: "80", targetPort: {name: x}}]
        selectr: {app: web}
      """;

  private static List<String> violations(KubernetesSchemas schemas, String text) throws Exception {
    YMap doc = (YMap) new ManifestLoader().parseDocument(text);
    Schema schema = schemas.schema(doc.scalar("apiVersion").orElseThrow().value(),
        doc.scalar("kind").orElseThrow().value()).orElseThrow();
    return describe(SchemaValidator.validate(schema, doc));
  }

  @Test
  void aTimestampThatIsNoDateTimeIsSaidSo() throws Exception {
    List<String> v = violations(KubernetesSchemas.uncached("1.36"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, creationTimestamp: yesterday}\n");
    assertTrue(v.stream().anyMatch(x -> x.contains("expected an RFC 3339 date-time, got string \"yesterday\"")),
        v.toString());
  }

  @Test
  void kindsCompiledAloneReportWhatTheAllKindsPassReports() throws Exception {
    KubernetesSchemas alone = KubernetesSchemas.uncached("1.36");
    KubernetesSchemas together = KubernetesSchemas.uncached("1.36");
    together.compileAllNow();
    for (String doc : List.of(DEPLOYMENT, CRONJOB, SERVICE)) {
      List<String> expected = violations(together, doc);
      assertTrue(expected.size() >= 2, () -> "the sample should break the schema several times: " + expected);
      assertEquals(expected, violations(alone, doc));
    }
  }

  @Test
  void schemasFittedToADocumentReportWhatTheWholeSchemaReports() throws Exception {
    KubernetesSchemas whole = KubernetesSchemas.uncached("1.36");
    whole.compileAllNow();
    KubernetesSchemas fitted = KubernetesSchemas.uncached("1.36");
    List<String> documents = new ArrayList<>(List.of(DEPLOYMENT, CRONJOB, SERVICE));
    try (Stream<Path> files = Files.walk(TestSupport.TESTDATA)) {
      for (Path f : files.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)")).sorted().toList()) {
        try {
          documents.add(ManifestLoader.decodeText(Files.readAllBytes(f)));
        } catch (java.io.IOException e) {
          // not text: nothing to validate
        }
      }
    }
    int objects = 0;
    int violations = 0;
    ManifestLoader loader = new ManifestLoader();
    for (String text : documents) {
      List<YNode> docs;
      try {
        docs = loader.parseDocuments(text);
      } catch (YamlSyntaxException | RuntimeException e) {
        continue; // hostile and broken inputs: nothing to validate
      }
      for (YNode n : docs) {
        if (!(n instanceof YMap doc) || doc.scalar("apiVersion").isEmpty() || doc.scalar("kind").isEmpty()) {
          continue;
        }
        String apiVersion = doc.scalar("apiVersion").get().value();
        String kind = doc.scalar("kind").get().value();
        Optional<Schema> schema = whole.schema(apiVersion, kind);
        if (schema.isEmpty()) {
          continue;
        }
        List<String> expected = describe(SchemaValidator.validate(schema.get(), doc));
        assertEquals(expected, describe(SchemaValidator.validate(
            fitted.fittedSchema(apiVersion, kind, doc).orElseThrow(), doc)), () -> doc.toString());
        objects++;
        violations += expected.size();
      }
    }
    assertTrue(objects > 300 && violations > 50, objects + " objects, " + violations + " violations");
  }

  /**
   * The data of every version resolve: each kind's definition and every definition referred to is
   * in that version's table and in the store, and a workload's schema compiles.
   */
  @Test
  void everyVersionResolvesEveryReferenceOfEveryKindItServes() {
    java.util.regex.Pattern ref = java.util.regex.Pattern.compile("\"\\$ref\":\"#/definitions/([^\"]+)\"");
    for (String v : KubernetesSchemas.VERSIONS) {
      Map<String, String> definitions = DefinitionStore.hashes(v);
      List<String> missing = new ArrayList<>();
      ServedKinds.all().values().stream().filter(s -> s.in(v)).map(ServedKinds.Served::definition)
          .filter(d -> !definitions.containsKey(d)).forEach(missing::add);
      for (String hash : definitions.values()) {
        String text = DefinitionStore.text(hash);
        assertTrue(text != null, v + ": the store lacks " + hash);
        java.util.regex.Matcher m = ref.matcher(text);
        while (m.find()) {
          if (!definitions.containsKey(m.group(1))) {
            missing.add(m.group(1));
          }
        }
      }
      assertEquals(List.of(), missing, v);
      assertTrue(definitions.size() > 400, v + ": " + definitions.size());
      assertTrue(KubernetesSchemas.uncached(v).schema("apps/v1", "Deployment").isPresent(), v);
    }
  }

  private static List<String> describe(List<Violation> violations) {
    return violations.stream().map(v -> v.node().span() + " " + v.field() + ": " + v.problem()).toList();
  }

  @Test
  void theDefinitionsFileIsIndexedByLineAndAnyOtherLayoutIsParsedWhole() {
    String lines = "{\"comment\": \"x\",\n \"definitions\": {\n"
        + "  \"0a1b\": {\"type\":\"object\",\"properties\":{\"b\":{\"$ref\":\"#/definitions/b.B\"}}},\n"
        + "  \"2c3d\": {\"type\":\"string\"}\n }\n}\n";
    DefinitionStore.Store split = DefinitionStore.index(lines);
    assertEquals(Set.of("0a1b", "2c3d"), split.byHash().keySet());
    assertEquals("{\"type\":\"string\"}", split.get("2c3d"));
    assertEquals(null, split.get("4e5f"));
    assertTrue(split.text() == lines, "a file in the generated layout is indexed, not copied");

    String compact = new JSONObject(lines).toString();
    assertFalse(compact.contains("\n"));
    DefinitionStore.Store whole = DefinitionStore.index(compact);
    assertEquals(split.byHash().keySet(), whole.byHash().keySet());
    assertEquals("string", new JSONObject(whole.get("2c3d")).getString("type"));
    assertEquals("b.B", new JSONObject(whole.get("0a1b")).getJSONObject("properties").getJSONObject("b")
        .getString("$ref").substring("#/definitions/".length()));
  }

  @Test
  void linesOfPlainStringsAreReadWithoutAParserAndAnythingElseIsRefused() {
    String text = "{\n  \"a b\": [\"x\", \"1.29\", \"1.36\"],\n  \"c\": {\"1.29\": \"h\", \"1.31\": \"\"}\n}\n";
    List<JsonLines.Entry> entries = JsonLines.entries(text, 1);
    assertEquals(List.of("a b", "c"), entries.stream().map(JsonLines.Entry::key).toList());
    assertEquals(List.of("x", "1.29", "1.36"), JsonLines.strings(text, entries.get(0).from(), entries.get(0).to()));
    assertEquals(List.of("1.29", "h", "1.31", ""), JsonLines.strings(text, entries.get(1).from(), entries.get(1).to()));
    assertEquals(null, JsonLines.entries("{\"a\": 1}", 1), "not one entry a line");
    assertEquals(null, JsonLines.entries("{\n  \"a\\\"b\": 1\n}\n", 1), "an escaped key");
    String escaped = "[\"a\\\"b\"]";
    assertEquals(null, JsonLines.strings(escaped, 0, escaped.length()));
  }
}
