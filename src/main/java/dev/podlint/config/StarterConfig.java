package dev.podlint.config;

import dev.podlint.engine.LintOptions;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commented starter configuration {@code podlint init} writes. Every setting is commented out,
 * so the file changes nothing until its owner uncomments a line; each rule's line shows its
 * default, so uncommenting it alone changes nothing either.
 */
public final class StarterConfig {
  /** The order categories are listed in; others follow alphabetically. */
  private static final List<String> CATEGORIES =
      List.of("validity", "networking", "health", "resources", "security", "design");

  private StarterConfig() {}

  /** The text of the starter file for the rules of {@code catalog}. */
  public static String text(RuleCatalog catalog) {
    String newest = LintOptions.KUBERNETES_VERSIONS.get(LintOptions.KUBERNETES_VERSIONS.size() - 1);
    StringBuilder sb = new StringBuilder();
    sb.append("""
        # podlint configuration. The settings are described in podlint's schemas/config.schema.json
        # and docs/configuration.md. podlint reads this file when it runs in this directory or
        # below it (up to the repository root); --config FILE names another one, --no-config ignores it.
        # Command-line options override the settings here.
        #
        # Everything is commented out, so this file changes nothing yet: uncomment what you need.

        # The lowest level of finding that makes podlint exit with 1: error, warning, note or none.
        # failOn: error

        # The lowest level of finding the reports show: error, warning or note (every finding).
        # Hidden findings still count for failOn, and the summary says how many were hidden.
        # show: note

        # The Kubernetes version whose API the manifests are checked against (quoted): %s.
        # kubernetesVersion: "%s"

        # Report objects of kinds podlint has no schema for (custom resources) as errors, not notes.
        # strictKinds: false

        # Files and directories not to lint, relative to this file. * and ? stay within a directory,
        # ** spans directories, and a pattern that matches a directory excludes all of it. Files
        # named on the command line are excluded too (pre-commit hooks name every changed file).
        exclude:
        #  - "charts/*/templates"        # Helm templates are not YAML until rendered: lint `helm template` output
        #  - "**/*.tmpl.yaml"
        #  - "test/fixtures"

        # Directories of your own rule files (the format of podlint's rules/), relative to this file.
        # ruleDirectories:
        #  - "policy/podlint-rules"

        # Rules: off, note, warning or error; on runs a rule at its default level (also one that is
        # off by default); or a mapping with level and params:
        #   unrelated-services-in-pod: {level: error}
        #   ephemeral-data-volume: {params: {dataStores: [...]}}
        # A level applies to every finding of the rule. Each line below shows the rule's default;
        # `podlint explain RULE` says why the rule exists, how to fix its findings, and its params.
        rules:
        """.formatted(LintOptions.KUBERNETES_VERSIONS.get(0) + " to " + newest, newest));
    Map<String, List<RuleDefinition>> byCategory = new LinkedHashMap<>();
    CATEGORIES.forEach(c -> byCategory.put(c, new ArrayList<>()));
    catalog.all().stream().sorted(java.util.Comparator.comparing(r -> r.category().label()))
        .forEach(r -> byCategory.computeIfAbsent(r.category().label(), k -> new ArrayList<>()).add(r));
    int width = catalog.all().stream().mapToInt(r -> (r.name() + ": " + defaultSetting(r)).length()).max().orElse(30)
        + 2;
    boolean first = true;
    for (Map.Entry<String, List<RuleDefinition>> e : byCategory.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      if (!first) {
        sb.append("  #\n");
      }
      first = false;
      sb.append("  # ").append(e.getKey()).append('\n');
      for (RuleDefinition r : e.getValue()) {
        String setting = r.name() + ": " + defaultSetting(r);
        sb.append("  # ").append(setting).append(" ".repeat(Math.max(1, width - setting.length())))
            .append("# ").append(note(r)).append(r.title()).append('\n');
        if (!r.paramNames().isEmpty()) {
          sb.append("  #   params: ").append(String.join(", ", r.paramNames())).append(" (podlint explain ")
              .append(r.name()).append(")\n");
        }
      }
    }
    sb.append("""

        # Findings that do not count for the objects an exemption matches: every criterion given must
        # match (rules: which rules, else all; kinds; namespaces, "" for none; names: a regular
        # expression for the whole object name; containers: findings about these containers only).
        # Each exemption needs a reason; SARIF and JSON reports keep exempted findings as suppressed,
        # with the reason as justification.
        exemptions:
        #  - rules: [missing-liveness-probe, missing-readiness-probe]
        #    kinds: [Deployment]
        #    names: "legacy-.*"
        #    reason: "legacy batch gateways are replaced in Q3 (TICKET-123)"
        #  - rules: [missing-cpu-limit]
        #    namespaces: [monitoring]
        #    containers: [node-exporter]
        #    reason: "exporters are throttled by their own settings"
        """);
    return sb.toString();
  }

  /**
   * What to write for a rule so that the line changes nothing: its level, {@code on} when its
   * findings have several levels (a single level would apply to all of them), or {@code off}.
   */
  static String defaultSetting(RuleDefinition r) {
    if (!r.enabledByDefault()) {
      return "off";
    }
    return levels(r).size() > 1 ? "on" : r.severity().label();
  }

  private static String note(RuleDefinition r) {
    List<Severity> levels = levels(r);
    if (!r.enabledByDefault()) {
      return "(" + (levels.size() > 1 ? label(levels) : r.severity().label()) + " when on) ";
    }
    return levels.size() > 1 ? "(" + label(levels) + " by case) " : "";
  }

  private static List<Severity> levels(RuleDefinition r) {
    List<Severity> out = new ArrayList<>(List.of(r.severity()));
    r.variants().values().stream().map(RuleDefinition.Variant::severity)
        .filter(s -> s != null && !out.contains(s)).forEach(out::add);
    return out;
  }

  private static String label(List<Severity> levels) {
    return String.join(" or ", levels.stream().map(Severity::label).toList());
  }
}
