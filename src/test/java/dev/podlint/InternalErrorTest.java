package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that fails while linting (a bug) still gives complete, valid reports with the error
 * recorded, the other rules' findings, and exit code 4; no stack trace. The failing rule is a
 * user rule written for this test only: its schema refers to itself, so validating anything
 * against it recurses until the stack overflows.
 */
class InternalErrorTest {
  static final String LOOPING_RULE = """
      id: ORG9
      name: looping-rule
      title: A rule whose schema refers to itself
      severity: warning
      category: validity
      kind: problem
      enabledByDefault: true
      appliesTo: [Pod]
      engine: schema
      match:
        target: object
        schema:
          $ref: '#/definitions/loop'
          definitions:
            loop:
              $ref: '#/definitions/loop'
      message: "{field}: {problem}"
      rationale: A test rule; suppress with podlint.io/ignore.
      remediation: None.
      """;

  @TempDir Path dir;

  @Test
  void aFailingRuleIsRecordedInEveryReportAndGivesExitCode4() throws IOException {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/ORG9-looping-rule.yaml"), LOOPING_RULE);
    Files.copy(HostileInputTest.DIR.resolve("control.yaml"), dir.resolve("control.yaml"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"lint", "--no-config", "--rules-dir", "rules", "-f", "sarif", "-o", "r.sarif",
        "-f", "json", "-o", "r.json", "-f", "text", "control.yaml"}, new PrintWriter(out), new PrintWriter(err),
        new Main.Env(dir, new ByteArrayInputStream(new byte[0]), Map.of(), false));
    String all = out + "\n" + err;
    assertEquals(4, code, all);
    assertFalse(HostileInputTest.STACK.matcher(all).find(), "stack trace:\n" + all);
    // text: the other rules' findings on stdout, the error on stderr
    assertTrue(out.toString().contains(HostileInputTest.CONTROL), all);
    assertTrue(err.toString().contains("podlint: internal error: control.yaml: rule looping-rule failed on Pod/hostile/control:"
        + " java.lang.StackOverflowError"), all);

    String sarif = Files.readString(dir.resolve("r.sarif"));
    SarifReporterTest.assertValid(sarif);
    JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
    JsonNode invocation = run.get("invocations").get(0);
    assertFalse(invocation.get("executionSuccessful").asBoolean(), sarif);
    JsonNode notes = invocation.get("toolExecutionNotifications");
    assertEquals(1, notes.size(), sarif);
    assertEquals("error", notes.get(0).get("level").asText());
    assertTrue(notes.get(0).get("message").get("text").asText().startsWith(
        "internal error: control.yaml: rule looping-rule failed on Pod/hostile/control"), sarif);
    assertTrue(run.get("results").size() > 0, "the other rules' results are kept");

    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("r.json")));
    List<String> errors = new ObjectMapper().convertValue(json.get("internalErrors"),
        new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
    assertEquals(1, errors.size(), json.toString());
    assertTrue(errors.get(0).startsWith("control.yaml: rule looping-rule failed on Pod/hostile/control"), errors.toString());
    assertTrue(json.get("findings").size() > 0, json.toString());
  }
}
