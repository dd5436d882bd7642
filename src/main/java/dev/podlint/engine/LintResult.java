package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Severity;
import java.util.List;

/**
 * Everything a run produced.
 *
 * @param rules the rules that ran, in id order
 * @param findings sorted by {@link Finding#ORDER}, suppressed ones included
 * @param inputProblems inputs that could not be read
 * @param internalErrors bugs met while linting (the rest of the run went on)
 */
public record LintResult(
    List<RuleDefinition> rules,
    List<Finding> findings,
    List<InputProblem> inputProblems,
    List<String> internalErrors,
    int files,
    int documents,
    int objects) {

  public long count(Severity severity) {
    return findings.stream().filter(f -> !f.isSuppressed() && f.severity() == severity).count();
  }

  public long suppressed() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }

  /** Unsuppressed findings at or above {@code level}; {@code null} means never. */
  public boolean hasFindingsAtLeast(Severity level) {
    return level != null && findings.stream().anyMatch(f -> !f.isSuppressed() && f.severity().atLeast(level));
  }
}
