package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture markers themselves: both kinds, side by side with a suppression comment, both ways. */
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
    String text = POD.replace("MARK", marker);
    List<Finding> actual = TestSupport.lint("t.yaml", text, List.of("naked-pod"));
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
