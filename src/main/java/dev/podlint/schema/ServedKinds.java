package dev.podlint.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Which apiVersion and kind each supported Kubernetes version serves, from the OpenAPI specs
 * ({@code schemas/k8s/kinds.json}: "apiVersion kind" to its definition and the first and last
 * version that serve it). Read once, on first use.
 */
public final class ServedKinds {
  /**
   * One apiVersion of one kind.
   *
   * @param first the oldest supported version that serves it (it may be older still)
   * @param last the newest supported version that serves it
   */
  public record Served(String apiVersion, String kind, String definition, String first, String last) {
    /** Whether Kubernetes {@code version} serves it. */
    public boolean in(String version) {
      return KubernetesVersions.compare(first, version) <= 0 && KubernetesVersions.compare(version, last) <= 0;
    }
  }

  private static volatile Map<String, Served> all;

  private ServedKinds() {}

  /** Every apiVersion and kind some supported version serves, by "apiVersion kind". */
  static Map<String, Served> all() {
    Map<String, Served> a = all;
    if (a == null) {
      synchronized (ServedKinds.class) {
        if (all == null) {
          all = read(KubernetesSchemas.resource("kinds.json"));
        }
        a = all;
      }
    }
    return a;
  }

  /** kinds.json, by line when it has its generated layout, else parsed whole. */
  private static Map<String, Served> read(String file) {
    Map<String, Served> m = new HashMap<>();
    List<JsonLines.Entry> entries = JsonLines.entries(file, 1);
    for (JsonLines.Entry e : entries == null ? List.<JsonLines.Entry>of() : entries) {
      List<String> r = JsonLines.strings(file, e.from(), e.to());
      if (r == null || r.size() != 3) {
        m.clear();
        break;
      }
      m.put(e.key(), served(e.key(), r));
    }
    if (m.isEmpty()) {
      JSONObject o = new JSONObject(file);
      for (String key : o.keySet()) {
        JSONArray r = o.getJSONArray(key);
        m.put(key, served(key, List.of(r.getString(0), r.getString(1), r.getString(2))));
      }
    }
    return m;
  }

  private static Served served(String key, List<String> definitionFirstLast) {
    int space = key.indexOf(' ');
    return new Served(key.substring(0, space), key.substring(space + 1), definitionFirstLast.get(0),
        definitionFirstLast.get(1), definitionFirstLast.get(2));
  }

  /** Which supported versions serve {@code kind} at {@code apiVersion}, if any does. */
  public static Optional<Served> lookup(String apiVersion, String kind) {
    return Optional.ofNullable(all().get(apiVersion + " " + kind));
  }

  /**
   * The apiVersions Kubernetes {@code version} serves {@code kind} at, best first: those of
   * {@code group} before other groups, then stable before beta before alpha, newer before older
   * ({@code v2} before {@code v1}, {@code v1beta2} before {@code v1beta1}).
   */
  public static List<String> apiVersionsOf(String kind, String version, String group) {
    List<String> out = new ArrayList<>();
    for (Served s : all().values()) {
      if (s.kind().equals(kind) && s.in(version)) {
        out.add(s.apiVersion());
      }
    }
    out.sort(Comparator.comparing((String a) -> !groupOf(a).equals(group))
        .thenComparing(ServedKinds::maturity).thenComparing(Comparator.reverseOrder()));
    return out;
  }

  /** The group of an apiVersion ({@code ""} for the core group's {@code v1}). */
  public static String groupOf(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** 0 for a stable version, 1 for beta, 2 for alpha. */
  private static int maturity(String apiVersion) {
    String v = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
    return v.contains("alpha") ? 2 : v.contains("beta") ? 1 : 0;
  }
}
