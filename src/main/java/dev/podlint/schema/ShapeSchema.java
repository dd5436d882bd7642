package dev.podlint.schema;

import static dev.podlint.schema.EveritErrors.EXTRANEOUS;
import static dev.podlint.schema.EveritErrors.REQUIRED;
import static dev.podlint.schema.EveritErrors.TYPE;
import static dev.podlint.schema.EveritErrors.segments;
import static dev.podlint.schema.EveritErrors.unwrap;

import dev.podlint.model.YMap;
import dev.podlint.schema.EveritErrors.Resolved;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.ConstSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.FalseSchema;
import org.everit.json.schema.NotSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.ValidationException;
import org.json.JSONObject;

/**
 * A draft-07 JSON Schema written in a rule file ({@code match.schema} or {@code match.when} of an
 * {@code engine: schema} rule), compiled once and checked against parts of manifests. Each
 * violation becomes a {@link Problem} at the node DESIGN.md section 5 asks for:
 *
 * <ul>
 *   <li>{@link Kind#MISSING} (a {@code required} property is absent, null or an empty string): the
 *       deepest part of its path that exists. That is the key of the mapping that lacks it, or the
 *       target's own anchor when the target lacks it. A key written with no value, or with a value
 *       that is not a mapping, counts as existing when the schema requires something beneath it
 *       ({@code resources:} or {@code resources: []} when {@code resources.requests} is required).
 *   <li>{@link Kind#FORBIDDEN} (a key the schema rules out with {@code false},
 *       {@code additionalProperties: false} or {@code not: {required: [...]}}): that key.
 *   <li>{@link Kind#VALUE} (anything else: type, enum, const, pattern, bounds): the value when it
 *       is a scalar, else the key that holds the mapping or list (a list item: the item).
 * </ul>
 *
 * <p>Alternatives ({@code anyOf}, {@code oneOf}) that all fail are reported once, as the first
 * alternative's problems, so rule authors list the preferred fix first.
 */
public final class ShapeSchema {
  /** What kind of defect a problem is; rules may word each kind differently. */
  public enum Kind {
    MISSING, VALUE, FORBIDDEN;

    /** The rule-file name of the kind (also the name of the message variant used for it). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One defect of a target.
   *
   * @param at the node to report
   * @param field the path of the missing, wrong or forbidden field relative to the target, e.g.
   *     {@code resources.requests.cpu}; empty for the target itself
   * @param value the wrong value or the forbidden key's value; null for a missing field
   * @param problem a short description, e.g. {@code expected one of Always, Never, got string "x"}
   */
  public record Problem(Kind kind, YNode at, String field, YNode value, String problem) {}

  /** Draft-07 keywords; anything else in a schema is a typo (or an {@code x-} extension). */
  private static final Set<String> KEYWORDS = Set.of(
      "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly",
      "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
      "maxLength", "minLength", "pattern", "format", "items", "additionalItems", "maxItems", "minItems",
      "uniqueItems", "contains", "maxProperties", "minProperties", "required", "properties", "patternProperties",
      "additionalProperties", "dependencies", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf",
      "not", "definitions", "contentMediaType", "contentEncoding");
  private static final Set<String> SCHEMA_VALUED = Set.of(
      "additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not");
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");

  private final Schema schema;

  private ShapeSchema(Schema schema) {
    this.schema = schema;
  }

  /** Compiles a schema that is known to be well formed (a rule packaged with podlint). */
  public static ShapeSchema compile(YMap schema) {
    return new ShapeSchema(load(schema));
  }

  /**
   * Checks and compiles a schema from a user's rule file: unknown keywords, non-local
   * {@code $ref}s, bad regular expressions and anything everit refuses become violations at the
   * offending node (its path is the field within the rule file).
   *
   * @throws InvalidSchemaException with every problem found
   */
  public static ShapeSchema compileChecked(YMap schema) {
    List<Violation> problems = new ArrayList<>();
    lint(schema, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSchemaException(problems);
    }
    try {
      return new ShapeSchema(load(schema));
    } catch (SchemaException e) {
      YNode at = resolveSchemaPointer(schema, e.getSchemaLocation());
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      if (message.startsWith("#") && colon > 0) {
        message = message.substring(colon + 2);
      }
      Matcher t = TYPE.matcher(message);
      if (t.matches()) {
        message = "expected " + SchemaValidator.types(t.group(1)) + ", got " + SchemaValidator.types(t.group(2));
      }
      throw new InvalidSchemaException(List.of(new Violation(at, at.path().describe(), message)));
    } catch (RuntimeException e) {
      throw new InvalidSchemaException(List.of(new Violation(schema, schema.path().describe(),
          "not a usable JSON Schema: " + e.getMessage())));
    }
  }

  /** Thrown by {@link #compileChecked} for a schema that cannot be used. */
  public static final class InvalidSchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public InvalidSchemaException(List<Violation> violations) {
      super(violations.isEmpty() ? "invalid schema" : violations.get(0).field() + ": " + violations.get(0).problem(),
          null, false, false);
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  private static Schema load(YMap schema) {
    // through text, so that small numbers become the Integers everit expects for minLength and friends
    JSONObject json = new JSONObject(JsonTree.of(schema).toString());
    return BoundedRegexpFactory.loader().schemaJson(json).draftV7Support().build().load().build();
  }

