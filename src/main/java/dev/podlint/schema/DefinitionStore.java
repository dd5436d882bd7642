package dev.podlint.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONObject;

/**
 * The definitions of every supported Kubernetes version, each stored once by the hash of its
 * content ({@code schemas/k8s/definitions.json}, one definition a line), and which name has which
 * hash in which version ({@code schemas/k8s/versions.json}: each name's hash from each version on
 * where it changes, {@code ""} from a version that no longer has it). Both are read on first use,
 * and indexed by line: a definition's text is cut out of the file and parsed only when a version
 * needs it, once for every version that has it. Parsed definitions are shared, so nobody may
 * change them.
 */
final class DefinitionStore {
  /** The text of definitions.json in the one-definition-a-line layout, and each hash's place in it. */
  record Store(String text, Map<String, JsonLines.Entry> byHash) {
    /** The text of the definition with {@code hash}, or null. */
    String get(String hash) {
      JsonLines.Entry e = byHash.get(hash);
      return e == null ? null : text.substring(e.from(), e.to());
    }
  }

  private static volatile Store store;
  /** versions.json: each definition name to its changes, version and hash alternating, oldest first. */
  private static volatile Map<String, List<String>> changes;

  /** Definitions parsed so far, by hash. */
  private static final Map<String, JSONObject> PARSED = new ConcurrentHashMap<>();

  private DefinitionStore() {}

  /** The parsed definition with {@code hash}, or null when the store has none. */
  static JSONObject parsed(String hash) {
    JSONObject d = PARSED.get(hash);
    if (d == null) {
      String text = text(hash);
      if (text == null) {
        return null;
      }
      d = new JSONObject(text);
      JSONObject raced = PARSED.putIfAbsent(hash, d);
      d = raced == null ? d : raced;
    }
    return d;
  }

  /** The JSON text of the definition with {@code hash}, or null when the store has none. */
  static String text(String hash) {
    return store().get(hash);
  }

  /** The hash of each definition of Kubernetes {@code version}, by name. */
  static Map<String, String> hashes(String version) {
    Map<String, String> out = new HashMap<>();
    changes().forEach((name, c) -> {
      String hash = "";
      for (int i = 0; i < c.size() && KubernetesVersions.compare(c.get(i), version) <= 0; i += 2) {
        hash = c.get(i + 1);
      }
      if (!hash.isEmpty()) {
        out.put(name, hash);
      }
    });
    return out;
  }

  /** Reads and indexes both files now rather than when the first object needs validating. */
  static void read() {
    store();
    changes();
  }

  private static Store store() {
    Store s = store;
    if (s == null) {
      synchronized (DefinitionStore.class) {
        if (store == null) {
          store = index(KubernetesSchemas.resource("definitions.json"));
        }
        s = store;
      }
    }
    return s;
  }

  /**
   * Indexes a definitions file by line; a file in any other layout is parsed whole and laid out
   * that way first.
   */
  static Store index(String file) {
    List<JsonLines.Entry> entries = JsonLines.entries(file, 2);
    String text = file;
    if (entries == null || entries.isEmpty()) {
      JSONObject all = new JSONObject(file).getJSONObject("definitions");
      StringBuilder sb = new StringBuilder("{\n \"definitions\": {\n");
      for (String key : all.keySet()) {
        sb.append("  ").append(JSONObject.quote(key)).append(": ").append(all.getJSONObject(key)).append(",\n");
      }
      text = sb.append(" }\n}\n").toString();
      entries = JsonLines.entries(text, 2);
    }
    Map<String, JsonLines.Entry> byHash = new HashMap<>(entries.size() * 2);
    for (JsonLines.Entry e : entries) {
      byHash.put(e.key(), e);
    }
    return new Store(text, byHash);
  }

  private static Map<String, List<String>> changes() {
    Map<String, List<String>> c = changes;
    if (c == null) {
      synchronized (DefinitionStore.class) {
        if (changes == null) {
          changes = readChanges(KubernetesSchemas.resource("versions.json"));
        }
        c = changes;
      }
    }
    return c;
  }

  /** versions.json, by line when it has its generated layout, else parsed whole. */
  private static Map<String, List<String>> readChanges(String file) {
    Map<String, List<String>> out = new HashMap<>();
    List<JsonLines.Entry> entries = JsonLines.entries(file, 1);
    if (entries != null) {
      for (JsonLines.Entry e : entries) {
        List<String> s = JsonLines.strings(file, e.from(), e.to());
        if (s == null || s.size() % 2 != 0) {
          entries = null;
          break;
        }
        out.put(e.key(), s);
      }
    }
    if (entries == null) {
      out.clear();
      JSONObject all = new JSONObject(file);
      for (String name : all.keySet()) {
        JSONObject byVersion = all.getJSONObject(name);
        List<String> s = new ArrayList<>();
        byVersion.keySet().stream().sorted(KubernetesVersions::compare)
            .forEach(v -> s.addAll(List.of(v, byVersion.getString(v))));
        out.put(name, s);
      }
    }
    return out;
  }
}
