package dev.podlint.engine;

import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes the Java checks of rules ({@code engine: java}). The engine knows no check: the registry
 * lives beside the checks and is handed to the {@link Linter} (and to the configuration, which
 * checks rule parameters by filling the record a check declares for them), so the dependency
 * points from checks to engine only.
 */
public interface CheckFactory {
  /**
   * The check of {@code rule}, made with its parameters and the run's options; {@code rules} gives
   * the definitions of the rules it shares a classification with (the run's own, else the
   * catalogue's).
   *
   * @throws RuntimeException when the rule's parameters cannot be used
   */
  Check create(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules);

  /** The record the check of {@code rule} reads its parameters as; empty when it reads none. */
  Optional<Class<? extends Record>> paramsType(RuleDefinition rule);

  /**
   * Checks that every Java rule of {@code catalog} has a check.
   *
   * @throws dev.podlint.rule.RuleFormatException naming the rule file that has none
   */
  void verify(RuleCatalog catalog);
}
