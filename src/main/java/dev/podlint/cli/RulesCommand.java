package dev.podlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podlint rules}: lists every rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = PodlintCommand.Version.class,
    description = "Lists podlint's rules. `--format markdown` renders the rule reference (docs/rules.md).")
public final class RulesCommand implements Callable<Integer> {
  enum Format { text, markdown, json }

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--rules-dir", paramLabel = "DIR",
      description = "Also list the user rules in DIR (the rule files directly inside it). Repeatable.")
  List<java.nio.file.Path> rulesDirs = new ArrayList<>();

  private final Main.Env env;

  RulesCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleDefinition> rules = RuleDirs.catalog(rulesDirs, env.workingDir()).all();
    switch (format) {
      case markdown -> out.print(RuleDocs.page(rules));
      case json -> {
        List<Object> list = new ArrayList<>();
        for (RuleDefinition r : rules) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", r.id());
          m.put("name", r.name());
          m.put("title", r.title());
          m.put("level", r.severity().label());
          m.put("category", r.category().label());
          m.put("kind", r.kind().label());
          m.put("enabledByDefault", r.enabledByDefault());
          m.put("appliesTo", WorkloadKinds.BUILT_IN.expand(r.appliesTo()));
          if (!r.tags().isEmpty()) {
            m.put("tags", r.tags());
          }
          if (!r.kubernetesVersions().isEmpty()) {
            m.put("kubernetesVersions", r.kubernetesVersions());
          }
          list.add(m);
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
      }
      case text -> {
        int w = rules.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        int iw = rules.stream().mapToInt(r -> r.id().length()).max().orElse(5);
        for (RuleDefinition r : rules) {
          List<String> versions = r.kubernetesVersions();
          out.printf("%-" + iw + "s  %-" + w + "s  %-7s  %-3s  %-10s  %s%s%n", r.id(), r.name(), r.severity().label(),
              r.enabledByDefault() ? "on" : "off", r.category().label(), r.title(), versions.isEmpty() ? ""
                  : " [Kubernetes " + versions.get(0) + " to " + versions.get(versions.size() - 1) + "]");
        }
        out.println();
        out.println("on/off: enabled by default or not (a configuration turns rules on and off).");
        rules.stream().map(RuleDefinition::kubernetesVersions).filter(v -> !v.isEmpty()).findFirst().ifPresent(v ->
            out.println("[Kubernetes " + v.get(0) + " to " + v.get(v.size() - 1) + "]: what the rule finds depends on "
                + "--kubernetes-version (default " + v.get(v.size() - 1) + ")."));
        out.println("`podlint explain NAME` tells why a rule exists and how to fix what it finds.");
      }
      default -> throw new IllegalStateException();
    }
    out.flush();
    return ExitCodes.OK;
  }
}
