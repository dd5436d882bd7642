package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture markers themselves: all kinds, side by side with a suppression comment, both ways. */
class ExpectationsTest {
  static final String POD = """
      apiVersion: v1
      kind: Pod  # podlint:ignore naked-pod -- a debugging pod  MARK
      metadata:
        name: debug
      spec:
        containers:
          - name: shell
            image: busybox:1.36
      """;

  static String check(String marker) {
    return check(POD.replace("MARK", marker), "naked-pod");
  }

  /** What comparing {@code text}'s markers with the findings of {@code rule} says ("" when they agree). */
  static String check(String text, String rule) {
    List<Finding> actual = TestSupport.lint("t.yaml", text, List.of(rule));
    return Expectations.compare(text, Expectations.parse(text), actual);
  }

  @Test
  void markersOfBothKindsFollowASuppressionComment() {
    List<Expectations.Expected> e = Expectations.parse(
        "a: 1  # podlint:ignore x -- why  # expect: a, b \"m, n\"  # expect-suppressed: c\n");
    assertEquals(List.of(new Expectations.Expected(1, "a", null, false), new Expectations.Expected(1, "b", "m, n", false),
        new Expectations.Expected(1, "c", null, true)), e);
  }

  @Test
  void aSuppressedFindingMustBeMarkedAsSuppressed() {
    assertEquals("", check("# expect-suppressed: naked-pod"));
    assertTrue(check("").contains("<-- UNEXPECTED SUPPRESSED naked-pod"), "an unmarked suppressed finding fails");
    String wrongKind = check("# expect: naked-pod");
    assertTrue(wrongKind.contains("<-- MISSING naked-pod") && wrongKind.contains("UNEXPECTED SUPPRESSED naked-pod"),
        wrongKind);
    assertTrue(check("# expect-suppressed: naked-pod \"a Job\"").contains("MISSING SUPPRESSED naked-pod"),
        "message parts are checked for suppressed findings too");
  }

  /** A value that goes on to the next line: its first line cannot end with a comment. */
  static final String MULTI_LINE_SECRET = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: worker
      spec:
        containers:
          - name: worker
            image: registry.example.com/worker:2.4.1
            env:
              - name: API_TOKEN
      MARK
                value: "q8Zt3LmN0pR7tV2y
                  B5cW9dF4kH1s"
      """;

  static String checkNextLine(String markerLine) {
    return check(MULTI_LINE_SECRET.replace("MARK\n", markerLine), "secret-in-env");
  }

  @Test
  void aNextLineMarkerExpectsTheFindingOnTheLineAfterIt() {
    List<Expectations.Expected> e = Expectations.parse("""
        a: 1
          # expect-next-line: r1, r2 "m"
        b: "x
          y"
        # expect-suppressed-next-line: r3
        c: 3  # expect: r4
        """);
    assertEquals(List.of(new Expectations.Expected(3, "r1", null), new Expectations.Expected(3, "r2", "m"),
        new Expectations.Expected(6, "r3", null, true), new Expectations.Expected(6, "r4", null)), e);
    // the finding starts on the value's first line, which ends inside the quotes
    assertEquals("", checkNextLine("          # expect-next-line: secret-in-env \"API_TOKEN\"\n"));
    assertTrue(checkNextLine("").contains("<-- UNEXPECTED secret-in-env at 11:18"), "an unmarked finding fails");
    String early = checkNextLine("          # expect-next-line: secret-in-env\n          # a comment in between\n");
    assertTrue(early.contains("<-- MISSING secret-in-env") && early.contains("UNEXPECTED secret-in-env at 13:18"),
        "the marker names the very next line, not the next one with a finding:\n" + early);
    assertTrue(checkNextLine("          # expect-suppressed-next-line: secret-in-env\n")
        .contains("<-- MISSING SUPPRESSED secret-in-env"), "the suppressed kind is checked as such");
  }

  @Test
  void aNextLineMarkerStandsAloneBeforeALineThatIsNotOne() {
    for (String text : List.of(
        "a: 1  # expect-next-line: r\nb: 2\n", // after YAML on its line
        "# expect: r  # expect-next-line: s\nb: 2\n", // beside another marker
        "a: 1\n# expect-next-line: r\n", // nothing after it
        "# expect-next-line: r\n# expect-next-line: s\nb: 2\n")) { // before another one
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Expectations.parse(text), text);
      assertTrue(x.getMessage().contains("expect-next-line marker"), x.getMessage());
    }
  }

  @Test
  void markersMayHoldForOneKubernetesVersionOnly() {
    String text = "# podlint-test: rules=schema-violation,unknown-kind version=1.31,1.32\n"
        + "a: 1  # expect@1.31: schema-violation \"added in 1.32\"  # expect: unknown-kind\n"
        + "b: 2  # expect-suppressed@1.32: unknown-kind\n";
    List<Expectations.Expected> all = Expectations.parse(text);
    assertEquals(List.of(new Expectations.Expected(2, "schema-violation", "added in 1.32", false, "1.31"),
        new Expectations.Expected(2, "unknown-kind", null, false, null),
        new Expectations.Expected(3, "unknown-kind", null, true, "1.32")), all);
    assertEquals(List.of(all.get(0), all.get(1)), Expectations.forVersion(all, "1.31"));
    assertEquals(List.of(all.get(1), all.get(2)), Expectations.forVersion(all, "1.32"));
    assertEquals(List.of("1.31", "1.32"), Expectations.headerVersions(text));
    assertEquals(List.of("schema-violation", "unknown-kind"), Expectations.headerRules(text));
    assertEquals(null, Expectations.headerVersions("# podlint-test: rules=all\n"));
    assertThrows(IllegalArgumentException.class, () -> Expectations.headerRules("# podlint-test: rule=all\n"));
  }

  /** The same manifest judged at two versions: what one version lacks, the other accepts. */
  @Test
  void aVersionedFixtureFailsAtTheVersionWhoseMarkersItBreaks() {
    String text = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostnameOverride: p-0  # expect@1.33: schema-violation
          containers: [{name: c, image: registry.example.com/c:1.0.0}]
        """;
    List<Expectations.Expected> all = Expectations.parse(text);
    for (String v : List.of("1.33", "1.34")) {
      var found = TestSupport.lint("p.yaml", text, List.of("schema-violation"),
          new dev.podlint.engine.LintOptions(v, false));
      assertEquals("", Expectations.compare(text, Expectations.forVersion(all, v), found), v);
      String other = v.equals("1.33") ? "1.34" : "1.33";
      assertTrue(Expectations.compare(text, Expectations.forVersion(all, other), found)
          .contains(v.equals("1.33") ? "UNEXPECTED schema-violation" : "MISSING schema-violation"), v);
    }
  }
}
