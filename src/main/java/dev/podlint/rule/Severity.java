package dev.podlint.rule;

import java.util.Locale;

/** Finding levels, ordered from least to most severe; named as SARIF levels. */
public enum Severity {
  NOTE, WARNING, ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("expected error, warning or note, got '" + s + "'");
    }
  }
}
