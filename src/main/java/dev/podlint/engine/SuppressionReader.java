package dev.podlint.engine;

import static dev.podlint.engine.Suppressions.CONTAINER_ANNOTATION_PREFIX;
import static dev.podlint.engine.Suppressions.FILE_DIRECTIVE;
import static dev.podlint.engine.Suppressions.IGNORE_ANNOTATION;
import static dev.podlint.engine.Suppressions.LINE_DIRECTIVE;
import static dev.podlint.engine.Suppressions.RULE_ANNOTATION_PREFIX;
import static dev.podlint.engine.Suppressions.suggestion;

import dev.podlint.engine.Suppressions.Directive;
import dev.podlint.engine.Suppressions.FileDirectives;
import dev.podlint.engine.Suppressions.Form;
import dev.podlint.engine.Suppressions.Name;
import dev.podlint.engine.Suppressions.Problem;
import dev.podlint.load.Comment;
import dev.podlint.load.LoadedFile;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.Position;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.rule.RuleCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the suppressions of a file (see {@link Suppressions}): the directives of its comments and
 * of its objects' annotations, and the problems of those that cannot work as written.
 */
final class SuppressionReader {
  private static final String PREFIX = "podlint.io/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ANNOTATION_NAME = Pattern.compile("[^,\\s]+");
  /** Something that looks like a podlint directive: {@code podlint:word}, in any case and spacing. */
  private static final Pattern NEAR_DIRECTIVE = Pattern.compile("(?i)^podlint\\s*:(\\s*)([a-z][a-z-]*)");
  /** Where a further comment starts inside a directive's reason ({@code # expect: ...}, {@code # noqa}). */
  private static final Pattern FURTHER_COMMENT = Pattern.compile("\\s#");

  private SuppressionReader() {}

  static FileDirectives read(LoadedFile loaded, RuleCatalog catalog) {
    FileDirectives out = new FileDirectives();
    readComments(loaded, catalog, out);
    for (K8sObject o : loaded.objects()) {
      readAnnotations(o, catalog, out);
    }
    return out;
  }

