package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.cli.Main;
import dev.podlint.model.BoundedRegex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regular expressions from users (custom rules, rule parameters, exemptions, exclude patterns)
 * cannot hang podlint: a match that runs out of steps is stopped and reported where the user can
 * act on it, within the hostile-input bound of 2 seconds.
 */
class RegexBudgetTest {
  /** Exponential on JDK 17 (unlike {@code (a+)+$}, which its regex engine memoizes). */
  static final String SLOW = "^(a{1,2}){1,40}$";
  static final String VALUE = "a".repeat(40) + "!";

  @TempDir Path dir;

  record Run(int code, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  Run lint(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> a = new ArrayList<>(List.of("lint"));
    a.addAll(List.of(args));
    int code = assertTimeoutPreemptively(HostileInputTest.HANG_GUARD, () -> Main.run(a.toArray(String[]::new),
        new PrintWriter(out), new PrintWriter(err), new Main.Env(dir, new ByteArrayInputStream(new byte[0]), Map.of(),
            false)), "the run did not end");
    Run r = new Run(code, out.toString(), err.toString());
    assertFalse(HostileInputTest.STACK.matcher(r.all()).find(), "stack trace:\n" + r.all());
    assertFalse(r.all().contains("internal error"), r.all());
    return r;
  }

  /**
   * A run whose pattern work is bounded by steps, not by the clock: each case asserts the finding
   * that says the budget of {@link BoundedRegex#budget(int)} was spent, and that the second run
   * (after a first one has loaded rules and schemas) reports the same, so a stopped pattern is not
   * remembered across runs.
   */
  Run bounded(String... args) {
    Run first = lint(args);
    Run r = lint(args);
    assertEquals(first.out(), r.out(), "two runs of the same input differ");
    return r;
  }

  void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  static String configMap(String name, String code) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  annotations:\n    example.com/code: \""
        + code + "\"\n";
  }

  static String customRule(String pattern) {
    return """
        id: ORG1
        name: code-shape
        title: A code annotation has the wrong shape
        severity: warning
        category: validity
        kind: problem
        enabledByDefault: true
        appliesTo: [ConfigMap]
        engine: schema
        match:
          target: object
          schema:
            properties:
              metadata:
                properties:
                  annotations:
                    properties:
                      example.com/code:
                        pattern: 'PATTERN'
        message: "{field}: {problem}"
        rationale: A test rule; suppress with podlint.io/ignore.
        remediation: Fix the code.
        """.replace("PATTERN", pattern);
  }

  @Test
  void aCustomRulesPatternIsStoppedAndReportedAtTheValue() throws IOException {
    write("rules/ORG1-code-shape.yaml", customRule(SLOW));
    write("cm.yaml", configMap("codes", VALUE));
    Run r = bounded("--no-config", "--rules-dir", "rules", "cm.yaml");
    assertEquals(1, r.code, r.all());
    assertTrue(r.out.contains("cm.yaml:6:23: error: Regular expression '" + SLOW + "' of rule code-shape"
        + " (rules/ORG1-code-shape.yaml:19:26) was stopped on this value before it finished, so code-shape did not"
        + " complete its check of ConfigMap/-/codes; rewrite it"), r.all());
  }

  @Test
  void aPatternThatOverflowsTheStackIsStoppedTooNotAnInternalError() throws IOException {
    // Java's engine recurses once per repetition of (a|b): a long value overflows the stack
    write("rules/ORG1-code-shape.yaml", customRule("^(a|b)*$"));
    write("cm.yaml", configMap("codes", "ab".repeat(50_000)));
    Run r = bounded("--no-config", "--rules-dir", "rules", "cm.yaml");
    assertEquals(1, r.code, r.all());
    assertTrue(r.out.contains("cm.yaml:6:23: error: Regular expression '^(a|b)*$' of rule code-shape"), r.all());
  }

  @Test
  void theClassicExampleFinishesQuicklyAndIsAnOrdinaryMismatch() throws IOException {
    // (a+)+$ is the textbook ReDoS; Java 9+ memoizes its backtracking, so it is decided at once
    write("rules/ORG1-code-shape.yaml", customRule("^(a+)+$"));
    write("cm.yaml", configMap("codes", VALUE));
    Run r = bounded("--no-config", "--rules-dir", "rules", "cm.yaml");
    assertEquals(0, r.code, r.all());
    assertTrue(r.out.contains("cm.yaml:6:23: warning: metadata.annotations[\"example.com/code\"]: got string"), r.all());
    assertTrue(r.out.contains("which does not match ^(a+)+$ [ORG1 code-shape]"), r.all());
    assertFalse(r.out.contains("regex-too-slow"), r.all());
  }

