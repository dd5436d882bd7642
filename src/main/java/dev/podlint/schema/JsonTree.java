package dev.podlint.schema;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.math.BigDecimal;
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

  static Object scalar(YScalar s) {
    switch (s.type()) {
      case NULL:
        return JSONObject.NULL;
      case BOOL:
        return s.asBoolean().orElse(Boolean.FALSE);
      case INT:
        return s.asLong().<Object>map(l -> l).orElseGet(() -> s.asBigInteger().<Object>map(b -> b).orElse(s.value()));
      case FLOAT:
        try {
          BigDecimal d = new BigDecimal(s.value().replace("_", ""));
          // Go writes an integral float64 as an integer in JSON, so `replicas: 1.0` is accepted
          if (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return d.longValue();
          }
          return d.doubleValue();
        } catch (NumberFormatException e) {
          return s.value(); // .inf and .nan: JSON has no such numbers, so the API server cannot take them either
        }
      default:
        return s.value();
    }
  }
}
