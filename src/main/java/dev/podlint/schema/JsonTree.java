package dev.podlint.schema;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * podlint's YAML tree as org.json values, read the way the API server reads YAML: null map
 * values are left out (they mean "unset"), a key given twice keeps its last value, scalars keep
 * the type Kubernetes gives them.
 */
public final class JsonTree {
  private JsonTree() {}

  public static Object of(YNode n) {
    return convert(n, false);
  }

  /**
   * The tree as declarative rules see it: like {@link #of}, and a map value that is an empty or
   * blank string is left out too, because Kubernetes treats {@code key: ""} as unset (its Go types
   * omit empty strings, and its validation reports a required string that is empty as missing).
   */
  public static Object withoutUnset(YNode n) {
    return convert(n, true);
  }

  /** Whether a map value counts as unset for declarative rules: null, or an empty or blank string. */
  public static boolean isUnset(YNode value) {
    return value instanceof YScalar s && (s.isNull() || s.type() == YScalar.Type.STRING && s.value().isBlank());
  }

  private static Object convert(YNode n, boolean dropBlank) {
    if (n instanceof YMap m) {
      JSONObject o = new JSONObject();
      for (YMap.Entry e : m.effectiveEntries()) {
        if (e.value() instanceof YScalar s && s.isNull() || dropBlank && isUnset(e.value())) {
          continue;
        }
        o.put(e.key().value(), convert(e.value(), dropBlank));
      }
      return o;
    }
    if (n instanceof YSeq s) {
      JSONArray a = new JSONArray();
      for (YNode item : s.items()) {
        a.put(convert(item, dropBlank));
      }
      return a;
    }
    return scalar((YScalar) n);
  }

  /**
   * A scalar as the JSON value Kubernetes makes of it. Numbers never become a {@code Double} (org.json
   * refuses the infinities, and a double would round what everit compares): an integer is a
   * {@code Long}, or a {@code BigInteger} beyond a long's range (everit checks it against the
   * field's range exactly); a float is the value Go reads (a 64-bit float), a whole one written as
   * an integer as Go's JSON encoder does ({@code replicas: 1.0} and {@code 1e3} are accepted), any
   * other a {@code BigDecimal}. JSON has no infinity or NaN, so {@code .inf} and {@code .nan} stay
   * text (Kubernetes refuses them in any field, which {@link SchemaValidator} reports).
   */
  static Object scalar(YScalar s) {
    switch (s.type()) {
      case NULL:
        return JSONObject.NULL;
      case BOOL:
        return s.asBoolean().orElse(Boolean.FALSE);
      case INT:
        return s.asBigInteger().<Object>map(JsonTree::integer).orElse(s.value());
      case FLOAT:
        double d = s.asDouble().orElse(Double.NaN);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return s.value();
        }
        return s.asWholeNumber().<Object>map(JsonTree::integer).orElseGet(() -> BigDecimal.valueOf(d));
      default:
        return s.value();
    }
  }

  private static Object integer(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }
}
