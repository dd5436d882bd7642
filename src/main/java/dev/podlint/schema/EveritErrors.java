package dev.podlint.schema;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;

/**
 * Reading everit's {@link ValidationException}s back onto the YAML tree: the leaf violations, the
 * node each one's JSON pointer names, and the parts of everit's messages that podlint rewords.
 * Shared by {@link SchemaValidator} (Kubernetes and configuration schemas) and {@link ShapeSchema}
 * (rule-file schemas).
 */
final class EveritErrors {
  static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
  static final Pattern REQUIRED = Pattern.compile("required key \\[(.*)] not found");
  static final Pattern TYPE = Pattern.compile("expected type: (.*), found: (.*)");

  private EveritErrors() {}

  /**
   * The violations of {@code e} that have no causes of their own, in everit's order. With
   * {@code firstAlternativeOnly}, a failed {@code anyOf} or {@code oneOf} contributes only the
   * leaves of its first alternative as written.
   */
  static List<ValidationException> leaves(ValidationException e, boolean firstAlternativeOnly) {
    List<ValidationException> out = new ArrayList<>();
    collectLeaves(e, firstAlternativeOnly, out);
    return out;
  }

  private static void collectLeaves(ValidationException e, boolean firstAlternativeOnly,
      List<ValidationException> out) {
    List<ValidationException> causes = e.getCausingExceptions();
    if (causes.isEmpty()) {
      out.add(e);
    } else if (firstAlternativeOnly && ("anyOf".equals(e.getKeyword()) || "oneOf".equals(e.getKeyword()))) {
      // one failed alternative speaks for all: the first as written (everit keeps no order)
      String prefix = (e.getSchemaLocation() == null ? "#" : e.getSchemaLocation()) + "/" + e.getKeyword() + "/";
      ValidationException first = causes.stream()
          .min(Comparator.comparingInt((ValidationException c) -> alternative(c.getSchemaLocation(), prefix)))
          .orElseThrow();
      collectLeaves(first, true, out);
    } else {
      for (ValidationException c : causes) {
        collectLeaves(c, firstAlternativeOnly, out);
      }
    }
  }

  /** The index of the alternative {@code location} lies in, below {@code prefix} ({@code #/anyOf/}). */
  private static int alternative(String location, String prefix) {
    if (location == null || !location.startsWith(prefix)) {
      return Integer.MAX_VALUE;
    }
    String rest = location.substring(prefix.length());
    int slash = rest.indexOf('/');
    try {
      return Integer.parseInt(slash < 0 ? rest : rest.substring(0, slash));
    } catch (NumberFormatException ex) {
      return Integer.MAX_VALUE;
    }
  }

  /** The unescaped segments of a JSON pointer ({@code #/spec/containers/0}); none for null. */
  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer == null) {
      return out;
    }
    String s = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    for (String seg : s.split("/")) {
      if (!seg.isEmpty()) {
        out.add(seg.replace("~1", "/").replace("~0", "~"));
      }
    }
    return out;
  }

  /**
   * The node a pointer names (as deep as it exists), where to report something missing from it
   * (the key of the entry that holds it, or the item itself inside a list), and its path.
   */
  record Resolved(YNode node, YNode anchor, YPath path) {}

  /**
   * Follows {@code pointer} from {@code root}; {@code rootAnchor} stands for the root itself and
   * paths start at {@code base}.
   */
  static Resolved resolve(YNode root, YNode rootAnchor, YPath base, String pointer) {
    YNode cur = root;
    YNode anchor = rootAnchor;
    YPath path = base;
    for (String seg : segments(pointer)) {
      if (cur instanceof YMap m) {
        var entry = m.entry(seg);
        if (entry.isEmpty()) {
          break;
        }
        anchor = entry.get().key();
        cur = entry.get().value();
        path = path.key(seg);
      } else if (cur instanceof YSeq s && index(seg) >= 0 && index(seg) < s.size()) {
        int i = index(seg);
        cur = s.get(i);
        anchor = cur;
        path = path.index(i);
      } else {
        break;
      }
    }
    return new Resolved(cur, anchor, path);
  }

  /** A pointer segment as a list index: up to nine ASCII digits, else -1 (never an exception). */
  static int index(String seg) {
    if (seg.isEmpty() || seg.length() > 9 || !seg.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(seg);
  }

  /** {@code s} with references followed to what they refer to. */
  static Schema unwrap(Schema s) {
    while (s instanceof ReferenceSchema r && r.getReferredSchema() != null) {
      s = r.getReferredSchema();
    }
    return s;
  }

  /** The values an enum allows, sorted, for messages: {@code Always, IfNotPresent, Never}. */
  static String allowed(EnumSchema es) {
    return es.getPossibleValues().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }
}
