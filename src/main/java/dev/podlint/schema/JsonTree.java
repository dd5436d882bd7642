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
    if (n instanceof YMap m) {
      JSONObject o = new JSONObject();
      for (YMap.Entry e : m.effectiveEntries()) {
        if (e.value() instanceof YScalar s && s.isNull()) {
          continue;
        }
        o.put(e.key().value(), of(e.value()));
      }
      return o;
    }
    if (n instanceof YSeq s) {
      JSONArray a = new JSONArray();
      for (YNode item : s.items()) {
        a.put(of(item));
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
