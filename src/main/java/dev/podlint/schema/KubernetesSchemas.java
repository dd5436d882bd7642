package dev.podlint.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.everit.json.schema.Schema;
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
 */
public final class KubernetesSchemas {
  /** The Kubernetes versions podlint carries API schemas for, oldest first. */
  public static final java.util.List<String> VERSIONS = java.util.List.of("1.35", "1.36");

  private static final Map<String, KubernetesSchemas> BY_VERSION = new ConcurrentHashMap<>();

  private final String version;
  private volatile Map<String, String> kinds;
  private volatile JSONObject definitions;
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

  /** Compiles every kind in one loader pass, so shared definitions are compiled once. */
  private void compileAll() {
    JSONObject props = new JSONObject();
    for (String def : new java.util.TreeSet<>(kinds().values())) {
      props.put(def, new JSONObject().put("$ref", "#/definitions/" + def));
    }
    JSONObject root = new JSONObject()
        .put("$schema", "http://json-schema.org/draft-04/schema#")
        .put("properties", props)
        .put("definitions", definitions());
    org.everit.json.schema.ObjectSchema all =
        (org.everit.json.schema.ObjectSchema) BoundedRegexpFactory.loader().schemaJson(root).build().load().build();
    all.getPropertySchemas().forEach((def, ref) ->
        compiled.putIfAbsent(def, ((org.everit.json.schema.ReferenceSchema) ref).getReferredSchema()));
    allCompiled = true;
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

  private synchronized JSONObject definitions() {
    if (definitions == null) {
      definitions = new JSONObject(read("definitions.json")).getJSONObject("definitions");
    }
    return definitions;
  }

  /** Compiles one kind alone (called with the lock held). */
  private Schema load(String definition) {
    JSONObject root = new JSONObject()
        .put("$schema", "http://json-schema.org/draft-04/schema#")
        .put("$ref", "#/definitions/" + definition)
        .put("definitions", definitions());
    return BoundedRegexpFactory.loader().schemaJson(root).build().load().build();
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
