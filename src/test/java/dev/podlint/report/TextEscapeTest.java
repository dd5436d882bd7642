package dev.podlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The escaping of the text formats, character by character. */
class TextEscapeTest {
  @Test
  void lineBreaksTabsAndEscapeHaveShortForms() {
    assertEquals("a\\nb\\rc\\td\\e[2Je", TextEscape.value("a\nb\rc\td\u001b[2Je"));
  }

  @Test
  void otherControlsSeparatorsAndBidiControlsAreUnicodeEscapes() {
    assertEquals("\\u0000\\u0007\\u007f\\u0085\\u009b", TextEscape.value("\u0000\u0007\u007f\u0085\u009b"));
    assertEquals("x\\u2028y\\u2029z", TextEscape.value("x\u2028y\u2029z"));
    assertEquals("\\u202eevil\\u202c \\u2066\\u2069 \\u200e\\u200f\\u061c", TextEscape.value(
        "\u202eevil\u202c \u2066\u2069 \u200e\u200f\u061c"));
  }

  @Test
  void everythingElseIsAsItIs() {
    String plain = "C:\\dir\\x.yaml caf\u00e9 \ud83d\ude00 a: b, [c] %d \\n";
    assertSame(plain, TextEscape.value(plain));
  }

  @Test
  void aFileNameCannotLookLikeTheStartOfAFindingLine() {
    assertEquals("a\\:9\\:9: error: fake.yaml", TextEscape.fileName("a:9:9: error: fake.yaml"));
    assertEquals("C:\\k8s\\app.yaml", TextEscape.fileName("C:\\k8s\\app.yaml"), "a drive letter keeps its colon");
    assertEquals("x\\ny\\:1.yaml", TextEscape.fileName("x\ny:1.yaml"));
  }
}
