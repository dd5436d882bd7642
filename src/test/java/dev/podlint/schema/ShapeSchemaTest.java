package dev.podlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each kind of schema violation is reported, and what it says. */
class ShapeSchemaTest {
  private static YMap yaml(String text) throws Exception {
    return (YMap) new ManifestLoader().parseDocument(text);
  }

  /** The problems of {@code target} as "kind line:col field [span reported, when there is a value] problem". */
  private static List<String> check(String schema, String target) throws Exception {
    YMap t = yaml(target);
    YNode anchor = t.keyNode("name").<YNode>map(k -> k).orElse(t);
    return ShapeSchema.compileChecked(yaml(schema)).check(t, anchor).stream()
        .map(p -> p.kind().label() + " " + p.at().span().start() + " " + p.field()
            + (p.value() == null ? "" : " [" + p.at().span() + "]") + " " + p.problem())
        .toList();
  }

  @Test
  void aCompliantTargetHasNoProblems() throws Exception {
    assertEquals(List.of(), check("required: [image]\nproperties: {image: {type: string}}", "name: a\nimage: x\n"));
  }

  @Test
  void missingIsReportedAtTheDeepestPartThatExists() throws Exception {
    String schema = """
        required: [resources]
        properties:
          resources:
            type: object
            required: [limits]
            properties:
              limits:
                required: [memory]
        """;
    assertEquals(List.of("missing 1:1 resources.limits.memory missing"), check(schema, "name: a\n"));
    assertEquals(List.of("missing 2:1 resources.limits.memory missing"), check(schema, "name: a\nresources:\n"));
    assertEquals(List.of("missing 2:1 resources.limits.memory missing"), check(schema, "name: a\nresources: []\n"));
    assertEquals(List.of("missing 2:1 resources.limits.memory missing"), check(schema, "name: a\nresources: {}\n"));
    assertEquals(List.of("missing 3:3 resources.limits.memory missing"),
        check(schema, "name: a\nresources:\n  limits:\n    cpu: 1\n"));
    assertEquals(List.of("missing 3:3 resources.limits.memory missing"),
        check(schema, "name: a\nresources:\n  limits:\n    memory: \"\"\n"), "an empty string is unset");
  }

  @Test
  void forbiddenKeysAreReportedAtTheKey() throws Exception {
    assertEquals(List.of("forbidden 2:1 nodeName [2:1-2:9] not allowed"),
        check("properties: {nodeName: false}", "name: a\nnodeName: n1\n"));
    assertEquals(List.of("forbidden 3:1 extra [3:1-3:6] not allowed"),
        check("additionalProperties: false\nproperties: {name: {}, image: {}}", "name: a\nimage: x\nextra: 1\n"));
    assertEquals(List.of("forbidden 2:1 hostPID [2:1-2:8] not allowed", "forbidden 3:1 hostIPC [3:1-3:8] not allowed"),
        check("not: {required: [hostPID, hostIPC]}", "name: a\nhostPID: true\nhostIPC: true\n"));
    assertEquals(List.of(), check("properties: {nodeName: false}", "name: a\nnodeName:\n"), "null is unset");
  }

  @Test
  void wrongValuesAreReportedAtTheValueAndCollectionsAtTheirKey() throws Exception {
    assertEquals(List.of("value 2:18 imagePullPolicy [2:18-2:27] expected one of Always, IfNotPresent, got string "
            + "\"Sometimes\""),
        check("properties: {imagePullPolicy: {enum: [Always, IfNotPresent]}}", "name: a\nimagePullPolicy: Sometimes\n"));
    assertEquals(List.of("value 2:13 privileged [2:13-2:16] expected false, got boolean yes (YAML 1.1 reads yes as "
            + "true; quote it for a string)"),
        check("properties: {privileged: {const: false}}", "name: a\nprivileged: yes\n"));
    assertEquals(List.of("value 2:1 drop [2:1-2:5] expected at least one array item to match 'contains' schema "
            + "(got a list)"),
        check("properties: {drop: {contains: {const: ALL}}}", "name: a\ndrop: [NET_RAW]\n"));
    assertEquals(List.of("value 3:5 ports[0] [3:5-3:11] expected integer, got string \"http\""),
        check("properties: {ports: {items: {type: integer}}}", "name: a\nports:\n  - \"http\"\n"));
    assertEquals(List.of("value 2:8 image [2:8-2:17] got string \"nginx:1.2\", which does not match ^reg/"),
        check("properties: {image: {pattern: '^reg/'}}", "name: a\nimage: nginx:1.2\n"));
  }

  @Test
  void failedAlternativesAreReportedOnceAsTheFirst() throws Exception {
    assertEquals(List.of("missing 1:1 readinessProbe missing"),
        check("anyOf: [{required: [readinessProbe]}, {required: [startupProbe]}]", "name: a\n"));
    assertEquals(List.of("missing 1:1 startupProbe missing"),
        check("anyOf: [{required: [startupProbe]}, {required: [readinessProbe]}]", "name: a\n"));
    assertEquals(List.of("value 2:7 port [2:7-2:11] expected integer, got string \"http\""),
        check("properties: {port: {oneOf: [{type: integer}, {type: number}]}}", "name: a\nport: http\n"));
  }

  @Test
  void whenMatchesOnlyCompliantTargets() throws Exception {
    ShapeSchema when = ShapeSchema.compile(yaml("required: [hostNetwork]\nproperties: {hostNetwork: {const: true}}"));
    assertTrue(when.matches(yaml("hostNetwork: true\n")));
    assertFalse(when.matches(yaml("hostNetwork: false\n")));
    assertFalse(when.matches(yaml("hostNetwork:\n")));
  }
}