  private static void readComments(LoadedFile loaded, RuleCatalog catalog, FileDirectives out) {
    List<Comment> comments = loaded.comments();
    if (comments.isEmpty()) {
      return;
    }
    Set<Integer> commentLines = new HashSet<>();
    for (Comment c : comments) {
      if (c.ownLine()) {
        commentLines.add(c.position().line());
      }
    }
    for (Comment c : comments) {
      String text = c.text();
      int lead = 0;
      while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
        lead++;
      }
      String t = text.substring(lead);
      Form form;
      String word;
      if (startsWithWord(t, FILE_DIRECTIVE)) {
        form = c.leading() ? (c.document() == 0 ? Form.FILE_COMMENT : Form.DOCUMENT_COMMENT) : null;
        word = FILE_DIRECTIVE;
      } else if (startsWithWord(t, LINE_DIRECTIVE)) {
        form = Form.LINE_COMMENT;
        word = LINE_DIRECTIVE;
      } else {
        Matcher near = NEAR_DIRECTIVE.matcher(t);
        if (near.find() && looksMistyped(near.group(1), near.group(2))) {
          out.problems.add(new Problem("unknownDirective", Map.of("directive", near.group().strip()),
              loaded.file(), commentSpan(c), null, null));
        }
        continue;
      }
      Span whole = commentSpan(c);
      if (form == null) {
        out.problems.add(new Problem("misplaced", Map.of("directive", "# " + FILE_DIRECTIVE), loaded.file(), whole,
            null, null));
        continue;
      }
      Directive d = new Directive(form, loaded.file());
      String body = t.substring(word.length());
      Matcher further = FURTHER_COMMENT.matcher(body);
      if (further.find()) {
        body = body.substring(0, further.start());
      }
      int bodyOffset = lead + word.length();
      int pos = 0;
      while (true) {
        pos = skipBlanks(body, pos);
        Matcher m = NAME.matcher(body);
        if (!m.find(pos) || m.start() != pos) {
          break;
        }
        Span at = commentPart(c, bodyOffset + m.start(), bodyOffset + m.end());
        d.names.add(new Name(m.group(), catalog.find(m.group()).orElse(null), at, null));
        pos = skipBlanks(body, m.end());
        if (pos < body.length() && body.charAt(pos) == ',') {
          pos++;
          continue;
        }
        Matcher next = NAME.matcher(body);
        if (next.find(pos) && next.start() == pos && (next.end() == body.length()
            || Character.isWhitespace(body.charAt(next.end())) || body.charAt(next.end()) == ',')
            && catalog.find(next.group()).isPresent()) {
          continue; // "rule-a rule-b": a known rule name is no reason
        }
        break;
      }
      String reason = cleanReason(body.substring(Math.min(pos, body.length())));
      if (d.names.isEmpty()) {
        out.problems.add(new Problem("empty", Map.of("what", "Comment '# " + word + "'"), loaded.file(), whole,
            null, null));
        continue;
      }
      int line = c.position().line();
      switch (form) {
        case LINE_COMMENT -> {
          int target = line;
          if (c.ownLine()) {
            target = line + 1;
            while (commentLines.contains(target)) {
              target++;
            }
          }
          d.fromLine = target;
          d.toLine = target;
          d.scope = "on line " + target;
        }
        case DOCUMENT_COMMENT -> {
          List<Integer> starts = loaded.documentLines();
          int doc = c.document();
          d.fromLine = doc < starts.size() ? starts.get(doc) : line;
          d.toLine = doc + 1 < starts.size() ? starts.get(doc + 1) - 1 : Integer.MAX_VALUE;
          d.scope = "in this document";
        }
        default -> {
          d.fromLine = 1;
          d.toLine = Integer.MAX_VALUE;
          d.scope = "in this file";
        }
      }
      d.suppression = new Finding.Suppression(Finding.Suppression.IN_SOURCE,
          reason.isEmpty() ? "comment '# " + word + "' on line " + line : reason, loaded.file(), whole);
      out.add(d);
    }
  }

  /** Whether a {@code podlint:word} comment that is not a directive is a misspelled one. */
  private static boolean looksMistyped(String blanks, String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return blanks.isEmpty() || EditDistance.between(w, "ignore") <= 2 || EditDistance.between(w, "ignore-file") <= 2;
  }

  private static boolean startsWithWord(String t, String word) {
    return t.startsWith(word) && (t.length() == word.length() || Character.isWhitespace(t.charAt(word.length())));
  }

  private static int skipBlanks(String s, int pos) {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** A reason as written, without the separators people put before it ({@code --}, {@code :}). */
  private static String cleanReason(String s) {
    String r = s.strip();
    while (r.startsWith("--") || r.startsWith(":") || r.startsWith("-") || r.startsWith("\u2014")) {
      r = r.substring(r.startsWith("--") ? 2 : 1).strip();
    }
    return r;
  }

  /** The whole comment, from its {@code #} to the end of its text. */
  private static Span commentSpan(Comment c) {
    Position p = c.position();
    return Span.of(p.line(), p.column(), p.line(), p.column() + 1 + c.text().codePointCount(0, c.text().length()));
  }

  /** Characters {@code [from, to)} of a comment's text. */
  private static Span commentPart(Comment c, int from, int to) {
    Position p = c.position();
    String t = c.text();
    int col = p.column() + 1 + t.codePointCount(0, from);
    return Span.of(p.line(), col, p.line(), col + t.codePointCount(from, to));
  }

  private static void readAnnotations(K8sObject o, RuleCatalog catalog, FileDirectives out) {
    o.annotations().ifPresent(a -> readAnnotations(o, a, null, catalog, out));
    PodView.of(o).ifPresent(pod -> {
      if (pod.template() != o.root()) {
        pod.template().mapAt("metadata", "annotations")
            .ifPresent(a -> readAnnotations(o, a, pod.template().path(), catalog, out));
      }
    });
  }

  private static void readAnnotations(K8sObject o, YMap annotations, YPath under, RuleCatalog catalog,
      FileDirectives out) {
    String where = o.kind() + " '" + (o.name() == null ? "(unnamed)" : o.name()) + "'";
    String on = under == null ? "on " + where : "on the pod template of " + where;
    for (YMap.Entry e : annotations.effectiveEntries()) {
      String key = e.key().value();
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      YScalar value = e.value() instanceof YScalar s ? s : null;
      String text = value == null || value.isNull() ? "" : value.value();
      Span keySpan = e.key().span();
      Directive d;
      String reason;
      if (key.equals(IGNORE_ANNOTATION) || key.startsWith(CONTAINER_ANNOTATION_PREFIX)) {
        boolean container = !key.equals(IGNORE_ANNOTATION);
        d = new Directive(container ? Form.CONTAINER_ANNOTATION : Form.LIST_ANNOTATION, o.file());
        int dashes = separator(text);
        String list = dashes < 0 ? text : text.substring(0, dashes);
        reason = dashes < 0 ? "" : text.substring(dashes + 2).strip();
        Matcher m = ANNOTATION_NAME.matcher(list);
        while (m.find()) {
          Span at = value == null ? keySpan : value.subSpan(m.start(), m.end());
          d.names.add(new Name(m.group(), catalog.find(m.group()).orElse(null), at, e.value()));
        }
        if (d.names.isEmpty()) {
          Span at = value == null || value.isNull() ? keySpan : value.span();
          out.problems.add(new Problem("empty", Map.of("what", "Annotation '" + key + "'"), o.file(), at, o,
              e.value().path()));
          continue;
        }
        if (container) {
          d.container = key.substring(CONTAINER_ANNOTATION_PREFIX.length());
          List<String> names = containerNames(o);
          if (!names.contains(d.container)) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("key", key);
            args.put("container", d.container);
            args.put("object", where);
            args.put("hint", suggestion(d.container, names));
            out.problems.add(new Problem("unknownContainer", args, o.file(), keySpan, o, e.value().path()));
            continue;
          }
          d.scope = "for container '" + d.container + "' " + on;
        } else {
          d.scope = on;
        }
      } else if (key.startsWith(RULE_ANNOTATION_PREFIX)) {
        if (text.strip().equalsIgnoreCase("false")) {
          continue; // switched off on purpose
        }
        d = new Directive(Form.RULE_ANNOTATION, o.file());
        String rule = key.substring(RULE_ANNOTATION_PREFIX.length());
        int from = RULE_ANNOTATION_PREFIX.length();
        d.names.add(new Name(rule, catalog.find(rule).orElse(null), e.key().subSpan(from, key.length()), e.value()));
        reason = text.strip().equalsIgnoreCase("true") ? "" : text.strip();
        d.scope = on;
      } else {
        String base = key.substring(PREFIX.length()).split("\\.", 2)[0].toLowerCase(Locale.ROOT);
        if (base.startsWith("ignore") || EditDistance.between(base, "ignore") <= 2) {
          out.problems.add(new Problem("unknownAnnotation", Map.of("key", key), o.file(), keySpan, o,
              e.value().path()));
        }
        continue;
      }
      d.object = o;
      d.under = under;
      d.suppression = new Finding.Suppression(Finding.Suppression.IN_SOURCE,
          reason.isEmpty() ? "annotation " + key + " " + on : reason, o.file(), keySpan);
      out.add(d);
    }
  }

  /** Where {@code --} separates rule names from a reason, or -1. */
  private static int separator(String text) {
    int i = text.indexOf("--");
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != ',') {
      i = text.indexOf("--", i + 2);
    }
    return i;
  }

  /** Every container name of the object's pod: containers, init containers, ephemeral containers. */
  private static List<String> containerNames(K8sObject o) {
    List<String> out = new ArrayList<>();
    PodView.of(o).ifPresent(pod -> {
      for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
        for (YMap c : pod.spec().maps(list)) {
          c.string("name").ifPresent(out::add);
        }
      }
    });
    return out;
  }
}
