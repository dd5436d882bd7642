package dev.podlint.engine;

import dev.podlint.load.TypeProblem;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;

/** The {@code missing-api-version-or-kind} findings of documents the loader could not type. */
final class TypeProblems {
  static final String RULE = "missing-api-version-or-kind";

  private TypeProblems() {}

  /** One finding per problem; none when {@code rule} does not run. */
  static List<Finding> of(RuleDefinition rule, SourceFile file, List<TypeProblem> problems) {
    List<Finding> out = new ArrayList<>();
    if (rule == null) {
      return out;
    }
    Findings findings = Findings.about(rule, file, null, out);
    for (TypeProblem p : problems) {
      findings.at(p.span(), p.path()).variant(p.variant()).args(p.args()).report();
    }
    return out;
  }
}
