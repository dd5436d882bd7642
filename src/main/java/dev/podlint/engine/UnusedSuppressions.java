package dev.podlint.engine;

import static dev.podlint.engine.Suppressions.UNUSED_SUPPRESSION;
import static dev.podlint.engine.Suppressions.suggestion;

import dev.podlint.engine.Suppressions.Directive;
import dev.podlint.engine.Suppressions.FileDirectives;
import dev.podlint.engine.Suppressions.Form;
import dev.podlint.engine.Suppressions.Name;
import dev.podlint.engine.Suppressions.Problem;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YPath;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The {@code unused-suppression} findings: suppressions that did nothing, or cannot work as written. */
final class UnusedSuppressions {
  private UnusedSuppressions() {}

  /**
   * The {@code unused-suppression} findings of suppressions whose rule {@code decided} accepts
   * (their findings are all known by now), not yet suppressed; with {@code problems}, also those of
   * suppressions that cannot work as written and of unknown rule names.
   */
  static List<Finding> of(List<FileDirectives> files, Collection<RuleDefinition> ran, RuleCatalog catalog,
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
    List<Finding> out = new ArrayList<>(1);
    Findings.about(rule, file, object, out).at(span, path).variant(variant).args(args).report();
    return out.get(0);
  }
}
