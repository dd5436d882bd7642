package dev.podlint.rule;

/** Whether a rule's findings are problems to fix or advice to weigh. */
public enum RuleKind implements Vocabulary {
  PROBLEM,
  ADVICE
}
