package dev.podlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Where the suppression comments go, and where none can; which documents the server lints. */
class SuppressionCommentsTest {
  static Optional<TextEdit> line(String text, int line) {
    return SuppressionComments.line(text, new LineMap(text), SuppressionComments.Reads.of(text), line, "some-rule");
  }

  @Test
  void aCommentLineAboveWithTheIndentationOfTheLine() {
    String text = "a:\n  - b: 1\n  - c: 2\n";
    TextEdit e = line(text, 3).orElseThrow();
    assertEquals(2, e.getRange().getStart().getLine());
    assertEquals("  # podlint:ignore some-rule <reason>\n", e.getNewText());
  }

  @Test
  void insideABlockScalarNoCommentCanGo() {
    String text = "data:\n  nginx.conf: |\n    listen 80;\n    listen 81;\nkind: ConfigMap\n";
    assertEquals(Optional.empty(), line(text, 4), "a # there is text of the scalar, above or at the end");
  }

  @Test
  void whereALineAboveWouldBreakAPlainScalarTheCommentGoesAtTheEnd() {
    String text = "command: echo a\n  b\nkind: Pod\n";
    TextEdit e = line(text, 2).orElseThrow();
    assertEquals(" # podlint:ignore some-rule <reason>", e.getNewText());
    assertEquals(1, e.getRange().getStart().getLine());
  }

  @Test
  void theFileCommentGoesFirstWithTheTextsLineEnding() {
    String text = "kind: Pod\r\nmetadata: {}\r\n";
    TextEdit e = SuppressionComments.file(text, new LineMap(text), SuppressionComments.Reads.of(text), "some-rule")
        .orElseThrow();
    assertEquals("# podlint:ignore-file some-rule <reason>\r\n", e.getNewText());
    assertEquals(0, e.getRange().getStart().getLine());
  }

  @Test
  void kubernetesObjectsAreTheirKeysNotTheWords() {
    assertTrue(KubernetesText.holdsObjects("apiVersion: v1\nkind: Pod\n"));
    assertTrue(KubernetesText.holdsObjects("items:\n  - kind: Pod\n"));
    assertTrue(KubernetesText.holdsObjects("{\"apiVersion\": \"v1\"}"));
    assertTrue(KubernetesText.holdsObjects("- {name: x, kind: Pod}"));
    assertFalse(KubernetesText.holdsObjects("description: \"the kind: of thing\"\non: push\n"));
    assertFalse(KubernetesText.holdsObjects("services:\n  web:\n    image: nginx\n"));
    assertFalse(KubernetesText.holdsObjects("key:\n  " + "- ".repeat(10_000) + "x\n"), "deep, not overflowing");
    assertTrue(KubernetesText.holdsObjects("- - - kind: Pod\n"));
    assertTrue(KubernetesText.isYamlOrJson("yaml", "file:///x.txt"));
    assertTrue(KubernetesText.isYamlOrJson(null, "file:///x.yml"));
    assertFalse(KubernetesText.isYamlOrJson("helm", "file:///chart/templates/x.yaml"));
  }
}
