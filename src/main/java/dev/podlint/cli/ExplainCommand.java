package dev.podlint.cli;

import dev.podlint.model.EditDistance;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podlint explain RULE}: one rule's rationale, fix and examples. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = PodlintCommand.Version.class,
    description = "Explains a rule: why it exists, how to fix what it finds, examples, how to suppress it.")
public final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RULE", description = "A rule name (container-port-conflict) or id (PL001).")
  String rule;

  @Option(names = "--markdown", description = "Print Markdown instead of plain text.")
  boolean markdown;

  @Option(names = "--rules-dir", paramLabel = "DIR",
      description = "Also know the user rules in DIR (the rule files directly inside it). Repeatable.")
  java.util.List<java.nio.file.Path> rulesDirs = new java.util.ArrayList<>();

  private final Main.Env env;

  ExplainCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    RuleCatalog catalog = RuleDirs.catalog(rulesDirs, env.workingDir());
    RuleDefinition r = catalog.find(rule).orElseThrow(() -> new UserException(ExitCodes.USAGE,
        "unknown rule '" + rule + "'" + suggestion(catalog) + "; `podlint rules` lists them all"));
    spec.commandLine().getOut().print(markdown ? RuleDocs.markdown(r, 1) : RuleDocs.text(r));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private String suggestion(RuleCatalog catalog) {
    return catalog.all().stream()
        .min(Comparator.comparingInt(r -> EditDistance.between(r.name(), rule.toLowerCase(java.util.Locale.ROOT))))
        .filter(r -> EditDistance.between(r.name(), rule) <= Math.max(3, rule.length() / 3))
        .map(r -> " (did you mean '" + r.name() + "'?)").orElse("");
  }

}
