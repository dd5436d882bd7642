package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.rule.RuleDefinition;
import java.util.List;

/**
 * What a streaming run tells besides its findings, which went to a {@link FindingSink}.
 *
 * @param rules the rules that ran, in id order
 * @param inputProblems inputs that could not be read, sorted
 * @param internalErrors bugs met while linting (the rest of the run went on), sorted
 */
public record LintRun(List<RuleDefinition> rules, List<InputProblem> inputProblems, List<String> internalErrors,
    int files, int documents, int objects) {}
