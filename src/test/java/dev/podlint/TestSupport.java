package dev.podlint;

import dev.podlint.checks.Checks;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Shared helpers for tests. */
public final class TestSupport {
  /** The project root (tests run with it as working directory). */
  public static final Path ROOT = Path.of("").toAbsolutePath();
  /** The real manifests the corpus tests read: {@code -Dpodlint.corpus}, else ../shared/corpus. */
  public static final Path CORPUS = ROOT.resolve(System.getProperty("podlint.corpus", "../shared/corpus")).normalize();
  public static final Path TESTDATA = ROOT.resolve("testdata");

  private TestSupport() {}

  /** The files under {@code dir} that podlint lints when given the directory (YAML and JSON), sorted. */
  public static List<Path> manifests(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> dev.podlint.load.Inputs.isManifestName(p.getFileName().toString())).sorted().toList();
    }
  }

  public static RuleCatalog catalog() {
    return RuleCatalog.builtin();
  }

  /**
   * The user rules a rule's fixtures and examples need (a rule whose trigger is a user's rule,
   * such as regex-too-slow): {@code testdata/rules/<rule>/custom-rules/}, when it exists.
   */
  public static Optional<Path> customRulesOf(String ruleName) {
    Path d = TESTDATA.resolve("rules").resolve(ruleName).resolve(CUSTOM_RULES);
    return Files.isDirectory(d) ? Optional.of(d) : Optional.empty();
  }

  /** The folder name of {@link #customRulesOf}; its files are rules, not fixtures. */
  public static final String CUSTOM_RULES = "custom-rules";

  /** A linter of the given rules with podlint's own checks and default options. */
  public static Linter linter(RuleCatalog catalog, Collection<RuleDefinition> enabled) {
    return linter(catalog, enabled, LintOptions.DEFAULT);
  }

  /** A linter of the given rules with podlint's own checks. */
  public static Linter linter(RuleCatalog catalog, Collection<RuleDefinition> enabled, LintOptions options) {
    return new Linter(catalog, enabled, options, Checks.BUILTIN);
  }

  /** A linter of every rule enabled by default, with podlint's own checks. */
  public static Linter linterWithDefaults(RuleCatalog catalog, LintOptions options) {
    return Linter.withDefaults(catalog, options, Checks.BUILTIN);
  }

  /** Lints {@code text} with the named rules plus invalid-yaml; returns every finding, suppressed ones included. */
  public static List<Finding> lint(String name, String text, List<String> ruleNames) {
    return lint(name, text, ruleNames, LintOptions.DEFAULT);
  }

  /** {@link #lint(String, String, List)} with these options (the target Kubernetes version, for one). */
  public static List<Finding> lint(String name, String text, List<String> ruleNames, LintOptions options) {
    Set<RuleDefinition> rules = new LinkedHashSet<>();
    List<Path> custom = ruleNames.stream().map(TestSupport::customRulesOf).flatMap(Optional::stream).toList();
    RuleCatalog c = custom.isEmpty() ? catalog() : catalog().withDirectories(custom);
    c.all().stream().filter(RuleDefinition::isCustom).forEach(rules::add);
    rules.add(c.get(Linter.INVALID_YAML));
    if (ruleNames.equals(List.of("all"))) {
      c.all().stream().filter(RuleDefinition::enabledByDefault).forEach(rules::add);
    } else {
      ruleNames.forEach(n -> rules.add(c.get(n)));
    }
    LintResult r = linter(c, rules, options).lintText(new SourceFile(name, null), text);
    if (!r.internalErrors().isEmpty()) {
      throw new AssertionError("internal errors: " + r.internalErrors());
    }
    return r.findings();
  }
}
