package dev.podlint.checks;

import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleParams;
import java.util.function.Function;

/**
 * The parameters of the rules a check shares a classification with (the hostPath rules read each
 * other's path lists), as the run has them: its own definitions, else the catalogue's.
 */
public final class OtherRules {
  private final Function<String, RuleDefinition> rules;

  OtherRules(Function<String, RuleDefinition> rules) {
    this.rules = rules;
  }

  /** The parameters of rule {@code name} as the record its check declares. */
  <P extends Record> P params(String name, Class<P> type) {
    return RuleParams.of(rules.apply(name), type);
  }
}
