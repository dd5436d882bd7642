package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.rule.RuleDefinition;
import java.util.List;

/**
 * Everything a run produced.
 *
 * @param rules the rules that ran, in id order
 * @param findings suppressed ones included, in the order a {@link FindingSink} gets them: file by
 *     file in name order, each sorted by {@link Finding#ORDER}, then the cross-object findings, sorted
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
    int objects) {}
