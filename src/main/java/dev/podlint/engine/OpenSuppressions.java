package dev.podlint.engine;

import dev.podlint.model.Position;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The suppressions written in a file's comments while the file is linted in parts. A comment may
 * suppress findings anywhere in its scope (a line, a document, the whole file), so whether it did
 * anything ({@code unused-suppression}) is known only once every finding it may cover has been
 * matched: it is open until the parts up to the end of its scope are, or until each rule it names
 * has been used (or can never be reported as unused). An open suppression holds back the report
 * from its place on, as its judgement may come first.
 */
final class OpenSuppressions {
  private final Suppressions.FileDirectives all;
  /** The suppressions not yet judged, in file order. */
  private final List<Suppressions.Directive> open;
  private final Set<String> ran = new HashSet<>();
  private final RuleDefinition unused;
  private final Predicate<RuleDefinition> decided;
  private boolean problemsGiven;

  /**
   * @param comments the suppressions of the file's comments (no annotations)
   * @param ranRules the rules of the run
   * @param decided the rules whose findings are all known once the file is (not the cross-object ones)
   */
  OpenSuppressions(Suppressions.FileDirectives comments, Collection<RuleDefinition> ranRules,
      Predicate<RuleDefinition> decided) {
    this.all = comments;
    this.open = new ArrayList<>(comments.directives);
    RuleDefinition u = null;
    for (RuleDefinition r : ranRules) {
      ran.add(r.name());
      if (r.name().equals(Suppressions.UNUSED_SUPPRESSION)) {
        u = r;
      }
    }
    this.unused = u;
    this.decided = decided;
  }

  /** Every suppression of the file's comments: each part's findings are matched against all of them. */
  Suppressions.FileDirectives all() {
    return all;
  }

  /** The comments that cannot work as written (reported once, with the first part); then none. */
  Suppressions.FileDirectives problems() {
    Suppressions.FileDirectives out = new Suppressions.FileDirectives();
    if (!problemsGiven) {
      out.problems.addAll(all.problems);
      problemsGiven = true;
    }
    return out;
  }

  /**
   * The open suppressions that can be judged now that the findings on the lines before
   * {@code line} have been matched ({@code everything}: the whole file's), no longer open.
   */
  Suppressions.FileDirectives judged(int line, boolean everything) {
    Suppressions.FileDirectives out = new Suppressions.FileDirectives();
    for (var it = open.iterator(); it.hasNext(); ) {
      Suppressions.Directive d = it.next();
      if (everything || d.toLine < line || d.names.stream().allMatch(this::settled)) {
        out.directives.add(d); // FileDirectives.add would renumber its place among the file's suppressions
        it.remove();
      }
    }
    return out;
  }

  /**
   * Whether what {@link Suppressions} reports of {@code n} can no longer change: an unknown rule is
   * reported whatever happens, and a name that is used, or is of a rule that did not run or whose
   * findings come later, is never reported as unused. Only "used" changes, and only from no to yes.
   */
  private boolean settled(Suppressions.Name n) {
    return unused == null || n.rule == null || n.used || !ran.contains(n.rule.name()) || n.rule == unused
        || !decided.test(n.rule);
  }

  /** Where the first open suppression is written, or null when none is open. */
  Position firstOpen() {
    return open.isEmpty() ? null : open.get(0).suppression.span().start();
  }

  /**
   * A copy of a part's annotation suppressions that holds no trees (its objects become handles),
   * for the suppressions a run keeps until its end (those that name cross-object rules).
   */
  static Suppressions.FileDirectives detached(Suppressions.FileDirectives annotations) {
    Suppressions.FileDirectives out = new Suppressions.FileDirectives();
    for (Suppressions.Directive d : annotations.directives) {
      Suppressions.Directive c = new Suppressions.Directive(d.form, d.file);
      for (Suppressions.Name n : d.names) {
        Suppressions.Name m = new Suppressions.Name(n.text, n.rule, n.span, stub(n.node));
        m.used = n.used;
        c.names.add(m);
      }
      c.object = d.object == null ? null : Summaries.handle(d.object);
      c.under = d.under;
      c.container = d.container;
      c.fromLine = d.fromLine;
      c.toLine = d.toLine;
      c.scope = d.scope;
      c.suppression = d.suppression;
      c.exemption = d.exemption;
      out.add(c); // in the same order, so the same place among the file's suppressions
    }
    for (Suppressions.Problem p : annotations.problems) {
      out.problems.add(new Suppressions.Problem(p.variant(), p.args(), p.file(), p.span(),
          p.object() == null ? null : Summaries.handle(p.object()), p.path()));
    }
    return out;
  }

  /** A node with the place of {@code n} and nothing below it (a suppression reports its path). */
  private static YNode stub(YNode n) {
    return n == null ? null : new YScalar("", YScalar.Type.STRING, false, false, n.span(), n.path());
  }
}
