package dev.podlint.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A scalar: its text as written (after YAML unquoting and folding), its type as Kubernetes reads
 * it, and whether it was quoted. Kubernetes parses YAML with Go's YAML 1.1 rules, so a plain
 * {@code yes} is a boolean and {@code 0755} is octal 493; {@link #ambiguous} is true where a YAML
 * 1.2 reader would see something else (the string "yes", the decimal 755).
 *
 * <p>Numbers are typed as Go reads them: an integer is {@link Type#INT} only when it fits 64 bits
 * (signed, or unsigned without a sign); a larger one, and any decimal or exponent form, is a
 * {@link Type#FLOAT} (a 64-bit float, so {@code 99999999999999999999} is 1e20 and {@code 1e-400}
 * is 0), and one too large for a 64-bit float ({@code 1e400}) is the {@link Type#STRING} Go keeps
 * it as. No method here builds a number from more than a few hundred digits.
 *
 * @param tag the tag written on the scalar ({@code !!int}, {@code !!str}, {@code !custom}), or null
 *     when it has none; a standard tag decides the type as Go's reader does (see {@link #contradictsTag})
 */
public record YScalar(String value, Type type, boolean quoted, boolean ambiguous, Span span, YPath path, String tag)
    implements YNode {
  public enum Type { STRING, INT, FLOAT, BOOL, NULL }

  /** A scalar without a tag. */
  public YScalar(String value, Type type, boolean quoted, boolean ambiguous, Span span, YPath path) {
    this(value, type, quoted, ambiguous, span, path, null);
  }

  /** The smallest and largest integers a scalar of type INT holds (int64 and uint64). */
  private static final BigInteger MIN_INT = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_UINT = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MAX_INT = BigInteger.valueOf(Long.MAX_VALUE);

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

  /**
   * The value as Kubernetes reads an integer field: an INT that fits in a long, or a FLOAT whose
   * value is a whole number in a long's range ({@code 3.0}, {@code 1e3}); empty for anything else.
   */
  public Optional<Long> asLong() {
    return asWholeNumber().filter(b -> b.bitLength() < 64).map(BigInteger::longValue);
  }

  /**
   * The value of an INT, or of a FLOAT that is a whole number, as the integer Kubernetes decodes:
   * Go writes a float into JSON with the fewest digits that read back as the same float, so
   * {@code 1e3} is 1000 and {@code -9223372036854775809} (the float -2^63) is -9223372036854776000,
   * out of an int64's range. At most 309 digits (a float is below 1.8e308).
   */
  public Optional<BigInteger> asWholeNumber() {
    if (type == Type.FLOAT) {
      return asDouble().filter(d -> Double.isFinite(d) && d == Math.rint(d))
          .map(d -> java.math.BigDecimal.valueOf(d).toBigIntegerExact());
    }
    return asBigInteger();
  }

  /**
   * The value as a port number, 0 to 65535 (what {@link #asLong} gives in that range): a larger
   * number is no port, never one cut down to an int.
   */
  public Optional<Integer> asPort() {
    return asLong().filter(PortDecl::inRange).map(Long::intValue);
  }

  /**
   * The value of an INT or FLOAT scalar as the 64-bit float Go reads it ({@code .inf} and
   * {@code .nan} included); empty for other types.
   */
  public Optional<Double> asDouble() {
    if (type == Type.INT) {
      return asBigInteger().map(BigInteger::doubleValue);
    }
    return type == Type.FLOAT ? Optional.of(parseFloat(value)) : Optional.empty();
  }

  /**
   * Whether a standard tag on the scalar names another type than its text has ({@code !!int three},
   * {@code !!bool 3}): Go's YAML reader, and so Kubernetes, refuses the document ("cannot decode
   * !!str `three` as a !!int"). {@code !!float} on an integer is no contradiction.
   */
  public boolean contradictsTag() {
    if (tag == null) {
      return false;
    }
    return switch (tag) {
      case "!!int" -> type != Type.INT;
      case "!!float" -> type != Type.FLOAT;
      case "!!bool" -> type != Type.BOOL;
      case "!!null" -> type != Type.NULL;
      default -> false;
    };
  }

  /**
   * A FLOAT's text as a double: the YAML 1.1 infinities and NaN, an integer ({@code !!float 0x10}),
   * or the decimal with underscores removed (Java reads it in time linear in its length, whatever
   * the exponent, and rounds it as Go does).
   */
  static double parseFloat(String text) {
    String v = text.replace("_", "");
    Optional<BigInteger> integer = parseInt(v);
    if (integer.isPresent()) {
      return integer.get().doubleValue();
    }
    switch (v) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF":
        return Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
    }
  }

  /** The value of a BOOL scalar. */
  public Optional<Boolean> asBoolean() {
    if (type != Type.BOOL) {
      return Optional.empty();
    }
    return Optional.of(TRUE_WORDS.contains(value));
  }

  /**
   * Parses an integer the way Go's YAML reader does after removing underscores:
   * {@code strconv.ParseInt(s, 0, 64)}, else {@code ParseUint(s, 0, 64)} (decimal, {@code 0x},
   * {@code 0o}, {@code 0b} and {@code 0755} octal). Empty when the text is not an integer or its
   * value does not fit 64 bits; never builds a number of more than 64 bits, however long the text.
   */
  public static Optional<BigInteger> parseInt(String text) {
    String v = text.replace("_", "");
    boolean negative = v.startsWith("-");
    boolean plus = v.startsWith("+");
    if (negative || plus) {
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
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int significant = -1;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c > 'z' || Character.digit(c, radix) < 0) {
        return Optional.empty(); // only ASCII digits: Character.digit would take other scripts' digits
      }
      if (significant < 0 && c != '0') {
        significant = i;
      }
    }
    if (significant < 0) {
      return Optional.of(BigInteger.ZERO);
    }
    String digits = v.substring(significant);
    int maxDigits = switch (radix) {
      case 2 -> 64;
      case 8 -> 22;
      case 16 -> 16;
      default -> 20;
    };
    if (digits.length() > maxDigits) {
      return Optional.empty();
    }
    BigInteger b = new BigInteger(digits, radix);
    if (negative) {
      b = b.negate();
      return b.compareTo(MIN_INT) >= 0 ? Optional.of(b) : Optional.empty();
    }
    // ParseUint takes no sign, so "+" allows only what ParseInt does
    return b.compareTo(plus ? MAX_INT : MAX_UINT) <= 0 ? Optional.of(b) : Optional.empty();
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
