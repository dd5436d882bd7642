package dev.podlint.schema;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * The API schemas of one Kubernetes version, generated from its OpenAPI spec: the kinds it serves
 * ({@link ServedKinds}) and its definitions, which the versions share ({@link DefinitionStore}).
 * Everything loads lazily: the kind index on first use, the definitions when the first object
 * needs validating, and each kind's schema once.
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
 * to compile. Only the definitions a kind reaches are parsed until every kind is compiled.
 */
public final class KubernetesSchemas {
  /** The Kubernetes versions podlint carries API schemas for, oldest first. */
  public static final List<String> VERSIONS = KubernetesVersions.ALL;

  private static final Map<String, KubernetesSchemas> BY_VERSION = new ConcurrentHashMap<>();

  private final String version;
  private volatile Map<String, String> kinds;
  /** Definition name to the hash of its text in the store, read on first use. */
  private Map<String, String> definitionHashes;
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

  /**
   * The violations of {@code object}, an object of {@code apiVersion}/{@code kind}, against this
   * version's schema; none when this version does not serve the kind. An unknown field that
   * another supported version has says in which version it was added or removed, and a missing
   * field that not every version requires since or until when it is required.
   */
  public List<Violation> validate(String apiVersion, String kind, YMap object) {
    return schemaFor(apiVersion, kind, object)
        .map(schema -> SchemaValidator.validate(schema, object, new FieldHistory(version, apiVersion, kind)))
        .orElse(List.of());
  }

  /** The definitions of a pod template and a pod spec. */
  private static final String POD_TEMPLATE = "io.k8s.api.core.v1.PodTemplateSpec";
  private static final String POD_SPEC = "io.k8s.api.core.v1.PodSpec";

  /**
   * The violations of the pod part of an object whose kind this version does not serve (a kind of
   * an operator, or one a configuration declares): {@code pod} is a pod template (a
   * PodTemplateSpec) when {@code template}, else a pod spec; what it lacks itself is reported at
   * {@code anchor}. Field paths start at the object; an unknown or missing field says in which
   * versions a pod has it, as it does for a PodTemplate.
   */
  public List<Violation> validatePod(YMap pod, boolean template, YNode anchor) {
    Schema schema = definitionSchema(template ? POD_TEMPLATE : POD_SPEC);
    int own = pod.path().segments().size();
    List<Object> inPodTemplate = template ? List.of("template") : List.of("template", "spec");
    FieldHistory notes = new FieldHistory(version, "v1", "PodTemplate", path -> {
      List<Object> out = new ArrayList<>(inPodTemplate);
      List<Object> segments = path.segments();
      out.addAll(segments.subList(Math.min(own, segments.size()), segments.size()));
      return out;
    });
    return SchemaValidator.validate(schema, pod, anchor, pod.path(), notes);
  }

  /** The compiled schema of one definition. */
  private Schema definitionSchema(String def) {
    Schema s = compiled.get(def);
    if (s != null) {
      return s;
    }
    synchronized (this) {
      return compiled.computeIfAbsent(def, this::load);
    }
  }

  /**
   * The schema of the mapping at {@code path} (keys and list indexes) in an object of
   * {@code apiVersion}/{@code kind}, references followed; empty when this version does not serve
   * the kind or its schema has no mapping with listed fields there.
   */
  synchronized Optional<JSONObject> mappingAt(String apiVersion, String kind, List<Object> path) {
    String def = kinds().get(apiVersion + " " + kind);
    if (def == null) {
      return Optional.empty();
    }
    JSONObject s = resolved(definition(def));
    for (Object segment : path) {
      JSONObject next;
      if (segment instanceof String k) {
        JSONObject props = s.optJSONObject("properties");
        next = props != null && props.has(k) ? props.optJSONObject(k) : s.optJSONObject("additionalProperties");
      } else {
        next = s.optJSONObject("items");
      }
      if (next == null) {
        return Optional.empty();
      }
      s = resolved(next);
    }
    return s.has("properties") ? Optional.of(s) : Optional.empty();
  }

  /** {@code schema} with references followed (called with the lock held). */
  private JSONObject resolved(JSONObject schema) {
    JSONObject s = schema;
    while (s.opt("$ref") instanceof String ref && ref.startsWith(DEFINITIONS)) {
      s = definition(ref.substring(DEFINITIONS.length()));
    }
    return s;
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
    for (String name : definitionHashes().keySet()) {
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
          Map<String, String> m = new HashMap<>();
          for (ServedKinds.Served s : ServedKinds.all().values()) {
            if (s.in(version)) {
              m.put(s.apiVersion() + " " + s.kind(), s.definition());
            }
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

  /** The parsed definition {@code name}, shared with the versions that have the same (called with the lock held). */
  private JSONObject definition(String name) {
    String hash = definitionHashes().get(name);
    JSONObject d = hash == null ? null : DefinitionStore.parsed(hash);
    if (d == null) {
      throw new IllegalStateException("the definitions of Kubernetes " + version + " lack " + name);
    }
    return d;
  }

  /** Reads and indexes the definitions now rather than when the first object needs validating. */
  public synchronized void readDefinitions() {
    DefinitionStore.read();
    definitionHashes();
  }

  /** The hash of each definition of this version, by name, read on first use (called with the lock held). */
  private Map<String, String> definitionHashes() {
    if (definitionHashes == null) {
      definitionHashes = DefinitionStore.hashes(version);
    }
    return definitionHashes;
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

  /** The text of {@code schemas/k8s/<file>} in the jar. */
  static String resource(String file) {
    String path = "/schemas/k8s/" + file;
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
