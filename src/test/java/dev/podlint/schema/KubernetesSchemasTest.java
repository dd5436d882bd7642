package dev.podlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.YMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** A kind compiled alone, with only the definitions it reaches, judges as the all-kinds pass does. */
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
    return SchemaValidator.validate(schema, doc).stream()
        .map(v -> v.node().span() + " " + v.field() + ": " + v.problem()).toList();
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
