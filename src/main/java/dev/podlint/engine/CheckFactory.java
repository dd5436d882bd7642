package dev.podlint.engine;

import dev.podlint.rule.RuleDefinition;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes the Java checks of rules ({@code engine: java}). The engine knows no check: the registry
 * lives beside the checks and is handed to the {@link Linter} (and to the configuration, which
 * validates rule parameters by making the check), so the dependency points from checks to engine
 * only.
 */
public interface CheckFactory {
  /** The names of the rules this factory makes checks for. */
  Set<String> ruleNames();

  /**
   * The check of {@code rule}, made with its parameters and the run's options; {@code rules} gives
   * the definitions of the rules it shares a classification with (the run's own, else the
   * catalogue's).
   *
   * @throws RuntimeException when the rule's parameters cannot be used
   */
  Check create(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules);
}
