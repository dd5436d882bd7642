package dev.podlint.engine;

import dev.podlint.load.Comment;
import dev.podlint.load.LoadedFile;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions written by users, and the findings they leave over.
 *
 * <ul>
 *   <li>Object annotations: {@code podlint.io/ignore: rule[, rule] [-- reason]} for the object,
 *       {@code podlint.io/ignore.<rule>: "<reason>"} for one rule with its reason, and
 *       {@code podlint.io/ignore.container.<container>: "rule[, rule] [-- reason]"} for one container of
 *       the pod. On a workload they may also sit on the pod template's annotations, where they cover
 *       the findings inside the template.
 *   <li>Comments: {@code # podlint:ignore rule[,rule] [reason]} at the end of the line a finding
 *       starts on, or alone on the line above it (other comment lines may sit in between);
 *       {@code # podlint:ignore-file rule[,rule] [reason]} among the comments before the first
 *       content of the file (the whole file) or of a later document (that document).
 *   <li>Configured exemptions ({@link Exemption}), which are external suppressions.
 * </ul>
 *
 * Rule names and ids are both accepted, ignoring case. Every finding covered by a suppression
 * keeps it (with the reason as justification); a suppression that names an unknown rule, a
 * container the pod does not have, or a rule that ran and reported nothing where it points is
 * reported as {@code unused-suppression}, as are misspelled annotations and comment directives.
 * Exemptions are never reported as unused (a configuration serves many runs), nor are
 * suppressions of {@code unused-suppression} itself.
 */
public final class Suppressions {
  public static final String IGNORE_ANNOTATION = "podlint.io/ignore";
  /** {@code podlint.io/ignore.<rule>}. */
  public static final String RULE_ANNOTATION_PREFIX = IGNORE_ANNOTATION + ".";
  /** {@code podlint.io/ignore.container.<container>}. */
  public static final String CONTAINER_ANNOTATION_PREFIX = IGNORE_ANNOTATION + ".container.";
  public static final String LINE_DIRECTIVE = "podlint:ignore";
  public static final String FILE_DIRECTIVE = "podlint:ignore-file";
  /** The rule that reports suppressions that do nothing. */
  public static final String UNUSED_SUPPRESSION = "unused-suppression";

  private static final String PREFIX = "podlint.io/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ANNOTATION_NAME = Pattern.compile("[^,\\s]+");
  /** Something that looks like a podlint directive: {@code podlint:word}, in any case and spacing. */
  private static final Pattern NEAR_DIRECTIVE = Pattern.compile("(?i)^podlint\\s*:(\\s*)([a-z][a-z-]*)");
  /** Where a further comment starts inside a directive's reason ({@code # expect: ...}, {@code # noqa}). */
  private static final Pattern FURTHER_COMMENT = Pattern.compile("\\s#");
  private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

  private Suppressions() {}

  /** How a suppression is written; the lower, the more specific (its reason wins). */
  enum Form {
    LINE_COMMENT, CONTAINER_ANNOTATION, RULE_ANNOTATION, LIST_ANNOTATION, DOCUMENT_COMMENT, FILE_COMMENT, EXEMPTION
  }

  /** One rule named by a suppression, where it is written, and whether it suppressed something. */
  static final class Name {
    final String text;
    final RuleDefinition rule;
    final Span span;
    final YNode node;
    boolean used;

    Name(String text, RuleDefinition rule, Span span, YNode node) {
      this.text = text;
      this.rule = rule;
      this.span = span;
      this.node = node;
    }
  }

  /** One suppression as written, with its scope. */
  static final class Directive {
    final Form form;
    final SourceFile file;
    final List<Name> names = new ArrayList<>();
    K8sObject object;
    /** For annotations on a pod template: only findings under this path. */
    YPath under;
    String container;
    int fromLine;
    int toLine;
    /** How {@code unused-suppression} describes the scope ("on line 12"). */
    String scope;
    Finding.Suppression suppression;
    Exemption exemption;

    Directive(Form form, SourceFile file) {
      this.form = form;
      this.file = file;
    }
  }

  /** A suppression that cannot work as written, found while reading it. */
  record Problem(String variant, Map<String, String> args, SourceFile file, Span span, K8sObject object,
      YPath path) {}

  /** The suppressions of one file (its comments and its objects' annotations) and their problems. */
  public static final class FileDirectives {
    final List<Directive> directives = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading suppressions

  /** Reads the suppressions of a loaded file; rule names are looked up in {@code catalog}. */
  public static FileDirectives read(LoadedFile loaded, RuleCatalog catalog) {
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
      out.directives.add(d);
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
      out.directives.add(d);
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

  /** {@code "; did you mean 'x'?"} for the closest of {@code candidates}, or "". */
  static String suggestion(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = wrong.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = EditDistance.between(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, w.length() / 4) ? "; did you mean '" + best + "'?" : "";
  }

  // ---------------------------------------------------------------------------------------------
  // Applying them to a run

  /**
   * Suppresses what the suppressions of {@code files} and the exemptions cover, and adds the
   * findings about suppressions: {@code regex-too-slow} for exemption name patterns that were stopped
   * on an object not yet in {@code stopped} (which it adds to, so that a run applying suppressions in
   * parts reports each once), and {@code unused-suppression} for names whose rule {@code decided}
   * accepts (their findings are all known by now) and, with {@code problems}, for suppressions that
   * cannot work as written and unknown rule names.
   *
   * @param ran the rules of this run (a suppression of a rule that did not run is never unused)
   * @param catalog every rule podlint knows (for did-you-mean suggestions)
   */
  static List<Finding> apply(List<Finding> findings, List<FileDirectives> files, List<Exemption> exemptions,
      Collection<RuleDefinition> ran, RuleCatalog catalog, Predicate<RuleDefinition> decided, boolean problems,
      Set<String> stopped) {
    return apply(findings, files, files, exemptions, ran, catalog, decided, problems, stopped);
  }

  /**
   * As {@link #apply(List, List, List, Collection, RuleCatalog, Predicate, boolean, Set)}, but only
   * the suppressions of {@code reported} (some of {@code files}) are judged: the others suppress and
   * are marked used, and are judged by a later call (a file linted in parts judges a comment's
   * suppression once its scope has been linted).
   */
  static List<Finding> apply(List<Finding> findings, List<FileDirectives> files, List<FileDirectives> reported,
      List<Exemption> exemptions, Collection<RuleDefinition> ran, RuleCatalog catalog,
      Predicate<RuleDefinition> decided, boolean problems, Set<String> stopped) {
    Applier a = new Applier(files, exemptions, findings);
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(a.apply(f));
    }
    RuleDefinition slow = ran.stream().filter(r -> r.name().equals(SlowRegexes.RULE)).findFirst().orElse(null);
    if (slow != null) {
      for (Map.Entry<String, Exemption> e : new ArrayList<>(a.stopped.entrySet())) {
        if (stopped.add(e.getKey())) {
          K8sObject o = a.stoppedOn.get(e.getKey());
          out.add(a.apply(SlowRegexes.exemption(slow, e.getValue().name(), e.getValue().origin(), o)));
        }
      }
    }
    for (Finding f : unused(reported, ran, catalog, decided, problems)) {
      out.add(a.apply(f));
    }
    return out;
  }

  /** Whether {@code fd} names one of {@code rules} (whose findings come later in the run). */
  static boolean names(FileDirectives fd, Predicate<RuleDefinition> rules) {
    for (Directive d : fd.directives) {
      for (Name n : d.names) {
        if (n.rule != null && rules.test(n.rule)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The {@code unused-suppression} findings of suppressions whose rule {@code decided} accepts
   * (their findings are all known by now), not yet suppressed; with {@code problems}, also those of
   * suppressions that cannot work as written and of unknown rule names.
   */
  private static List<Finding> unused(List<FileDirectives> files, Collection<RuleDefinition> ran, RuleCatalog catalog,
      Predicate<RuleDefinition> decided, boolean problems) {
    RuleDefinition unused = null;
    Set<String> ranNames = new HashSet<>();
    for (RuleDefinition r : ran) {
      ranNames.add(r.name());
      if (r.name().equals(UNUSED_SUPPRESSION)) {
        unused = r;
      }
    }
    if (unused == null) {
      return List.of();
    }
    List<Finding> reported = new ArrayList<>();
    List<String> ruleNames = null;
    for (FileDirectives fd : files) {
      if (problems) {
        for (Problem p : fd.problems) {
          reported.add(finding(unused, p.variant(), p.args(), p.file(), p.span(), p.object(), p.path()));
        }
      }
      for (Directive d : fd.directives) {
        for (Name n : d.names) {
          if (n.rule == null) {
            if (!problems) {
              continue;
            }
            if (ruleNames == null) {
              ruleNames = catalog.all().stream().map(RuleDefinition::name).toList();
            }
            Map<String, String> args = new LinkedHashMap<>();
            args.put("name", n.text);
            args.put("hint", n.text.contains(".") && d.form == Form.RULE_ANNOTATION
                ? "; write podlint.io/ignore.<rule> or podlint.io/ignore.container.<container>"
                : suggestion(n.text, ruleNames));
            reported.add(finding(unused, "unknownRule", args, d.file, n.span, d.object,
                n.node == null ? null : n.node.path()));
          } else if (!n.used && ranNames.contains(n.rule.name()) && n.rule != unused && decided.test(n.rule)) {
            // a suppression of unused-suppression itself is never reported: it would cover its own report
            Map<String, String> args = new LinkedHashMap<>();
            args.put("rule", n.rule.name());
            args.put("scope", d.scope);
            reported.add(finding(unused, null, args, d.file, n.span, d.object, n.node == null ? null : n.node.path()));
          }
        }
      }
    }
    return reported;
  }

  private static Finding finding(RuleDefinition rule, String variant, Map<String, String> args, SourceFile file,
      Span span, K8sObject object, YPath path) {
    return new Finding(rule, rule.severityOf(variant), Template.render(rule.messageOf(variant), args), file, span,
        object, path, List.of(), null, null);
  }

  /** Matches findings against suppressions and records which names did something. */
  private static final class Applier {
    private final Map<SourceFile, List<Directive>> byFile = new HashMap<>();
    private final List<Directive> exemptions = new ArrayList<>();
    private final Map<K8sObject, Optional<PodView>> pods = new IdentityHashMap<>();
    /** Per exemption with a name pattern: whether it matches each name the run's findings are on; absent: stopped. */
    private final Map<Exemption, Map<String, Boolean>> nameMatches = new IdentityHashMap<>();
    /** Objects on which an exemption's name pattern was stopped (key: exemption and object), in order. */
    final Map<String, Exemption> stopped = new java.util.TreeMap<>();
    final Map<String, K8sObject> stoppedOn = new HashMap<>();

    Applier(List<FileDirectives> files, List<Exemption> configured, List<Finding> findings) {
      matchNames(configured, findings, files);
      for (FileDirectives fd : files) {
        for (Directive d : fd.directives) {
          byFile.computeIfAbsent(d.file, k -> new ArrayList<>()).add(d);
        }
      }
      for (Exemption e : configured) {
        Directive d = new Directive(Form.EXEMPTION, null);
        d.exemption = e;
        String origin = e.origin() == null || e.origin().isBlank() ? "the configuration" : e.origin();
        String reason = e.reason() == null ? "" : e.reason().strip();
        d.suppression = new Finding.Suppression(Finding.Suppression.EXTERNAL,
            reason.isEmpty() ? "exemption in " + origin : reason + " (exemption in " + origin + ")");
        exemptions.add(d);
      }
    }

    Finding apply(Finding f) {
      Directive best = null;
      for (Directive d : byFile.getOrDefault(f.file(), List.of())) {
        if (covers(d, f) && matchName(d, f)) {
          best = best == null || d.form.ordinal() < best.form.ordinal() ? d : best;
        }
      }
      for (Directive d : exemptions) {
        if (best == null && exempts(d.exemption, f)) {
          best = d;
        }
      }
      return best == null ? f : f.withSuppression(best.suppression);
    }

    /**
     * Runs each exemption's name pattern over the names of the objects findings are on, in sorted
     * order, before anything is suppressed: a pattern that runs out of steps on one name is not run
     * on the later ones (see {@link BoundedRegex}), and the sorted order makes that the same in
     * every run, whatever the order of the paths and threads.
     */
    private void matchNames(List<Exemption> configured, List<Finding> findings, List<FileDirectives> files) {
      if (configured.stream().allMatch(e -> e.name() == null)) {
        return;
      }
      List<K8sObject> objects = new ArrayList<>();
      findings.forEach(f -> objects.add(f.object()));
      for (FileDirectives fd : files) {
        fd.directives.forEach(d -> objects.add(d.object));
        fd.problems.forEach(p -> objects.add(p.object()));
      }
      java.util.SortedSet<String> names = new java.util.TreeSet<>();
      for (K8sObject o : objects) {
        if (o != null) {
          names.add(o.name() == null ? "" : o.name());
        }
      }
      BoundedRegex.startScope();
      for (Exemption e : configured) {
        if (e.name() == null) {
          continue;
        }
        Map<String, Boolean> verdicts = new HashMap<>();
        for (String n : names) {
          try {
            verdicts.put(n, e.name().matches(n));
          } catch (BoundedRegex.TooSlowException x) {
            // stopped: no verdict, the exemption does not apply there
          }
        }
        nameMatches.put(e, verdicts);
      }
    }

    /** Whether {@code d} names the finding's rule; marks the names that do as used. */
    private static boolean matchName(Directive d, Finding f) {
      boolean hit = false;
      for (Name n : d.names) {
        if (n.rule != null && n.rule.id().equals(f.rule().id())) {
          n.used = true;
          hit = true;
        }
      }
      return hit;
    }

    /** Whether the finding lies in the scope of {@code d} (whatever rule it is of). */
    private boolean covers(Directive d, Finding f) {
      int line = f.span().start().line();
      return switch (d.form) {
        case LINE_COMMENT, DOCUMENT_COMMENT, FILE_COMMENT -> line >= d.fromLine && line <= d.toLine;
        case LIST_ANNOTATION, RULE_ANNOTATION -> sameObject(f.object(), d.object) && inside(f, d.under);
        case CONTAINER_ANNOTATION -> sameObject(f.object(), d.object) && inside(f, d.under)
            && d.container.equals(container(f).orElse(null));
        case EXEMPTION -> false;
      };
    }

    /**
     * Whether two handles name one object of one file: cross-object rules report on compact
     * handles (see Inventory) rather than the loaded tree, so identity alone is not enough.
     */
    private static boolean sameObject(K8sObject a, K8sObject b) {
      return a == b || a != null && b != null && a.documentIndex() == b.documentIndex()
          && a.file().displayName().equals(b.file().displayName()) && a.root().path().equals(b.root().path())
          && a.kind().equals(b.kind()) && java.util.Objects.equals(a.name(), b.name());
    }

    private static boolean inside(Finding f, YPath under) {
      if (under == null) {
        return true;
      }
      if (f.path() == null) {
        return false;
      }
      List<Object> seg = f.path().segments();
      List<Object> base = under.segments();
      return seg.size() >= base.size() && seg.subList(0, base.size()).equals(base);
    }

    private boolean exempts(Exemption e, Finding f) {
      if (!e.rules().isEmpty() && e.rules().stream().noneMatch(r -> r.equalsIgnoreCase(f.rule().name())
          || r.equalsIgnoreCase(f.rule().id()))) {
        return false;
      }
      K8sObject o = f.object();
      if (o == null) {
        return e.kinds().isEmpty() && e.namespaces().isEmpty() && e.name() == null && e.containers().isEmpty();
      }
      if (!e.kinds().isEmpty() && !e.kinds().contains(o.kind())) {
        return false;
      }
      if (!e.namespaces().isEmpty() && !e.namespaces().contains(o.namespace() == null ? "" : o.namespace())) {
        return false;
      }
      if (e.name() != null) {
        // every name was matched in advance (matchNames); a name without a verdict was stopped
        Boolean matches = nameMatches.get(e).get(o.name() == null ? "" : o.name());
        if (matches == null) {
          String key = e.origin() + "\u0000" + o.file().displayName() + "\u0000" + o.documentIndex() + "\u0000"
              + o.identity();
          stopped.putIfAbsent(key, e);
          stoppedOn.putIfAbsent(key, o);
          return false;
        }
        if (!matches) {
          return false;
        }
      }
      return e.containers().isEmpty() || container(f).map(e.containers()::contains).orElse(false);
    }

    /**
     * The name of the container a finding is about: the one whose entry holds the finding's
     * field ({@code spec.template.spec.containers[1]...} is the second regular container).
     */
    Optional<String> container(Finding f) {
      if (f.object() == null || f.path() == null) {
        return Optional.empty();
      }
      Optional<PodView> pod = pods.computeIfAbsent(f.object(), PodView::of);
      if (pod.isEmpty()) {
        return Optional.empty();
      }
      YMap spec = pod.get().spec();
      List<Object> seg = f.path().segments();
      List<Object> base = spec.path().segments();
      int n = base.size();
      if (seg.size() < n + 2 || !seg.subList(0, n).equals(base) || !(seg.get(n + 1) instanceof Integer i)
          || !CONTAINER_LISTS.contains(String.valueOf(seg.get(n)))) {
        return Optional.empty();
      }
      Optional<YSeq> list = spec.seq((String) seg.get(n));
      if (list.isEmpty() || i >= list.get().size() || !(list.get().get(i) instanceof YMap c)) {
        return Optional.empty();
      }
      return c.string("name");
    }
  }
}
