package dev.podlint.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONObject;

/**
 * The definitions of every supported Kubernetes version, each stored once by the hash of its
 * content ({@code schemas/k8s/definitions.json}, one definition a line), and which name has which
 * hash in which version ({@code schemas/k8s/versions.json}: each name's hash from each version on
 * where it changes, {@code ""} from a version that no longer has it). Both are read on first use;
 * a definition is parsed only when a version needs it.
 */
final class DefinitionStore {
  private static volatile Map<String, String> texts;
  private static volatile JSONObject versions;

  private DefinitionStore() {}

  /** The JSON text of each definition of Kubernetes {@code version}, by name. */
  static Map<String, String> definitions(String version) {
    Map<String, String> store = texts();
    JSONObject names = versions();
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names.keySet()) {
      JSONObject changes = names.getJSONObject(name);
      String since = null; // the newest change at or before the version
      for (String from : changes.keySet()) {
        if (KubernetesVersions.compare(from, version) <= 0 && (since == null || KubernetesVersions.compare(from, since) > 0)) {
          since = from;
        }
      }
      String hash = since == null ? "" : changes.getString(since);
      if (!hash.isEmpty()) {
        String text = store.get(hash);
        if (text == null) {
          throw new IllegalStateException("definitions.json lacks " + name + " of Kubernetes " + version);
        }
        out.put(name, text);
      }
    }
    return out;
  }

  /** The JSON text of each stored definition, by hash. */
  static Map<String, String> texts() {
    Map<String, String> t = texts;
    if (t == null) {
      synchronized (DefinitionStore.class) {
        if (texts == null) {
          texts = split(KubernetesSchemas.resource("definitions.json"));
        }
        t = texts;
      }
    }
    return t;
  }

  private static JSONObject versions() {
    JSONObject v = versions;
    if (v == null) {
      synchronized (DefinitionStore.class) {
        if (versions == null) {
          versions = new JSONObject(KubernetesSchemas.resource("versions.json"));
        }
        v = versions;
      }
    }
    return v;
  }

  /**
   * The text of each definition of a definitions file, split at its lines
   * ({@code  "key": {...},}); a file in any other layout is parsed whole instead.
   */
  static Map<String, String> split(String file) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = file.split("\n");
    boolean split = lines.length > 4;
    for (int i = 2; i < lines.length - 2 && split; i++) {
      String line = lines[i];
      int colon = line.indexOf("\": {");
      split = line.startsWith("  \"") && colon > 3 && line.indexOf('"', 3) == colon;
      if (split) {
        String json = line.substring(colon + 3);
        out.put(line.substring(3, colon), json.endsWith(",") ? json.substring(0, json.length() - 1) : json);
      }
    }
    if (!split || out.isEmpty()) {
      out.clear();
      JSONObject all = new JSONObject(file).getJSONObject("definitions");
      for (String key : all.keySet()) {
        out.put(key, all.getJSONObject(key).toString());
      }
    }
    return out;
  }
}
