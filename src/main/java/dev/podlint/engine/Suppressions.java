package dev.podlint.engine;

import dev.podlint.load.LoadedFile;
import dev.podlint.model.EditDistance;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
 *
 * <p>{@link SuppressionReader} reads a file's suppressions, {@link SuppressionApplier} matches
 * findings against them through a {@link SuppressionIndex}, and {@link UnusedSuppressions}
 * reports those that did nothing.
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
    /** Its place among the suppressions of its file: of two equally specific ones, the first wins. */
    int order;

    Directive(Form form, SourceFile file) {
      this.form = form;
      this.file = file;
    }
  }

  /** A suppression that cannot work as written, found while reading it. */
  record Problem(String variant, Map<String, String> args, SourceFile file, Span span, K8sObject object,
      YPath path) {}

  /**
   * The suppressions of one file (its comments and its objects' annotations) and their problems,
   * with the index findings are matched through (built on first use).
   */
  public static final class FileDirectives {
    final List<Directive> directives = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    private SuppressionIndex index;
    /** How many suppressions findings were checked against so far (tests: it grows with the findings, not their product with the suppressions). */
    long attempts;

    void add(Directive d) {
      d.order = directives.size();
      directives.add(d);
      index = null;
    }

    SuppressionIndex index() {
      if (index == null) {
        index = new SuppressionIndex(directives);
      }
      return index;
    }
  }

  /** Reads the suppressions of a loaded file; rule names are looked up in {@code catalog}. */
  public static FileDirectives read(LoadedFile loaded, RuleCatalog catalog) {
    return SuppressionReader.read(loaded, catalog);
  }

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
    SuppressionApplier a = new SuppressionApplier(files, exemptions, findings);
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
    for (Finding f : UnusedSuppressions.of(reported, ran, catalog, decided, problems)) {
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
}
