package dev.podlint.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1}, {@code 0.5}, {@code 1Gi}, {@code 1e3},
 * {@code 128M}), read as {@code resource.ParseQuantity} of k8s.io/apimachinery reads it:
 *
 * <pre>
 * quantity ::= [sign] number suffix        number ::= digits | digits "." [digits] | "." digits
 * suffix   ::= "" | n | u | m | k | M | G | T | P | E | Ki | Mi | Gi | Ti | Pi | Ei | (e|E) [sign] digits
 * </pre>
 *
 * <p>with the leniencies of its parser kept ({@code "1."}, {@code "."} and a lone sign are zero), and
 * spaces around the text ignored (the JSON decoder trims them). Everything here takes time linear
 * in the text's length: no number is built from more than {@value #MAX_DIGITS} digits.
 */
public final class Quantity {
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", new BigDecimal("1e-9")),
      Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")),
      Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")),
      Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")),
      Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
      Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
      Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
      Map.entry("Ei", BigDecimal.valueOf(1L << 60)));
  /** The letters the parser takes into a suffix before its optional sign and digits. */
  private static final String SUFFIX_LETTERS = "eEinumkKMGTP";
  /** The most significant digits a value is computed from (the rest only scales it). */
  static final int MAX_DIGITS = 100;
  /** Exponents beyond this give no value (Kubernetes itself stalls on {@code 1e-99999999999}). */
  private static final long MAX_EXPONENT = 100_000;
  /** What every message about a quantity offers as the forms to write. */
  public static final String FORMS = "a number with an optional suffix: 500m, 2, 1.5Gi, 128Mi, 1e3";

  private Quantity() {}

  /** The parts of a quantity's text, or where and why it is not one. */
  private record Parts(boolean negative, String num, String denom, String suffix, String problem) {}

  /**
   * Why {@code text} is not a quantity ({@code unknown suffix "K"}), or empty when it is one.
   */
  public static Optional<String> problem(String text) {
    return Optional.ofNullable(split(text).problem());
  }

  /** Whether {@code text}, a quantity, is below zero ({@code -1}, {@code -0.5m}; {@code -0} is not). */
  public static boolean negative(String text) {
    Parts p = split(text);
    return p.problem() == null && p.negative() && !(p.num() + p.denom()).chars().allMatch(c -> c == '0');
  }

  /**
   * The value in base units (cores, bytes, ...), or empty when the text is not a quantity or its
   * exponent is too far out to compute ({@code 1e999999}).
   */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Parts p = split(text);
    if (p.problem() != null) {
      return Optional.empty();
    }
    String digits = p.num() + p.denom();
    int scale = p.denom().length();
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
    }
    digits = digits.substring(first);
    if (digits.length() > MAX_DIGITS) {
      scale -= digits.length() - MAX_DIGITS; // the digits beyond do not change a comparison
      digits = digits.substring(0, MAX_DIGITS);
    }
    BigDecimal number = new BigDecimal(new BigInteger(digits), scale);
    if (p.negative()) {
      number = number.negate();
    }
    BigDecimal factor = SUFFIXES.get(p.suffix());
    if (factor != null) {
      return Optional.of(number.multiply(factor));
    }
    long exponent = Long.parseLong(p.suffix().substring(1).replace("+", ""));
    if (Math.abs(exponent) > MAX_EXPONENT) {
      return Optional.empty();
    }
    return Optional.of(number.scaleByPowerOfTen((int) exponent));
  }

  /**
   * The value of a quantity as written in YAML: a string is parsed as above, a number is the number
   * Kubernetes reads ({@code cpu: 0x10} is 16); empty for anything else.
   */
  public static Optional<BigDecimal> of(YScalar s) {
    if (s.isString()) {
      return parse(s.value());
    }
    if (s.type() == YScalar.Type.INT) {
      return s.asBigInteger().map(BigDecimal::new);
    }
    return s.asDouble().filter(Double::isFinite).map(BigDecimal::valueOf);
  }

  /** The parts of {@code text} as {@code parseQuantityString} and {@code ParseQuantity} find them. */
  private static Parts split(String text) {
    String s = trim(text);
    if (s.isEmpty()) {
      return new Parts(false, "", "", "", "it is empty");
    }
    int pos = 0;
    int end = s.length();
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      pos++;
    }
    int numStart = pos;
    while (pos < end && isDigit(s.charAt(pos))) {
      pos++;
    }
    String num = s.substring(numStart, pos);
    String denom = "";
    if (pos < end && s.charAt(pos) == '.') {
      int denomStart = ++pos;
      while (pos < end && isDigit(s.charAt(pos))) {
        pos++;
      }
      denom = s.substring(denomStart, pos);
    }
    if (num.isEmpty()) {
      num = "0";
    }
    int suffixStart = pos;
    while (pos < end && SUFFIX_LETTERS.indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      int cp = s.codePointAt(pos);
      return new Parts(negative, num, denom, "", "unexpected " + describe(cp) + " at character "
          + (s.codePointCount(0, pos) + 1));
    }
    String suffix = s.substring(suffixStart);
    if (!SUFFIXES.containsKey(suffix) && !isExponent(suffix)) {
      return new Parts(negative, num, denom, suffix, "unknown suffix \"" + suffix + "\"" + hint(suffix));
    }
    return new Parts(negative, num, denom, suffix, null);
  }

  /** Whether a suffix is a decimal exponent ({@code e3}, {@code E-2}) that fits Go's int64. */
  private static boolean isExponent(String suffix) {
    if (suffix.length() < 2 || suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E') {
      return false;
    }
    String rest = suffix.substring(1);
    String digits = rest.startsWith("-") || rest.startsWith("+") ? rest.substring(1) : rest;
    if (digits.isEmpty() || !digits.chars().allMatch(Quantity::isDigit)) {
      return false;
    }
    String significant = digits.replaceFirst("^0+(?=.)", "");
    return significant.length() < 19 || significant.length() == 19 && significant.compareTo("9223372036854775807") <= 0;
  }

  private static String hint(String suffix) {
    return switch (suffix) {
      case "K" -> "; write k (1000) or Ki (1024)";
      case "e", "E", "e-", "e+", "E-", "E+" -> "; an exponent needs digits (1e3)";
      default -> suffix.endsWith("i") || suffix.length() == 1
          ? "; the suffixes are n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei and e<exponent>" : "";
    };
  }

  private static String describe(int cp) {
    if (cp < 0x20 || cp == 0x7F || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return String.format("character U+%04X", cp);
    }
    return "\"" + new String(Character.toChars(cp)) + "\"";
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * {@code text} without the spaces Go's {@code strings.TrimSpace} removes from the JSON text of a
   * value: the space and Unicode spaces; control characters are escaped in JSON, so they stay.
   */
  private static String trim(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && trimmed(text.charAt(from))) {
      from++;
    }
    while (to > from && trimmed(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(from, to);
  }

  private static boolean trimmed(char c) {
    return c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A'
        || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }
}