  /** Whether {@code target} satisfies the schema (for {@code match.when}). */
  public boolean matches(YNode target) {
    return matchesJson(JsonTree.withoutUnset(target));
  }

  /** {@link #matches} for a target already converted with {@link JsonTree#withoutUnset}. */
  public boolean matchesJson(Object json) {
    try {
      schema.validate(json);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  /**
   * The defects of {@code target}, in document order; none when it complies.
   *
   * @param anchor where to report what the target itself lacks (a container's first line, the
   *     {@code spec:} key of a pod spec)
   */
  public List<Problem> check(YNode target, YNode anchor) {
    return check(target, JsonTree.withoutUnset(target), anchor);
  }

  /**
   * {@link #check(YNode, YNode)} for a target already converted with {@link JsonTree#withoutUnset}
   * ({@code json}; the checks of several rules may share one conversion, validation never changes it).
   */
  public List<Problem> check(YNode target, Object json, YNode anchor) {
    try {
      schema.validate(json);
      return List.of();
    } catch (ValidationException e) {
      Map<List<Object>, Problem> out = new LinkedHashMap<>();
      for (ValidationException leaf : EveritErrors.leaves(e, true)) {
        for (Problem p : problems(leaf, target, anchor)) {
          out.putIfAbsent(List.of(p.kind(), p.field(), p.at().span()), p);
        }
      }
      List<Problem> list = new ArrayList<>(out.values());
      list.sort(Comparator.comparing((Problem p) -> p.at().span()).thenComparing(Problem::field));
      return list;
    }
  }

  private static List<Problem> problems(ValidationException e, YNode target, YNode rootAnchor) {
    Resolved at = EveritErrors.resolve(target, rootAnchor, YPath.ROOT, e.getPointerToViolation());
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    Schema violated = unwrap(e.getViolatedSchema());
    Matcher m;
    if (keyword.equals("required") && (m = REQUIRED.matcher(e.getErrorMessage())).matches()) {
      return List.of(missing(at, m.group(1), violated));
    }
    if (keyword.equals("type") && violated instanceof ObjectSchema os && !os.getRequiredProperties().isEmpty()
        && !(at.node() instanceof YMap)) {
      // `resources: []` where resources.requests is required: what is required is missing beneath the key
      return List.of(new Problem(Kind.MISSING, at.anchor(), requiredChain(at.path(), os).toString(), null, "missing"));
    }
    if ((m = EXTRANEOUS.matcher(e.getErrorMessage())).matches() && at.node() instanceof YMap map
        && map.entry(m.group(1)).isPresent()) {
      return List.of(forbidden(map.entry(m.group(1)).get(), at.path()));
    }
    if (violated instanceof FalseSchema && at.anchor() instanceof YScalar key && !at.path().isRoot()
        && at.path().segments().get(at.path().segments().size() - 1) instanceof String) {
      return List.of(new Problem(Kind.FORBIDDEN, key, at.path().toString(), at.node(), "not allowed"));
    }
    if (violated instanceof NotSchema not && unwrap(not.getMustNotMatch()) instanceof ObjectSchema os
        && !os.getRequiredProperties().isEmpty() && at.node() instanceof YMap map) {
      List<Problem> out = new ArrayList<>();
      for (String key : os.getRequiredProperties()) {
        map.entry(key).filter(en -> !JsonTree.isUnset(en.value())).ifPresent(en -> out.add(forbidden(en, at.path())));
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    YNode where = at.node() instanceof YScalar ? at.node() : at.anchor();
    return List.of(new Problem(Kind.VALUE, where, at.path().toString(), at.node(), describeValueProblem(e, violated,
        at.node())));
  }

  private static Problem forbidden(YMap.Entry entry, YPath parent) {
    return new Problem(Kind.FORBIDDEN, entry.key(), parent.key(entry.key().value()).toString(), entry.value(),
        "not allowed");
  }

  /**
   * {@code key} is missing from the mapping at {@code at}. It is reported at that mapping's anchor,
   * unless the key is written without a value and the schema asks for more beneath it: then the
   * key itself is the deepest part that exists.
   */
  private static Problem missing(Resolved at, String key, Schema violated) {
    Schema property = violated instanceof ObjectSchema os ? unwrap(os.getPropertySchemas().get(key)) : null;
    YPath field = property instanceof ObjectSchema os ? requiredChain(at.path().key(key), os) : at.path().key(key);
    YNode where = at.anchor();
    if (at.node() instanceof YMap map && property instanceof ObjectSchema os && !os.getRequiredProperties().isEmpty()) {
      where = map.entry(key).<YNode>map(YMap.Entry::key).orElse(where);
    }
    return new Problem(Kind.MISSING, where, field.toString(), null, "missing");
  }

  /**
   * {@code path} extended by the keys {@code schema} requires beneath it while it requires exactly
   * one, so that a message names {@code resources.requests.cpu} rather than {@code resources}.
   */
  private static YPath requiredChain(YPath path, ObjectSchema schema) {
    YPath field = path;
    Schema s = schema;
    while (s instanceof ObjectSchema os && os.getRequiredProperties().size() == 1) {
      String next = os.getRequiredProperties().get(0);
      field = field.key(next);
      s = unwrap(os.getPropertySchemas().get(next));
    }
    return field;
  }

  private static String describeValueProblem(ValidationException e, Schema violated, YNode node) {
    String got = SchemaValidator.describe(node);
    Matcher t = TYPE.matcher(e.getErrorMessage());
    if (t.matches()) {
      return "expected " + SchemaValidator.types(t.group(1)) + ", got " + got;
    }
    if (violated instanceof EnumSchema es) {
      return "expected one of " + EveritErrors.allowed(es) + ", got " + got;
    }
    if (violated instanceof ConstSchema cs) {
      return "expected " + cs.getPermittedValue() + ", got " + got;
    }
    if (violated instanceof StringSchema ss && "pattern".equals(e.getKeyword()) && ss.getPattern() != null) {
      return "got " + got + ", which does not match " + ss.getPattern();
    }
    if (violated instanceof NotSchema || violated instanceof FalseSchema) {
      return "got " + got + ", which is not allowed";
    }
    if (violated instanceof CombinedSchema) {
      return "got " + got + ", which matches none of the allowed shapes";
    }
    return e.getErrorMessage() + " (got " + got + ")";
  }

  /** The node of the schema a pointer from everit names (as deep as it exists). */
  private static YNode resolveSchemaPointer(YMap schema, String pointer) {
    YNode cur = schema;
    for (String seg : segments(pointer)) {
      if (cur instanceof YMap m && m.get(seg).isPresent()) {
        cur = m.get(seg).get();
      } else if (cur instanceof YSeq s && EveritErrors.index(seg) >= 0 && EveritErrors.index(seg) < s.size()) {
        cur = s.get(EveritErrors.index(seg));
      } else {
        break;
      }
    }
    return cur;
  }

  // ---------------------------------------------------------------------------------------------
  // Checking a user's schema before everit sees it: everit ignores unknown keywords silently, so a
  // typo such as `requried` would make a rule that never fires.

  private static void lint(YNode schema, List<Violation> out) {
    if (schema instanceof YScalar s && s.type() == YScalar.Type.BOOL) {
      return;
    }
    if (!(schema instanceof YMap m)) {
      out.add(new Violation(schema, schema.path().describe(), "a schema must be a mapping (or true or false), got "
          + SchemaValidator.describe(schema)));
      return;
    }
    for (YMap.Entry e : m.entries()) {
      String k = e.key().value();
      YNode v = e.value();
      if (!KEYWORDS.contains(k)) {
        if (!k.startsWith("x-")) {
          out.add(new Violation(e.key(), m.path().key(k).toString(), "unknown JSON Schema keyword \"" + k + "\""
              + suggestion(k) + " (draft-07; extensions must start with x-)"));
        }
        continue;
      }
      switch (k) {
        case "$ref" -> {
          if (!(v instanceof YScalar r) || !r.value().startsWith("#")) {
            out.add(new Violation(v, v.path().describe(),
                "only references inside the rule file (#/definitions/...) are allowed; podlint never fetches schemas"));
          }
        }
        case "pattern" -> checkRegex(v, v.path(), v instanceof YScalar s ? s.value() : null, out);
        case "items" -> {
          if (v instanceof YSeq seq) {
            seq.items().forEach(i -> lint(i, out));
          } else {
            lint(v, out);
          }
        }
        case "dependencies" -> {
          if (v instanceof YMap deps) {
            for (YMap.Entry d : deps.entries()) {
              if (d.value() instanceof YMap) {
                lint(d.value(), out);
              }
            }
          }
        }
        default -> {
          if (SCHEMA_VALUED.contains(k)) {
            lint(v, out);
          } else if (SCHEMA_MAPS.contains(k)) {
            if (v instanceof YMap props) {
              for (YMap.Entry p : props.entries()) {
                if (k.equals("patternProperties")) {
                  checkRegex(p.key(), props.path().key(p.key().value()), p.key().value(), out);
                }
                lint(p.value(), out);
              }
            } else {
              out.add(new Violation(v, v.path().describe(), "\"" + k + "\" must map names to schemas"));
            }
          } else if (SCHEMA_LISTS.contains(k)) {
            if (v instanceof YSeq seq && seq.size() > 0) {
              seq.items().forEach(i -> lint(i, out));
            } else {
              out.add(new Violation(v, v.path().describe(), "\"" + k + "\" must be a non-empty list of schemas"));
            }
          }
        }
      }
    }
  }

  private static void checkRegex(YNode at, YPath field, String regex, List<Violation> out) {
    if (regex == null) {
      out.add(new Violation(at, field.describe(), "a regular expression must be a string"));
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      out.add(new Violation(at, field.describe(), "invalid regular expression: "
          + e.getDescription() + " near index " + e.getIndex()));
    }
  }

  private static String suggestion(String key) {
    return SchemaValidator.didYouMean(key, KEYWORDS);
  }
}
