package dev.podlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Turns a Kubernetes OpenAPI v2 spec into the strict draft-04 schemas podlint validates with:
 * every definition reachable from a served resource kind, and "apiVersion kind" to definition.
 * {@link SchemaStore} lays the translations of every version out as the files podlint reads.
 *
 * <p>The translation avoids what makes everit noisy or wrong for Kubernetes: no nullable type
 * unions (the loader drops null values, as the API server does), {@code format} only where it is
 * checked and meaningful (date-time strings), int-or-string as {@code type: [string, integer]},
 * quantities as {@code type: [string, number]} whose strings must be quantities ({@code format:
 * quantity}, see {@link KubernetesFormats}), {@code additionalProperties: false} wherever an object
 * lists its properties (unknown fields are errors), and the enumerations of {@code enums.json}.
 * Integers get the range of their Go type ({@code int32} or {@code int64}: decoding a larger number
 * fails), as does the integer of an int-or-string (an {@code int32}); the quantities the API server
 * requires to be zero or more ({@link #NON_NEGATIVE_QUANTITIES}) get {@code format:
 * non-negative-quantity} and {@code minimum: 0}.
 * Run: {@code mvn test -Dtest=GeneratedSchemasTest -Dschemas.update=true}.
 */
public final class SchemaGenerator {
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  /**
   * The quantities the API server's validation rejects below zero ({@code ValidateResourceQuantityValue}
   * and the emptyDir check of {@code k8s.io/kubernetes/pkg/apis/core/validation}): definition, then
   * its properties (a map of quantities or a quantity).
   */
  static final Map<String, Set<String>> NON_NEGATIVE_QUANTITIES = Map.of(
      "io.k8s.api.core.v1.ResourceRequirements", Set.of("limits", "requests"),
      "io.k8s.api.core.v1.VolumeResourceRequirements", Set.of("limits", "requests"),
      "io.k8s.api.core.v1.PodSpec", Set.of("overhead"),
      "io.k8s.api.core.v1.EmptyDirVolumeSource", Set.of("sizeLimit"),
      "io.k8s.api.core.v1.LimitRangeItem", Set.of("default", "defaultRequest", "max", "maxLimitRequestRatio", "min"),
      "io.k8s.api.core.v1.ResourceQuotaSpec", Set.of("hard"),
      "io.k8s.api.node.v1.Overhead", Set.of("podFixed"));

  /**
   * One version's schemas: "apiVersion kind" to definition name for every resource kind users
   * write, and every definition those reach, as canonical JSON (see {@link #canonical}).
   */
  public record Translation(Map<String, String> kinds, Map<String, String> definitions) {}

  /** Translates one spec. */
  public static Translation translate(JSONObject swagger, JSONObject enums) {
    JSONObject defs = swagger.getJSONObject("definitions");
    Map<String, String> kinds = new TreeMap<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String name : new TreeSet<>(defs.keySet())) {
      JSONObject d = defs.getJSONObject(name);
      JSONObject props = d.optJSONObject("properties");
      if (!d.has("x-kubernetes-group-version-kind") || name.endsWith("List") || props == null
          || !props.has("metadata") || !props.getJSONObject("metadata").optString("$ref").endsWith(OBJECT_META)) {
        continue; // not a resource users write (lists, options, events, status)
      }
      JSONArray gvks = d.getJSONArray("x-kubernetes-group-version-kind");
      for (int i = 0; i < gvks.length(); i++) {
        JSONObject g = gvks.getJSONObject(i);
        String group = g.getString("group");
        String apiVersion = group.isEmpty() ? g.getString("version") : group + "/" + g.getString("version");
        kinds.put(apiVersion + " " + g.getString("kind"), name);
      }
      todo.add(name);
    }
    Map<String, String> out = new TreeMap<>();
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (out.containsKey(name)) {
        continue;
      }
      out.put(name, canonical(translate(name, defs.getJSONObject(name), enums.optJSONObject(name), todo)));
    }
    return new Translation(kinds, out);
  }

  private static JSONObject translate(String name, JSONObject def, JSONObject enums, Deque<String> todo) {
    if (name.equals(INT_OR_STRING)) {
      return range(new JSONObject().put("type", new JSONArray().put("string").put("integer")), "int32");
    }
    if (name.equals(QUANTITY)) {
      return quantity(false);
    }
    JSONObject t = node(def, todo);
    Set<String> nonNegative = NON_NEGATIVE_QUANTITIES.getOrDefault(name, Set.of());
    for (String p : nonNegative) {
      JSONObject prop = t.getJSONObject("properties").getJSONObject(p);
      JSONObject holder = prop.has("additionalProperties") ? prop.getJSONObject("additionalProperties") : prop;
      if (!holder.optString("$ref").endsWith("/" + QUANTITY)) {
        throw new IllegalStateException(name + "." + p + " is not a quantity or a map of quantities");
      }
      holder.remove("$ref");
      JSONObject q = quantity(true);
      q.keySet().forEach(k -> holder.put(k, q.get(k)));
    }
    if (enums != null && t.has("properties")) {
      JSONObject props = t.getJSONObject("properties");
      for (String p : enums.keySet()) {
        if (!props.has(p)) {
          throw new IllegalStateException("enums.json names " + name + "." + p + ", which the spec does not have");
        }
        props.getJSONObject(p).put("enum", enums.getJSONArray(p));
      }
    }
    return t;
  }

  /** A quantity: a number, or a string in the quantity grammar; with {@code nonNegative}, neither below 0. */
  private static JSONObject quantity(boolean nonNegative) {
    JSONObject q = new JSONObject().put("type", new JSONArray().put("string").put("number"));
    return nonNegative ? q.put("format", "non-negative-quantity").put("minimum", 0) : q.put("format", "quantity");
  }

  /** {@code t} with the minimum and maximum of Go's {@code int32} or {@code int64} (other formats: as is). */
  private static JSONObject range(JSONObject t, String format) {
    if ("int32".equals(format)) {
      return t.put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
    }
    if ("int64".equals(format)) {
      return t.put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
    }
    return t;
  }

  private static JSONObject node(JSONObject s, Deque<String> todo) {
    JSONObject t = new JSONObject();
    if (s.has("$ref")) {
      String ref = s.getString("$ref");
      todo.add(ref.substring(ref.lastIndexOf('/') + 1));
      return t.put("$ref", ref);
    }
    Object type = s.opt("type");
    if (type != null) {
      t.put("type", type);
    }
    if ("string".equals(type) && "date-time".equals(s.optString("format"))) {
      t.put("format", "date-time");
    }
    if ("integer".equals(type)) {
      range(t, s.optString("format"));
    }
    JSONObject props = s.optJSONObject("properties");
    if (props != null) {
      JSONObject p = new JSONObject();
      for (String k : props.keySet()) {
        p.put(k, node(props.getJSONObject(k), todo));
      }
      t.put("properties", p);
    }
    Object additional = s.opt("additionalProperties");
    if (additional instanceof JSONObject a) {
      t.put("additionalProperties", node(a, todo));
    } else if (additional instanceof Boolean b) {
      t.put("additionalProperties", b);
    } else if (props != null && !s.optBoolean("x-kubernetes-preserve-unknown-fields")) {
      t.put("additionalProperties", false);
    }
    JSONObject items = s.optJSONObject("items");
    if (items != null) {
      t.put("items", node(items, todo));
    }
    JSONArray required = s.optJSONArray("required");
    if (required != null && required.length() > 0) {
      t.put("required", required);
    }
    return t;
  }

  /** JSON with sorted keys, so the output is stable. */
  static String canonical(Object v) {
    if (v instanceof JSONObject o) {
      StringBuilder sb = new StringBuilder("{");
      Set<String> keys = new TreeSet<>(o.keySet());
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(JSONObject.quote(k)).append(':').append(canonical(o.get(k)));
      }
      return sb.append('}').toString();
    }
    if (v instanceof JSONArray a) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < a.length(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(canonical(a.get(i)));
      }
      return sb.append(']').toString();
    }
    return JSONObject.valueToString(v);
  }

  /** Reads a gzip-compressed spec. */
  public static JSONObject readSpec(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private SchemaGenerator() {}
}
