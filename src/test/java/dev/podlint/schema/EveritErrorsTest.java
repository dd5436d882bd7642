package dev.podlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EveritErrorsTest {
  /** A pointer segment that is no small ASCII number is no list index, never a NumberFormatException. */
  @Test
  void listIndexesAreSmallAsciiNumbers() {
    assertEquals(12, EveritErrors.index("12"));
    assertEquals(0, EveritErrors.index("0"));
    assertEquals(-1, EveritErrors.index("99999999999"));
    assertEquals(-1, EveritErrors.index("\u0661\u0662"), "Arabic-Indic digits are digits to Character.isDigit");
    assertEquals(-1, EveritErrors.index(""));
    assertEquals(-1, EveritErrors.index("-1"));
  }
}
