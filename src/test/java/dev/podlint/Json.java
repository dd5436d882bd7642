package dev.podlint;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.math.BigDecimal;
import org.json.JSONArray;
import org.json.JSONObject;

/** YAML tree to org.json values, for validating YAML with JSON Schemas in tests. */
final class Json {
  private Json() {}

  static Object of(YNode n) {
    if (n instanceof YMap m) {
      JSONObject o = new JSONObject();
      for (YMap.Entry e : m.entries()) {
        o.put(e.key().value(), of(e.value()));
      }
      return o;
    }
    if (n instanceof YSeq s) {
      JSONArray a = new JSONArray();
      s.items().forEach(i -> a.put(of(i)));
      return a;
    }
    YScalar s = (YScalar) n;
    return switch (s.type()) {
      case NULL -> JSONObject.NULL;
      case BOOL -> Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT));
      case INT -> s.asLong().<Object>map(l -> l).orElse(s.value());
      case FLOAT -> new BigDecimal(s.value());
      case STRING -> s.value();
    };
  }
}
