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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private static List<String> describe(List<Violation> violations) {
    return violations.stream().map(v -> v.node().span() + " " + v.field() + ": " + v.problem()).toList();
  }

  @Test
  void theDefinitionsFileSplitsAtItsLinesAndAnyOtherLayoutIsParsedWhole() {
    String lines = "{\"$schema\": \"x\",\n \"definitions\": {\n"
        + "  \"a.A\": {\"type\":\"object\",\"properties\":{\"b\":{\"$ref\":\"#/definitions/b.B\"}}},\n"
        + "  \"b.B\": {\"type\":\"string\"}\n }\n}\n";
    Map<String, JSONObject> parsed = new HashMap<>();
    Map<String, String> split = KubernetesSchemas.splitDefinitions(lines, parsed);
    assertEquals(List.of("a.A", "b.B"), List.copyOf(split.keySet()));
    assertEquals("{\"type\":\"string\"}", split.get("b.B"));
    assertTrue(parsed.isEmpty(), "split definitions are parsed only when a kind needs them");

    String compact = new JSONObject(lines).toString();
    Map<String, String> whole = KubernetesSchemas.splitDefinitions(compact, parsed);
    assertEquals(split.keySet(), whole.keySet());
    assertFalse(parsed.isEmpty());
    assertEquals("string", new JSONObject(whole.get("b.B")).getString("type"));
  }
}
