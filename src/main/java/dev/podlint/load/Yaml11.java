package dev.podlint.load;

import dev.podlint.model.YScalar;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain scalars as Kubernetes does: sigs.k8s.io/yaml converts YAML to JSON with a fork of
 * go-yaml v2, which follows YAML 1.1 (yes/no/on/off booleans, 0755 octal, 1_000 integers).
 */
final class Yaml11 {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> SPECIAL_FLOATS = Set.of(
      ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

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
    return FLOAT.matcher(plain.replace("_", "")).matches() ? YScalar.Type.FLOAT : YScalar.Type.STRING;
  }
}
