package dev.podlint.schema;

import dev.podlint.model.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.everit.json.schema.Schema;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The API schemas of one Kubernetes version, generated from its OpenAPI spec into
 * {@code schemas/k8s/v<version>/}. Everything loads lazily: the kind index on first use, the
 * definitions document when the first object needs validating, and each kind's schema once.
 *
 * <p>Kinds share most of their definitions (every workload kind holds a PodSpec), and everit
 * compiles shared definitions again for each root it loads. So the first few kinds a run meets are
 * compiled alone (a one-file pre-commit run pays only for its kinds, about 0.1 s each when warm),
 * and once a run has met {@value #SHARED_AFTER} kinds, every kind is compiled together in one pass
 * that compiles each definition once (about 0.9 s for all of them).
 *
 * <p>A kind compiled alone gets only the definitions it reaches through {@code $ref} (120 of 668
 * for a Deployment, 16 for a Service): everit walks and copies the whole root document while it
 * resolves references, so the unused definitions made a Deployment's schema several times slower
 * to compile. {@code definitions.json} holds one definition a line (see SchemaGenerator), so
 * only the definitions a kind reaches are parsed until every kind is compiled.
 */
public final class KubernetesSchemas {
  /** The Kubernetes versions podlint carries API schemas for, oldest first. */
  public static final List<String> VERSIONS = List.of("1.35", "1.36");

  private static final Map<String, KubernetesSchemas> BY_VERSION = new ConcurrentHashMap<>();

  private final String version;
  private volatile Map<String, String> kinds;
  /** Definition name to its JSON text (one line of definitions.json), read on first use. */
  private Map<String, String> definitionText;
  /** Definitions parsed so far, by name. */
  private final Map<String, JSONObject> parsed = new HashMap<>();
  /** After this many distinct kinds, compile all kinds at once. */
  static final int SHARED_AFTER = 4;

  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private volatile boolean allCompiled;

  private KubernetesSchemas(String version) {
    this.version = version;
  }

  /** The schemas of Kubernetes {@code version} ("1.36"). */
  public static KubernetesSchemas forVersion(String version) {
    return BY_VERSION.computeIfAbsent(version, KubernetesSchemas::new);
  }

  public String version() {
    return version;
  }

  /** The schema of {@code apiVersion}/{@code kind}, or empty when this version does not serve it. */
  public Optional<Schema> schema(String apiVersion, String kind) {
    String def = kinds().get(apiVersion + " " + kind);
    if (def == null) {
      return Optional.empty();
    }
    Schema s = compiled.get(def);
    if (s != null) {
      return Optional.of(s);
    }
    synchronized (this) {
      s = compiled.get(def);
      if (s == null) {
        if (compiled.size() + 1 >= SHARED_AFTER && !allCompiled) {
          compileAll();
          s = compiled.get(def);
        } else {
          s = load(def);
          compiled.put(def, s);
        }
      }
      return Optional.of(s);
    }
  }

  /**
   * A schema to validate {@code document}, an object of {@code apiVersion}/{@code kind}, with, or empty when this version does not serve the kind. The
   * first {@value #FITTED_DOCUMENTS} documents a process validates before their kind is compiled
   * get a schema fitted to them (see {@link #fitted}); later ones the kind's whole schema.
   */
  public Optional<Schema> schemaFor(String apiVersion, String kind, YNode document) {
    String def = kinds().get(apiVersion + " " + kind);
    if (def == null) {
      return Optional.empty();
    }
    if (!compiled.containsKey(def)) {
      synchronized (this) {
        if (!compiled.containsKey(def) && fittedSoFar < FITTED_DOCUMENTS) {
          fittedSoFar++;
          return Optional.of(fitted(def, JsonTree.of(document)));
        }
      }
    }
    return schema(apiVersion, kind);
  }

  /** The fitted schema for {@code document}, however many documents had one before (tests). */
  synchronized Optional<Schema> fittedSchema(String apiVersion, String kind, YNode document) {
    return Optional.ofNullable(kinds().get(apiVersion + " " + kind)).map(def -> fitted(def, JsonTree.of(document)));
  }

  /** How many documents get a fitted schema before their kind is compiled whole. */
  static final int FITTED_DOCUMENTS = 8;

  private int fittedSoFar;

  /**
   * The schema of {@code definition} with the subschema of every property the document does not
   * have replaced by the empty schema, and only the definitions the rest refers to: for one
   * Deployment of a pre-commit run, a fraction of the 120 definitions its whole schema compiles.
   * Validation gives the same violations: a property the document lacks is never validated against
   * its subschema, and {@code required}, {@code additionalProperties} and the property names (for
   * "did you mean" hints) stay as they are (called with the lock held).
   */
  private Schema fitted(String definition, Object document) {
    Map<JSONObject, Set<String>> used = new IdentityHashMap<>();
    JSONObject root = new JSONObject()
        .put("$schema", "http://json-schema.org/draft-04/schema#")
        .put("$ref", DEFINITIONS + definition);
    markUsed(root, document, used);
    JSONObject defs = new JSONObject();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(definition));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!defs.has(name)) {
        JSONObject pruned = (JSONObject) prune(definition(name), used);
        defs.put(name, pruned);
        references(pruned, todo);
      }
    }
    return KubernetesFormats.loader().schemaJson(root.put("definitions", defs)).build().load().build();
  }

  /** Records, for each {@code properties} object of the schema, which of its properties {@code value} has. */
  private void markUsed(JSONObject schema, Object value, Map<JSONObject, Set<String>> used) {
    if (schema.opt("$ref") instanceof String ref && ref.startsWith(DEFINITIONS)) {
      markUsed(definition(ref.substring(DEFINITIONS.length())), value, used);
      return;
    }
    if (value instanceof JSONObject o) {
      JSONObject props = schema.optJSONObject("properties");
      JSONObject additional = schema.optJSONObject("additionalProperties");
      for (String key : o.keySet()) {
        JSONObject sub = props == null ? null : props.optJSONObject(key);
        if (sub != null) {
          used.computeIfAbsent(props, p -> new HashSet<>()).add(key);
          markUsed(sub, o.get(key), used);
        } else if (additional != null) {
          markUsed(additional, o.get(key), used);
        }
      }
    } else if (value instanceof JSONArray a && schema.optJSONObject("items") != null) {
      for (Object item : a) {
        markUsed(schema.getJSONObject("items"), item, used);
      }
    }
  }

  /** A copy of {@code json} whose unused properties (see {@link #markUsed}) have the empty schema. */
  private static Object prune(Object json, Map<JSONObject, Set<String>> used) {
    if (json instanceof JSONObject o) {
      JSONObject out = new JSONObject();
      for (String key : o.keySet()) {
        Object v = o.get(key);
        if (key.equals("properties") && v instanceof JSONObject props) {
          Set<String> keep = used.getOrDefault(props, Set.of());
          JSONObject p = new JSONObject();
          for (String name : props.keySet()) {
            p.put(name, keep.contains(name) ? prune(props.get(name), used) : new JSONObject());
          }
          out.put(key, p);
        } else {
          out.put(key, prune(v, used));
        }
      }
      return out;
    }
    if (json instanceof JSONArray a) {
      JSONArray out = new JSONArray();
      for (Object v : a) {
        out.put(prune(v, used));
      }
      return out;
    }
    return json;
  }

  /** Compiles every kind in one loader pass, so shared definitions are compiled once. */
  private void compileAll() {
    JSONObject props = new JSONObject();
    for (String def : new java.util.TreeSet<>(kinds().values())) {
      props.put(def, new JSONObject().put("$ref", "#/definitions/" + def));
    }
    JSONObject all = new JSONObject();
    for (String name : definitionText().keySet()) {
      all.put(name, definition(name));
    }
    JSONObject root = new JSONObject()
        .put("$schema", "http://json-schema.org/draft-04/schema#")
        .put("properties", props)
        .put("definitions", all);
    org.everit.json.schema.ObjectSchema compiledAll =
        (org.everit.json.schema.ObjectSchema) KubernetesFormats.loader().schemaJson(root).build().load().build();
    compiledAll.getPropertySchemas().forEach((def, ref) ->
        compiled.putIfAbsent(def, ((org.everit.json.schema.ReferenceSchema) ref).getReferredSchema()));
    allCompiled = true;
  }

  /** Whether this version serves {@code kind} at {@code apiVersion} (without compiling its schema). */
  public boolean serves(String apiVersion, String kind) {
    return kinds().containsKey(apiVersion + " " + kind);
  }

  /** Whether any served apiVersion has this kind. */
  public boolean knowsKind(String kind) {
    return kindNames().contains(kind);
  }

  private volatile Set<String> kindNames;

  /** The kinds some served apiVersion has ({@code Deployment}, {@code Pod}, ...). */
  public Set<String> kindNames() {
    Set<String> k = kindNames;
    if (k == null) {
      k = kinds().keySet().stream().map(s -> s.substring(s.indexOf(' ') + 1)).collect(Collectors.toSet());
      kindNames = k;
    }
    return k;
  }

  private Map<String, String> kinds() {
    Map<String, String> k = kinds;
    if (k == null) {
      synchronized (this) {
        if (kinds == null) {
          JSONObject o = new JSONObject(read("kinds.json"));
          Map<String, String> m = new HashMap<>();
          for (String key : o.keySet()) {
            m.put(key, o.getString(key));
          }
          kinds = m;
        }
        k = kinds;
      }
    }
    return k;
  }

  /** Compiles one kind alone with the definitions it reaches (called with the lock held). */
  private Schema load(String definition) {
    JSONObject reached = new JSONObject();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(definition));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!reached.has(name)) {
        JSONObject d = definition(name);
        reached.put(name, d);
        references(d, todo);
      }
    }
    JSONObject root = new JSONObject()
        .put("$schema", "http://json-schema.org/draft-04/schema#")
        .put("$ref", DEFINITIONS + definition)
        .put("definitions", reached);
    return KubernetesFormats.loader().schemaJson(root).build().load().build();
  }

  private static final String DEFINITIONS = "#/definitions/";

  /** Adds the definitions {@code json} refers to (its {@code $ref}s, at any depth) to {@code out}. */
  private static void references(Object json, Collection<String> out) {
    if (json instanceof JSONObject o) {
      for (String key : o.keySet()) {
        Object v = o.get(key);
        if (key.equals("$ref") && v instanceof String ref && ref.startsWith(DEFINITIONS)) {
          out.add(ref.substring(DEFINITIONS.length()));
        } else {
          references(v, out);
        }
      }
    } else if (json instanceof JSONArray a) {
      for (Object v : a) {
        references(v, out);
      }
    }
  }

  /** The parsed definition {@code name} (called with the lock held). */
  private JSONObject definition(String name) {
    JSONObject d = parsed.get(name);
    if (d == null) {
      String text = definitionText().get(name);
      if (text == null) {
        throw new IllegalStateException("definitions.json of Kubernetes " + version + " lacks " + name);
      }
      d = new JSONObject(text);
      parsed.put(name, d);
    }
    return d;
  }

  /** Reads and indexes the definitions now rather than when the first object needs validating. */
  public synchronized void readDefinitions() {
    definitionText();
  }

  /** The text of each definition, read on first use (called with the lock held). */
  private Map<String, String> definitionText() {
    if (definitionText == null) {
      definitionText = splitDefinitions(read("definitions.json"), parsed);
    }
    return definitionText;
  }

  /**
   * The text of each definition of a definitions.json, split at its lines ({@code  "name": {...},});
   * a file in any other layout is parsed whole instead, its definitions put into {@code parsed}.
   */
  static Map<String, String> splitDefinitions(String file, Map<String, JSONObject> parsed) {
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
      for (String name : all.keySet()) {
        parsed.put(name, all.getJSONObject(name));
        out.put(name, all.getJSONObject(name).toString());
      }
    }
    return out;
  }

  /** A new instance, not shared with the rest of the process (tests). */
  static KubernetesSchemas uncached(String version) {
    return new KubernetesSchemas(version);
  }

  /** Compiles every kind in one pass now (tests compare it with kinds compiled alone). */
  synchronized void compileAllNow() {
    if (!allCompiled) {
      compileAll();
    }
  }

  private String read(String file) {
    String path = "/schemas/k8s/v" + version + "/" + file;
    try (InputStream in = KubernetesSchemas.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("podlint was built without " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
