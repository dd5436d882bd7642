package dev.podlint.load;

import dev.podlint.model.YScalar;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain scalars as Kubernetes does: sigs.k8s.io/yaml converts YAML to JSON with a fork of
 * go-yaml v2, which follows YAML 1.1 (yes/no/on/off booleans, 0755 octal, 1_000 integers). Numbers
 * are what Go's strconv makes of them: an integer that fits 64 bits, else a 64-bit float, and a
 * float that overflows ({@code 1e400}) stays a string.
 */
final class Yaml11 {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> SPECIAL_FLOATS = Set.of(
      ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  /** Text starting with a dot goes to Go's ParseFloat as it is, underscores included. */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

  /** The first characters of the nulls, booleans and numbers above. */
  private static final String MAY_NOT_BE_STRING = "~nNyYoOtTfF-+.0123456789";

  private Yaml11() {}

  static YScalar.Type resolve(String plain) {
    if (!plain.isEmpty() && MAY_NOT_BE_STRING.indexOf(plain.charAt(0)) < 0) {
      return YScalar.Type.STRING; // most scalars: no null, boolean or number starts like this
    }
    if (NULLS.contains(plain)) {
      return YScalar.Type.NULL;
    }
    if (YScalar.TRUE_WORDS.contains(plain) || YScalar.FALSE_WORDS.contains(plain)) {
      return YScalar.Type.BOOL;
    }
    if (SPECIAL_FLOATS.contains(plain)) {
      return YScalar.Type.FLOAT;
    }
    char c = plain.charAt(0);
    if ("-+.0123456789".indexOf(c) < 0) {
      return YScalar.Type.STRING;
    }
    if (YScalar.parseInt(plain).isPresent()) {
      return YScalar.Type.INT;
    }
    String digits = c == '.' ? plain : plain.replace("_", "");
    if (!(c == '.' ? DOT_FLOAT : FLOAT).matcher(digits).matches()) {
      return YScalar.Type.STRING;
    }
    // ParseFloat refuses a value beyond the largest float64 (Java rounds it to infinity the same way)
    return Double.isInfinite(Double.parseDouble(digits)) ? YScalar.Type.STRING : YScalar.Type.FLOAT;
  }
}
