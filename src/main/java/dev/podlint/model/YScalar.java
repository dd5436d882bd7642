package dev.podlint.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A scalar: its text as written (after YAML unquoting and folding), its type as Kubernetes reads
 * it, and whether it was quoted. Kubernetes parses YAML with Go's YAML 1.1 rules, so a plain
 * {@code yes} is a boolean and {@code 0755} is octal 493; {@link #ambiguous} is true where a YAML
 * 1.2 reader would see something else (the string "yes", the decimal 755).
 */
public record YScalar(String value, Type type, boolean quoted, boolean ambiguous, Span span, YPath path)
    implements YNode {
  public enum Type { STRING, INT, FLOAT, BOOL, NULL }

  /** The plain words YAML 1.1 (and so Kubernetes) reads as true and as false. */
  public static final java.util.Set<String> TRUE_WORDS =
      java.util.Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE");
  public static final java.util.Set<String> FALSE_WORDS =
      java.util.Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE");

  public boolean isNull() {
    return type == Type.NULL;
  }

  public boolean isString() {
    return type == Type.STRING;
  }

  /** The value of an INT scalar, read as Go's YAML 1.1 parser does (underscores, 0x, 0o, 0b, 0755). */
  public Optional<BigInteger> asBigInteger() {
    return type == Type.INT ? parseInt(value) : Optional.empty();
  }

  /** The value of an INT scalar if it fits in a long. */
  public Optional<Long> asLong() {
    return asBigInteger().filter(b -> b.bitLength() < 64).map(BigInteger::longValue);
  }

  /** The value of a BOOL scalar. */
  public Optional<Boolean> asBoolean() {
    if (type != Type.BOOL) {
      return Optional.empty();
    }
    return Optional.of(TRUE_WORDS.contains(value));
  }

  /** Parses an integer the way Go's strconv.ParseInt(s, 0, 64) does after removing underscores. */
  public static Optional<BigInteger> parseInt(String text) {
    String v = text.replace("_", "");
    boolean negative = v.startsWith("-");
    if (v.startsWith("-") || v.startsWith("+")) {
      v = v.substring(1);
    }
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int radix = 10;
    if (v.length() > 2 && v.charAt(0) == '0' && "xXoObB".indexOf(v.charAt(1)) >= 0) {
      char p = Character.toLowerCase(v.charAt(1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      v = v.substring(2);
    } else if (v.length() > 1 && v.charAt(0) == '0') {
      radix = 8;
      v = v.substring(1);
    }
    try {
      for (int i = 0; i < v.length(); i++) {
        if (Character.digit(v.charAt(i), radix) < 0) {
          return Optional.empty();
        }
      }
      BigInteger b = new BigInteger(v, radix);
      return Optional.of(negative ? b.negate() : b);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The span of characters {@code [start, end)} of the value, when the source shows them one to
   * one (a single-line plain scalar, or a quoted one without escapes); else the whole scalar.
   */
  public Span subSpan(int start, int end) {
    if (start < 0 || end < start || end > value.length() || span.start().line() != span.end().line()) {
      return span;
    }
    int width = span.end().column() - span.start().column();
    int cps = value.codePointCount(0, value.length());
    int lead;
    if (width == cps && !quoted) {
      lead = 0;
    } else if (width == cps + 2 && quoted) {
      lead = 1; // quoted, no escapes
    } else {
      return span;
    }
    int col = span.start().column() + lead + value.codePointCount(0, start);
    int endCol = col + value.codePointCount(start, end);
    return Span.of(span.start().line(), col, span.start().line(), endCol);
  }

  /** A display form for messages: the text as written. */
  @Override
  public String toString() {
    return value;
  }
}
