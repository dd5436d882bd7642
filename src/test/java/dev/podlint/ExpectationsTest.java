package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