  @Test
  void anExemptionsNamePatternIsStoppedAndTheExemptionDoesNotApply() throws IOException {
    write(".podlint.yaml", "exemptions:\n  - names: '" + SLOW + "'\n    reason: generated objects\n");
    write("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: NAME
        spec:
          containers:
            - name: app
              image: app:latest
        """.replace("NAME", VALUE));
    Run r = bounded("pod.yaml");
    assertEquals(1, r.code, r.all());
    assertTrue(r.out.contains("pod.yaml:4:9: error: Regular expression '" + SLOW + "' of the exemption at"
        + " .podlint.yaml:2:5 was stopped on this name before it finished, so the exemption does not apply to Pod/-/"
        + VALUE), r.all());
    // not exempted: the pod's own findings are reported
    assertTrue(r.out.contains("pod.yaml:7:7: warning: Container 'app' has no livenessProbe"), r.all());
  }

  @Test
  void aStoppedExemptionIsReportedOnceAlsoWhenCrossObjectRulesReportOnTheObject() throws IOException {
    write(".podlint.yaml", "exemptions:\n  - names: '" + SLOW + "'\n    reason: generated objects\n");
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: app:1.0
        """.replace("NAME", VALUE);
    write("web.yaml", deployment);
    // too-few-replicas reports at the end of the run: the exemption is tried on the object again there
    Run r = lint("web.yaml");
    assertTrue(r.out.contains("too-few-replicas"), r.all());
    assertEquals(1, r.out.lines().filter(l -> l.contains("regex-too-slow")).count(), r.all());
    // and a file's suppression of regex-too-slow covers it wherever the run reports it
    write("web.yaml", "# podlint:ignore-file regex-too-slow -- generated names\n" + deployment);
    r = lint("web.yaml");
    assertEquals(0, r.out.lines().filter(l -> l.contains("regex-too-slow")).count(), r.all());
    assertEquals(0, r.code, r.all());
  }

  @Test
  void aRuleParametersPatternIsStoppedAndReportedAtTheValue() throws IOException {
    write(".podlint.yaml", """
        rules:
          secret-in-env:
            params:
              tokenPatterns:
                - {description: a code, pattern: 'SLOW'}
        """.replace("SLOW", SLOW));
    write("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: app
              image: app:1.0
              env:
                - {name: CODE, value: "VALUE"}
        """.replace("VALUE", VALUE));
    Run r = bounded("pod.yaml");
    assertEquals(1, r.code, r.all());
    assertTrue(r.out.contains("pod.yaml:10:31: error: Regular expression '" + SLOW + "' of rule secret-in-env"
        + " (parameter rules.secret-in-env.params.tokenPatterns[0].pattern at 5:42) was stopped"), r.all());
  }

  @Test
  void anExcludePatternThatRunsOutOfStepsIsAConfigurationError() throws IOException {
    write(".podlint.yaml", "exclude:\n  - '*a*a*a*a*a*a*a*a*a*a*b'\n");
    write("a".repeat(200) + ".yaml", configMap("x", "y"));
    Run r = bounded(".");
    assertEquals(2, r.code, r.all());
    assertTrue(r.err.contains("exclude pattern \"*a*a*a*a*a*a*a*a*a*a*b\" at .podlint.yaml:2:5) ran out of steps"),
        r.all());
  }

  @Test
  void theBudgetGrowsWithTheInputSoLinearPatternsAlwaysFinish() {
    BoundedRegex linear = BoundedRegex.compile("(?i)password=([^&]+)", null);
    String big = "x".repeat(1 << 20) + "password=secret";
    BoundedRegex.startScope();
    assertTrue(linear.find(big));
    BoundedRegex slow = BoundedRegex.compile(SLOW, "here");
    BoundedRegex.TooSlowException e = assertThrows(BoundedRegex.TooSlowException.class, () -> slow.matches(VALUE));
    assertEquals(BoundedRegex.budget(VALUE.length()), e.steps());
    assertEquals(VALUE, e.input());
    // within one scope the pattern is not run again; a new scope runs it again
    assertEquals(0, assertThrows(BoundedRegex.TooSlowException.class, () -> slow.matches("aa")).steps());
    BoundedRegex.startScope();
    assertTrue(slow.matches("aa"));
  }
}
