package dev.podlint.schema;

import static dev.podlint.schema.EveritErrors.EXTRANEOUS;
import static dev.podlint.schema.EveritErrors.REQUIRED;
import static dev.podlint.schema.EveritErrors.TYPE;

import dev.podlint.model.EditDistance;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.schema.EveritErrors.Resolved;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.ValidationException;
import org.json.JSONObject;

/**
 * Validates an object with everit and turns each leaf violation into one {@link Violation} at the
 * offending node: an unknown key at that key, a missing field at the key of the object that lacks
 * it, a wrong type or value at the value.
 */
public final class SchemaValidator {
  private SchemaValidator() {}

  public static List<Violation> validate(Schema schema, YMap root) {
    return validate(schema, root, root.keyNode("kind").<YNode>map(k -> k).orElse(root), YPath.ROOT);
  }

  /**
   * Validates {@code root}; what the root itself lacks is reported at {@code rootAnchor} (for a
   * Kubernetes object its {@code kind:} key).
   */
  public static List<Violation> validate(Schema schema, YMap root, YNode rootAnchor) {
    return validate(schema, root, rootAnchor, YPath.ROOT);
  }

  /**
   * Validates any tree: {@code anchor} is where a field missing from {@code root} itself is reported, and
   * field paths in messages start with {@code base}.
   */
  static List<Violation> validate(Schema schema, YNode root, YNode anchor, YPath base) {
    try {
      schema.validate(JsonTree.of(root));
      return List.of();
    } catch (ValidationException e) {
      Map<List<Object>, Violation> out = new LinkedHashMap<>();
      for (ValidationException leaf : EveritErrors.leaves(e, false)) {
        Violation v = toViolation(leaf, root, anchor, base);
        out.putIfAbsent(List.of(v.field(), v.problem(), v.node().span()), v);
      }
      List<Violation> list = new ArrayList<>(out.values());
      list.sort(Comparator.comparing(v -> v.node().span()));
      return list;
    }
  }

  private static Violation toViolation(ValidationException e, YNode root, YNode anchor, YPath base) {
    Resolved at = EveritErrors.resolve(root, anchor, base, e.getPointerToViolation());
    String field = at.path().describe();
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String message = e.getErrorMessage();
    Matcher m;
    if ((m = EXTRANEOUS.matcher(message)).matches() && at.node() instanceof YMap map) {
      String key = m.group(1);
      YNode keyNode = map.keyNode(key).<YNode>map(k -> k).orElse(at.anchor());
      String hint = suggestion(key, e.getViolatedSchema());
      return new Violation(keyNode, join(at.path(), key), "unknown field \"" + key + "\"" + hint);
    }
    if ((m = REQUIRED.matcher(message)).matches()) {
      return new Violation(at.anchor(), join(at.path(), m.group(1)), "required field is missing");
    }
    if (keyword.equals("type") || (m = TYPE.matcher(message)).matches()) {
      Matcher t = TYPE.matcher(message);
      String expected = t.matches() ? types(t.group(1)) : message;
      return new Violation(at.node(), field, "expected " + expected + ", got " + describe(at.node()));
    }
    if (keyword.equals("enum") || e.getViolatedSchema() instanceof EnumSchema) {
      String allowed = e.getViolatedSchema() instanceof EnumSchema es
          ? EveritErrors.allowed(es) : "one of the allowed values";
      return new Violation(at.node(), field, "expected one of " + allowed + ", got " + describe(at.node()));
    }
    if (keyword.equals("minLength") && at.node() instanceof YScalar s && s.value().isEmpty()) {
      return new Violation(at.node(), field, "expected a non-empty string");
    }
    if (keyword.equals("pattern") && e.getViolatedSchema() instanceof StringSchema ss && ss.getPattern() != null) {
      String about = ss.getDescription() == null ? "" : " (" + ss.getDescription().strip() + ")";
      return new Violation(at.node(), field, "got " + describe(at.node()) + ", which does not match " + ss.getPattern()
          + about);
    }
    if (keyword.equals("format")) {
      return new Violation(at.node(), field, "expected " + FormatNames.expected(e.getViolatedSchema())
          + ", got " + describe(at.node()) + FormatNames.why(e.getViolatedSchema(), at.node()));
    }
    return new Violation(at.node(), field, message);
  }

  /** "did you mean ..." for an unknown key, from the properties the object does allow. */
  private static String suggestion(String key, Schema violated) {
    return EveritErrors.unwrap(violated) instanceof ObjectSchema os
        ? didYouMean(key, os.getPropertySchemas().keySet()) : "";
  }

  /**
   * {@code ; did you mean "x"?} for the name in {@code candidates} closest to {@code key} (a
   * quarter of its length or two edits away at most), else empty.
   */
  static String didYouMean(String key, Collection<String> candidates) {
    return EditDistance.closest(key, candidates, Math.max(2, key.length() / 4))
        .map(best -> "; did you mean \"" + best + "\"?").orElse("");
  }

  /** everit type names ("Integer", "JSONObject", "one of [String, Integer]") to people's words. */
  static String types(String everit) {
    String s = everit.replace("one of ", "").replace("[", "").replace("]", "");
    List<String> names = new ArrayList<>();
    for (String part : s.split(",\\s*")) {
      names.add(typeName(part.trim()));
    }
    return String.join(" or ", new java.util.LinkedHashSet<>(names));
  }

  private static String typeName(String t) {
    return switch (t) {
      case "JSONObject", "JsonObject" -> "a mapping";
      case "JSONArray", "JsonArray" -> "a list";
      case "Integer", "Long", "BigInteger" -> "integer";
      case "Number", "Double", "BigDecimal", "Float" -> "number";
      case "Boolean" -> "boolean";
      case "String" -> "string";
      default -> t.toLowerCase(Locale.ROOT);
    };
  }

  /** What a node is, for messages: {@code string "three"}, {@code a mapping}, {@code boolean true}. */
  public static String describe(YNode n) {
    if (n instanceof YMap) {
      return "a mapping";
    }
    if (n instanceof YSeq) {
      return "a list";
    }
    YScalar s = (YScalar) n;
    String v = s.value().length() > 40 ? s.value().substring(0, 37) + "..." : s.value();
    return switch (s.type()) {
      case STRING -> "string " + JSONObject.quote(v);
      case INT -> "integer " + v;
      case FLOAT -> "number " + v;
      case BOOL -> "boolean " + v + (s.value().equals("true") || s.value().equals("false") ? "" : " (YAML 1.1 reads "
          + v + " as " + s.asBoolean().orElse(false) + "; quote it for a string)");
      case NULL -> "null";
    };
  }

  private static String join(YPath path, String key) {
    return path.isRoot() ? key : path + "." + key;
  }
}
