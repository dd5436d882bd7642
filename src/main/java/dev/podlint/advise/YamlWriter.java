package dev.podlint.advise;

import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small block-style YAML emitter for podlint's advice: maps, lists, podlint's own {@link YMap},
 * {@link YSeq} and {@link YScalar} nodes, strings, numbers, booleans and null, with comment lines.
 *
 * <p>The output is read the same way by YAML 1.1 readers (Kubernetes, via go-yaml) and YAML 1.2
 * Core readers. A string is written plain only when both read it back as that same string;
 * otherwise it is a literal block ({@code |}) when it has several lines a block can hold exactly,
 * and double-quoted in every other case. Indentation is two spaces; a list under a key is indented
 * like kubectl prints it, and a map in a list item starts on the dash line.
 */
public final class YamlWriter {
  /**
   * A value with comment lines printed just above it: above the key for a map entry, above the dash
   * for a list item, at the top for a document root. Comment strings must not contain the leading
   * "# "; multi-line strings become several comment lines.
   */
  public record Commented(List<String> comments, Object value) {
    public Commented {
      comments = comments == null ? List.of() : List.copyOf(comments);
    }
  }

  /** Words some YAML reader gives a meaning: booleans, nulls, the merge and value keys (any case). */
  private static final Set<String> RESERVED_WORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "=");
  private static final int MAX_RESERVED_LENGTH = RESERVED_WORDS.stream().mapToInt(String::length).max().orElse(0);
  /** The plain words Kubernetes (YAML 1.1) reads as null. */
  private static final Set<String> NULL_WORDS = Set.of("~", "null", "Null", "NULL");
  /** Characters a plain scalar must not start with (YAML indicators). */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  /**
   * Numbers as any YAML 1.1 or 1.2 reader may see them, generously: decimal, octal (0755, 0o755),
   * hexadecimal, binary, with underscores, exponents, sexagesimal (1:20), .inf and .nan.
   */
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?([0-9][0-9_]*(\\.[0-9_]*)?(e[-+]?[0-9_]+)?"
          + "|\\.[0-9_]+(e[-+]?[0-9_]+)?"
          + "|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+"
          + "|[0-9][0-9_]*(:[0-9_]+)+(\\.[0-9_]*)?"
          + "|\\.inf|\\.nan)",
      Pattern.CASE_INSENSITIVE);
  /** YAML 1.1 timestamps (2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5). */
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?");
  /** Line breaks for comment text (YAML 1.1 also breaks lines at NEL, LS and PS). */
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");
  /** Kubernetes' reading of a plain scalar that is a float (as the loader's YAML 1.1 rules). */
  private static final Pattern PLAIN_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  /** Implicit keys longer than this (snakeyaml-engine and libyaml allow 1024) are written as "? key". */
  private static final int MAX_IMPLICIT_KEY = 1000;

  private final StringBuilder out = new StringBuilder();

  private YamlWriter() {}

  /** One YAML document (no leading "---"), ending with a newline: header comment lines, then the root. */
  public static String document(List<String> headerComments, Object root) {
    YamlWriter w = new YamlWriter();
    w.comments(headerComments == null ? List.of() : headerComments, 0);
    w.comments(commentsOf(root), 0);
    Object value = unwrap(root);
    if (isNonEmptyMap(value)) {
      w.map(entries(value), 0, false);
    } else if (isNonEmptyList(value)) {
      w.list(items(value), 0, false);
    } else {
      w.scalar(value, 0);
    }
    return w.out.toString();
  }

  /** Several documents (each as returned by document()) joined with "---\n" lines between them. */
  public static String documents(List<String> documents) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        b.append("---\n");
      }
      String doc = documents.get(i);
      b.append(doc);
      if (!doc.isEmpty() && !doc.endsWith("\n")) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  /**
   * Mappings as items of a block sequence, for text that takes the place of one item: the first is
   * written from just after that item's dash, its lines at column {@code contentIndent} (its
   * comments, if any, start on the dash line); the others follow as items of their own with the
   * dash at column {@code dashIndent}, their comments above the dash. Ends with a newline.
   */
  public static String items(List<Commented> mappings, int dashIndent, int contentIndent) {
    YamlWriter w = new YamlWriter();
    Commented first = mappings.get(0);
    if (!isNonEmptyMap(unwrap(first))) {
      throw new IllegalArgumentException("only mappings are written as items");
    }
    List<String> comments = commentsOf(first);
    if (!comments.isEmpty()) {
      w.comments(comments, contentIndent);
      w.out.delete(0, contentIndent); // the first comment goes right after the dash
      w.indent(contentIndent);
    }
    w.map(entries(unwrap(first)), contentIndent, true);
    if (mappings.size() > 1) {
      w.list(mappings.subList(1, mappings.size()), dashIndent, false);
    }
    return w.out.toString();
  }

  // ---- collections ---------------------------------------------------------------------------

  private record Entry(Object key, Object value) {}

  /** Writes map entries with keys at column {@code indent}; {@code inline}: the first goes on the current line. */
  private void map(List<Entry> entries, int indent, boolean inline) {
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (i > 0 || !inline) {
        comments(commentsOf(e.value()), indent);
        indent(indent);
      }
      String key = key(e.key());
      if (key.length() > MAX_IMPLICIT_KEY) {
        out.append("? ").append(key).append('\n');
        indent(indent);
      } else {
        out.append(key);
      }
      out.append(':');
      value(e.value(), indent, false);
    }
  }

  /** Writes list items with dashes at column {@code indent}; {@code inline}: the first goes on the current line. */
  private void list(List<?> items, int indent, boolean inline) {
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (i > 0 || !inline) {
        comments(commentsOf(item), indent);
        indent(indent);
      }
      out.append('-');
      value(item, indent, true);
    }
  }

  /**
   * Writes the value after "key:" or "-" (at column {@code indent}) to the end of its last line.
   * A non-empty collection under a key starts on the next line; in a list item it starts on the
   * dash line unless its first child has comments.
   */
  private void value(Object value, int indent, boolean dash) {
    Object v = unwrap(value);
    if (isNonEmptyMap(v)) {
      List<Entry> entries = entries(v);
      boolean inline = dash && commentsOf(entries.get(0).value()).isEmpty();
      out.append(inline ? ' ' : '\n');
      map(entries, indent + 2, inline);
    } else if (isNonEmptyList(v)) {
      List<?> items = items(v);
      boolean inline = dash && commentsOf(items.get(0)).isEmpty();
      out.append(inline ? ' ' : '\n');
      list(items, indent + 2, inline);
    } else {
      out.append(' ');
      scalar(v, indent);
    }
  }

  private static boolean isNonEmptyMap(Object v) {
    return v instanceof Map<?, ?> m ? !m.isEmpty() : v instanceof YMap y && !y.isEmpty();
  }

  private static boolean isNonEmptyList(Object v) {
    return v instanceof List<?> l ? !l.isEmpty() : v instanceof YSeq s && s.size() > 0;
  }

  private static List<Entry> entries(Object v) {
    List<Entry> out = new ArrayList<>();
    if (v instanceof YMap m) {
      m.entries().forEach(e -> out.add(new Entry(e.key(), e.value())));
    } else {
      ((Map<?, ?>) v).forEach((k, val) -> out.add(new Entry(k, val)));
    }
    return out;
  }

  private static List<?> items(Object v) {
    return v instanceof YSeq s ? s.items() : (List<?>) v;
  }

  // ---- comments ------------------------------------------------------------------------------

  private static List<String> commentsOf(Object v) {
    List<String> out = new ArrayList<>();
    while (v instanceof Commented c) {
      out.addAll(c.comments());
      v = c.value();
    }
    return out;
  }

  private static Object unwrap(Object v) {
    while (v instanceof Commented c) {
      v = c.value();
    }
    return v;
  }

  /** Writes comment lines at column {@code indent}; characters that would break a line are escaped. */
  private void comments(List<String> comments, int indent) {
    for (String comment : comments) {
      for (String line : LINE_BREAK.split(comment, -1)) {
        indent(indent);
        String text = escapeUnprintable(line).stripTrailing();
        out.append(text.isEmpty() ? "#" : "# " + text).append('\n');
      }
    }
  }

  private static String escapeUnprintable(String s) {
    if (allPrintable(s, true)) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp == '\t' || printable(cp)) {
        b.appendCodePoint(cp);
      } else {
        b.append(String.format("\\u%04X", cp));
      }
    });
    return b.toString();
  }

  private void indent(int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  /** Whether every character of {@code s} is {@link #printable} (or a tab, when {@code tab}). */
  private static boolean allPrintable(String s, boolean tab) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!(printable(cp) || tab && cp == '\t')) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  // ---- scalars -------------------------------------------------------------------------------

  /**
   * Writes a scalar (or an empty collection) and ends the line; the scalar belongs to a key or
   * dash at column {@code indent}, so a literal block's lines go at {@code indent + 2}.
   */
  private void scalar(Object v, int indent) {
    if (v instanceof Map<?, ?> || v instanceof YMap) {
      out.append("{}\n");
    } else if (v instanceof List<?> || v instanceof YSeq) {
      out.append("[]\n");
    } else {
      String s = scalarText(v);
      if (s == null) {
        out.append("null\n");
      } else if (isPlainAndTyped(v)) {
        out.append(s).append('\n');
      } else if (literalBlockFits(s)) {
        literalBlock(s, indent + 2);
      } else {
        out.append(quoted(s)).append('\n');
      }
    }
  }

  /** A key: written on one line, plain or double-quoted. */
  private static String key(Object k) {
    if (k instanceof Map<?, ?> || k instanceof List<?> || k instanceof YMap || k instanceof YSeq
        || k instanceof Commented) {
      throw new IllegalArgumentException("a YAML key must be a scalar, not " + k.getClass().getSimpleName());
    }
    String s = scalarText(k);
    if (s == null) {
      return "null";
    }
    return isPlainAndTyped(k) ? s : quoted(s);
  }

  /**
   * The text of a scalar value: for strings (and string YScalars) the string itself, for other
   * values their plain YAML text; null for null.
   */
  private static String scalarText(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof YScalar s) {
      if (s.isNull()) {
        return null;
      }
      // a typed value that reads as another type without its tag (!!float 3) keeps the tag
      return s.tag() != null && !s.isString() && kubernetesType(s.value()) != s.type() ? s.tag() + " " + s.value()
          : s.value();
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : v.toString();
    }
    throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as YAML");
  }

  /**
   * Whether the scalar's text is written plain as a typed (non-string) value: numbers, booleans,
   * and non-string YScalars whose text Kubernetes reads as their own type. Everything else is
   * written as a string.
   */
  private static boolean isPlainAndTyped(Object v) {
    if (v instanceof YScalar s) {
      return !s.isString() && !s.isNull() && (kubernetesType(s.value()) == s.type() || s.tag() != null);
    }
    return v instanceof Number || v instanceof Boolean;
  }

  /** The type Kubernetes (YAML 1.1, as podlint's loader) gives a plain scalar, for typed YScalars. */
  private static YScalar.Type kubernetesType(String plain) {
    if (plain.isEmpty() || NULL_WORDS.contains(plain)) {
      return YScalar.Type.NULL;
    }
    if (YScalar.TRUE_WORDS.contains(plain) || YScalar.FALSE_WORDS.contains(plain)) {
      return YScalar.Type.BOOL;
    }
    if ("-+.0123456789".indexOf(plain.charAt(0)) < 0) {
      return YScalar.Type.STRING;
    }
    if (YScalar.parseInt(plain).isPresent()) {
      return YScalar.Type.INT;
    }
    return PLAIN_FLOAT.matcher(plain.replace("_", "")).matches() ? YScalar.Type.FLOAT : YScalar.Type.STRING;
  }

  /** A string as a plain scalar when that is safe, else double-quoted. */
  private static String quoted(String s) {
    return isSafePlain(s) ? s : doubleQuoted(s);
  }

  /**
   * Whether YAML 1.1 and YAML 1.2 Core readers both read {@code s}, written plain on one line, as
   * this same string.
   */
  private static boolean isSafePlain(String s) {
    if (s.isEmpty() || s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    if (s.length() <= MAX_RESERVED_LENGTH && RESERVED_WORDS.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    // numbers and timestamps start with a digit, a sign or a dot
    if ("0123456789+-.".indexOf(s.charAt(0)) >= 0 && (NUMBER.matcher(s).matches() || TIMESTAMP.matcher(s).matches())) {
      return false;
    }
    if (isSpace(s.codePointAt(0)) || isSpace(s.codePointBefore(s.length()))) {
      return false;
    }
    char first = s.charAt(0);
    if ("-?:".indexOf(first) >= 0) {
      if (s.length() == 1 || isSpace(s.codePointAt(1))) {
        return false;
      }
    } else if (INDICATORS.indexOf(first) >= 0) {
      return false;
    }
    if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
      return false;
    }
    return allPrintable(s, false);
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /**
   * Printable characters that need no escape anywhere: YAML's printable set without tab and line
   * breaks, without NEL, LS and PS (line breaks to YAML 1.1) and without the byte order mark.
   */
  private static boolean printable(int cp) {
    return cp >= 0x20 && cp <= 0x7E
        || cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029
        || cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF
        || cp >= 0x10000 && cp <= 0x10FFFF;
  }

  private static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (printable(cp)) {
            b.appendCodePoint(cp);
          } else {
            b.append(String.format("\\u%04X", cp));
          }
        }
      }
    });
    return b.append('"').toString();
  }

  /**
   * Whether a literal block holds {@code s} exactly: several lines, at least one of them not empty,
   * no line ending in a space or tab, and only printable characters and tabs.
   */
  private static boolean literalBlockFits(String s) {
    if (s.indexOf('\n') < 0 || s.chars().allMatch(c -> c == '\n')) {
      return false;
    }
    for (String line : s.split("\n", -1)) {
      if (line.endsWith(" ") || line.endsWith("\t")) {
        return false;
      }
    }
    return s.codePoints().allMatch(cp -> cp == '\n' || cp == '\t' || printable(cp));
  }

  /**
   * Writes {@code |}, {@code |-} or {@code |+} (the chomping that keeps the trailing newlines), with
   * the indentation indicator 2 when the first line with text starts with a space or tab, then the
   * lines at {@code contentIndent}, empty lines left empty.
   */
  private void literalBlock(String s, int contentIndent) {
    int end = s.length();
    while (s.charAt(end - 1) == '\n') {
      end--;
    }
    String body = s.substring(0, end);
    int trailing = s.length() - end;
    String firstText = body.replaceFirst("^\n+", "");
    out.append('|');
    if (firstText.startsWith(" ") || firstText.startsWith("\t")) {
      out.append('2');
    }
    out.append(trailing == 0 ? "-" : trailing == 1 ? "" : "+").append('\n');
    for (String line : body.split("\n", -1)) {
      if (!line.isEmpty()) {
        indent(contentIndent);
        out.append(line);
      }
      out.append('\n');
    }
    out.append("\n".repeat(Math.max(0, trailing - 1)));
  }
}
