package dev.podlint.schema;

import static dev.podlint.schema.EveritErrors.EXTRANEOUS;
import static dev.podlint.schema.EveritErrors.REQUIRED;
import static dev.podlint.schema.EveritErrors.TYPE;

import dev.podlint.model.EditDistance;
import dev.podlint.model.Quantity;
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
import java.util.Optional;
import java.util.regex.Matcher;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.NumberSchema;
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
    return validate(schema, root, NO_NOTES);
  }

  /**
   * What to add to the words about a field: for a Kubernetes object, in which versions it exists or
   * is required. Empty keeps the generic wording (and, for an unknown field, its "did you mean" hint).
   */
  public interface FieldNotes {
    /** The note on {@code key}, unknown in the mapping at {@code object}, if any. */
    default Optional<String> unknown(YPath object, String key) {
      return Optional.empty();
    }

    /** The note on {@code key}, required but missing in the mapping at {@code object}, if any. */
    default Optional<String> required(YPath object, String key) {
      return Optional.empty();
    }
  }

  private static final FieldNotes NO_NOTES = new FieldNotes() {};

  /** Validates a Kubernetes object; {@code notes} may add to what is said of unknown and missing fields. */
  public static List<Violation> validate(Schema schema, YMap root, FieldNotes notes) {
    return validate(schema, root, root.keyNode("kind").<YNode>map(k -> k).orElse(root), YPath.ROOT, notes);
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
    return validate(schema, root, anchor, base, NO_NOTES);
  }

  /** {@link #validate(Schema, YNode, YNode, YPath)} with {@code notes} on unknown and missing fields. */
  static List<Violation> validate(Schema schema, YNode root, YNode anchor, YPath base, FieldNotes notes) {
    Map<List<Object>, Violation> out = new LinkedHashMap<>();
    java.util.Set<YNode> refused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Violation v : RefusedValues.of(root)) {
      refused.add(v.node());
      out.put(List.of(v.field(), v.problem(), v.node().span()), v);
    }
    try {
      schema.validate(JsonTree.of(root));
    } catch (ValidationException e) {
      for (Leaf leaf : leaves(e)) {
        Violation v = toViolation(leaf, root, anchor, base, notes);
        if (!refused.contains(v.node())) { // what it says about such a value is beside the point
          out.putIfAbsent(List.of(v.field(), v.problem(), v.node().span()), v);
        }
      }
    }
    List<Violation> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing(v -> v.node().span()));
    return list;
  }

  /**
   * One violation everit found, at {@code pointer}; {@code expected}, when not null, the types of
   * every alternative of an {@code anyOf} that the value has none of ({@code string or number});
   * {@code quantity}, whether it is about the value of a quantity (a string in the quantity format,
   * or a number).
   */
  private record Leaf(ValidationException e, String pointer, String expected, boolean quantity) {}

  /**
   * The violations to report: everit's leaves, except that for a failed {@code anyOf} (a type union
   * such as int-or-string or a quantity) only the alternatives of the value's own type speak (a
   * quantity string that is not one, not also "expected number"), and when the value has none of
   * the alternatives' types, one leaf names them all.
   */
  private static List<Leaf> leaves(ValidationException e) {
    List<Leaf> out = new ArrayList<>();
    collect(e, null, null, false, out);
    return out;
  }

  /**
   * Collects the leaves below {@code e}. everit escapes the pointers of an {@code anyOf}'s causes
   * twice ({@code a~1b} becomes {@code a~01b}), so below one, {@code escaped} is replaced by the
   * {@code anyOf}'s own pointer {@code pointer}.
   */
  private static void collect(ValidationException e, String escaped, String pointer, boolean quantity,
      List<Leaf> out) {
    List<ValidationException> causes = e.getCausingExceptions();
    String at = e.getPointerToViolation();
    if (escaped != null && at != null && at.startsWith(escaped)) {
      at = pointer + at.substring(escaped.length());
    }
    if (causes.isEmpty()) {
      out.add(new Leaf(e, at, null, quantity));
      return;
    }
    if (!"anyOf".equals(e.getKeyword()) && !"oneOf".equals(e.getKeyword())) {
      causes.forEach(c -> collect(c, escaped, pointer, quantity, out));
      return;
    }
    String twice = at == null ? null : at.replace("~", "~0");
    boolean ofQuantity = causes.stream().anyMatch(c -> KubernetesFormats.isQuantity(c.getViolatedSchema()));
    List<ValidationException> ofType = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (ValidationException c : causes) {
      Matcher t = TYPE.matcher(c.getErrorMessage());
      String cause = c.getPointerToViolation();
      boolean here = java.util.Objects.equals(cause, at) || java.util.Objects.equals(cause, twice);
      if (c.getCausingExceptions().isEmpty() && "type".equals(c.getKeyword()) && t.matches() && here) {
        expected.add(t.group(1));
      } else {
        ofType.add(c);
      }
    }
    if (!ofType.isEmpty()) {
      for (ValidationException c : ofType) {
        collect(c, twice, at, ofQuantity, out);
      }
    } else {
      expected.sort(null); // everit keeps no order
      out.add(new Leaf(causes.get(0), at, String.join(", ", expected), ofQuantity));
    }
  }

  private static Violation toViolation(Leaf leaf, YNode root, YNode anchor, YPath base, FieldNotes notes) {
    ValidationException e = leaf.e();
    Resolved at = EveritErrors.resolve(root, anchor, base, leaf.pointer());
    String field = at.path().describe();
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String message = e.getErrorMessage();
    Schema violated = e.getViolatedSchema();
    Matcher m;
    if ((m = EXTRANEOUS.matcher(message)).matches() && at.node() instanceof YMap map) {
      String key = m.group(1);
      YNode keyNode = map.keyNode(key).<YNode>map(k -> k).orElse(at.anchor());
      String words = notes.unknown(at.path(), key).map(n -> " " + n).orElseGet(() -> suggestion(key, violated));
      return new Violation(keyNode, join(at.path(), key), "unknown field \"" + key + "\"" + words);
    }
    if ((m = REQUIRED.matcher(message)).matches()) {
      String note = notes.required(at.path(), m.group(1)).map(n -> " " + n).orElse("");
      return new Violation(at.anchor(), join(at.path(), m.group(1)), "required field is missing" + note);
    }
    if (leaf.expected() != null || keyword.equals("type") || (m = TYPE.matcher(message)).matches()) {
      Matcher t = TYPE.matcher(message);
      String expected = leaf.expected() != null ? types(leaf.expected()) : t.matches() ? types(t.group(1)) : message;
      return new Violation(at.node(), field, "expected " + expected + ", got " + describe(at.node()));
    }
    if (keyword.equals("minimum") && leaf.quantity()) {
      return new Violation(at.node(), field, "got " + describe(at.node()) + ", but this quantity must not be negative");
    }
    if ((keyword.equals("minimum") || keyword.equals("maximum")) && violated instanceof NumberSchema ns) {
      return new Violation(at.node(), field, outOfRange(ns, at.node()));
    }
    if (keyword.equals("enum") || violated instanceof EnumSchema) {
      String allowed = violated instanceof EnumSchema es
          ? EveritErrors.allowed(es) : "one of the allowed values";
      return new Violation(at.node(), field, "expected one of " + allowed + ", got " + describe(at.node()));
    }
    if (keyword.equals("minLength") && at.node() instanceof YScalar s && s.value().isEmpty()) {
      return new Violation(at.node(), field, "expected a non-empty string");
    }
    if (keyword.equals("pattern") && violated instanceof StringSchema ss && ss.getPattern() != null) {
      String about = ss.getDescription() == null ? "" : " (" + ss.getDescription().strip() + ")";
      return new Violation(at.node(), field, "got " + describe(at.node()) + ", which does not match " + ss.getPattern()
          + about);
    }
    if (keyword.equals("format") && KubernetesFormats.isQuantity(violated)) {
      return new Violation(at.node(), field, message.equals(KubernetesFormats.NEGATIVE)
          ? "got " + describe(at.node()) + ", but this quantity must not be negative"
          : "expected a quantity (" + Quantity.FORMS + "), got " + describe(at.node()) + ": " + message);
    }
    if (keyword.equals("format")) {
      return new Violation(at.node(), field, "expected " + FormatNames.expected(e.getViolatedSchema())
          + ", got " + describe(at.node()) + FormatNames.why(e.getViolatedSchema(), at.node()));
    }
    return new Violation(at.node(), field, message);
  }

  /**
   * A number below a field's minimum or above its maximum, such as an integer out of its Go type's
   * range ({@code int32}, {@code int64}).
   */
  private static String outOfRange(NumberSchema ns, YNode node) {
    Number min = ns.getMinimum();
    Number max = ns.getMaximum();
    String got = ", got " + describe(node);
    String what = ns.requiresInteger() ? "an integer" : "a number";
    if (min != null && max != null) {
      String type = min.longValue() == Integer.MIN_VALUE && max.longValue() == Integer.MAX_VALUE ? " (int32)"
          : min.longValue() == Long.MIN_VALUE && max.longValue() == Long.MAX_VALUE ? " (int64)" : "";
      return "expected " + what + " from " + min + " to " + max + type + got;
    }
    return "expected " + what + (min != null ? " of at least " + min : " of at most " + max) + got;
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

  /**
   * What a node is, for messages: {@code string "three"}, {@code a mapping}, {@code boolean true},
   * with what makes it so where that may surprise: the tag that made it a string, a number Go's
   * YAML reader keeps as text, a number JSON cannot hold.
   */
  public static String describe(YNode n) {
    if (n instanceof YMap) {
      return "a mapping";
    }
    if (n instanceof YSeq) {
      return "a list";
    }
    YScalar s = (YScalar) n;
    String v = shorten(s.value());
    String what = switch (s.type()) {
      case STRING -> "string " + JSONObject.quote(v) + (s.tag() == null && !s.quoted() && NUMBER.matcher(s.value()).matches()
          ? " (a number too large for Kubernetes' YAML reader, which keeps it as text)" : "");
      case INT -> "integer " + v;
      case FLOAT -> "number " + v;
      case BOOL -> "boolean " + v + (s.value().equals("true") || s.value().equals("false") || s.tag() != null
          ? "" : " (YAML 1.1 reads " + v + " as " + s.asBoolean().orElse(false) + "; quote it for a string)");
      case NULL -> "null";
    };
    return s.tag() == null ? what : what + " (tagged " + shorten(s.tag()) + ")";
  }

  /**
   * Text that looks like a number as YAML 1.1 writes one (a decimal, a float, {@code 0x}, {@code 0o},
   * {@code 0b}), for {@link #describe}: a plain string of this form is a number too large to read.
   */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
      "[-+]?((\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+)");

  /** {@code text}, cut to 40 characters for a message. */
  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private static String join(YPath path, String key) {
    return path.isRoot() ? key : path + "." + key;
  }
}
