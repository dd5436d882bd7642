package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.rule.RuleDefinition;
import java.util.List;

/**
 * A streaming run collected whole ({@link FindingCollector}): what the run tells besides its
 * findings, and the findings, suppressed ones included, in the order a {@link FindingSink} gets
 * them: file by file in name order, each sorted by {@link Finding#ORDER}, then the cross-object
 * findings, sorted.
 */
public record LintResult(LintRun run, FindingCollector collected) {
  public List<Finding> findings() {
    return collected.findings();
  }

  /** The rules that ran, in id order. */
  public List<RuleDefinition> rules() {
    return run.rules();
  }

  /** Inputs that could not be read. */
  public List<InputProblem> inputProblems() {
    return run.inputProblems();
  }

  /** Bugs met while linting (the rest of the run went on). */
  public List<String> internalErrors() {
    return run.internalErrors();
  }

  public int files() {
    return run.files();
  }

  public int documents() {
    return run.documents();
  }

  public int objects() {
    return run.objects();
  }

  /** Gives {@code sink} the run's findings as the run gave them (a report written after the run). */
  public void replay(FindingSink sink) {
    collected.replay(sink);
  }
}
