package dev.podlint.schema;

import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A compiled JSON Schema (draft-07, or the draft its {@code $schema} names) that validates podlint's
 * YAML trees and reports each problem at its node: the generic entry point to everit for packages
 * other than this one (configuration files, rule parameters).
 */
public final class JsonSchema {
  private final Schema schema;

  private JsonSchema(Schema schema) {
    this.schema = schema;
  }

  /**
   * Compiles a schema written as JSON.
   *
   * @throws IllegalArgumentException when the text is not a valid schema
   */
  public static JsonSchema parse(String json) {
    try {
      return compile(new JSONObject(json));
    } catch (JSONException e) {
      throw new IllegalArgumentException("not a JSON Schema: " + e.getMessage(), e);
    }
  }

  /**
   * Compiles a schema written as YAML (a rule file's {@code params}).
   *
   * @throws IllegalArgumentException when the tree is not a valid schema
   */
  public static JsonSchema of(YNode schema) {
    // through text, so that small integers (minLength, maxItems) are the Integers everit expects
    Object json = JsonTree.of(schema);
    if (!(json instanceof JSONObject)) {
      throw new IllegalArgumentException("a JSON Schema must be an object");
    }
    return compile(new JSONObject(json.toString()));
  }

  /** Compiles a schema packaged with podlint, e.g. {@code /schemas/config.schema.json}. */
  public static JsonSchema resource(String path) {
    try (InputStream in = JsonSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("podlint was built without " + path);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema compile(JSONObject raw) {
    try {
      return new JsonSchema(BoundedRegexpFactory.loader().schemaJson(raw).draftV7Support().build().load().build());
    } catch (SchemaException | JSONException e) {
      throw new IllegalArgumentException("not a valid JSON Schema: " + e.getMessage(), e);
    }
  }

  /**
   * Validates {@code instance}; each violation is at the offending node (an unknown key at the
   * key, a wrong value at the value, a missing field at {@code anchor} when the instance itself
   * lacks it, else at the key of the mapping that lacks it). Field paths in the messages are the
   * instance's own path in its document, so {@code rules.x.params.limit} rather than {@code limit}.
   */
  public List<Violation> validate(YNode instance, YNode anchor) {
    return SchemaValidator.validate(schema, instance, anchor, instance.path());
  }

  /** Validates a document root. */
  public List<Violation> validate(YNode root) {
    return SchemaValidator.validate(schema, root, root, YPath.ROOT);
  }
}
