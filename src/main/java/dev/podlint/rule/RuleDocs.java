package dev.podlint.rule;

import dev.podlint.model.KindGroup;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders rule files for people: one Markdown page per rule (SARIF help, {@code docs/rules.md}),
 * the rule table at the top of {@code docs/rules.md}, and the terminal form of {@code podlint explain}.
 */
public final class RuleDocs {
  /** Where the rendered rule reference lives, relative to the project root. */
  public static final String DOCS_PAGE = "docs/rules.md";

  private RuleDocs() {}

  /**
   * Where a rule's documentation is on the web, for links from reports and editors: podlint's
   * rule page for its own rules, a user rule's first reference; empty when a user rule has no
   * reference or its URL is no URI.
   */
  public static java.util.Optional<java.net.URI> url(RuleDefinition r) {
    if (!r.isCustom()) {
      return java.util.Optional.of(java.net.URI.create(dev.podlint.Podlint.helpUri(r.name())));
    }
    try {
      return r.references().isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of(java.net.URI.create(r.references().get(0).url()));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * How users suppress this rule's findings: the rule's own {@code suppression} text, else the usual
   * way (docs/user-guide.md, "Suppressing a finding", has the details).
   */
  public static String suppressionHint(RuleDefinition r) {
    if (r.suppression() != null) {
      return r.suppression();
    }
    String n = r.name();
    return "Annotate the object with `podlint.io/ignore: " + n + "` (several rules: separate them with commas; a "
        + "reason follows ` -- `) or `podlint.io/ignore." + n + ": \"<reason>\"`; for one container of a pod, "
        + "`podlint.io/ignore.container.<container>: \"" + n + " -- <reason>\"`. In the file, the comment "
        + "`# podlint:ignore " + n + " <reason>` at the end of the line the finding points at, or alone on the "
        + "line above it, suppresses that finding, and `# podlint:ignore-file " + n + " <reason>` at the top of "
        + "the file suppresses the rule in the whole file. Suppressed findings stay in SARIF and JSON, marked as "
        + "suppressed with the reason.";
  }

  /** A one-line summary of the rule's metadata. */
  public static String badges(RuleDefinition r) {
    return "`" + r.id() + "` · " + r.severity().label() + " · " + r.category().label() + " · " + r.kind().label()
        + (r.enabledByDefault() ? " · enabled by default" : " · off by default")
        + (r.since() == null ? "" : " · since " + r.since()) + (r.isCustom() ? " · from " + r.fileName() : "")
        + (r.tags().isEmpty() ? "" : " · tags: " + String.join(", ", r.tags()));
  }

  /**
   * Which Kubernetes versions the rule knows, for a rule whose findings depend on the target
   * version ({@code q} quotes code); empty for the others.
   */
  public static String versions(RuleDefinition r, String q) {
    List<String> v = r.kubernetesVersions();
    return v.isEmpty() ? "" : "Kubernetes versions: " + String.join(", ", v) + " (" + q + "--kubernetes-version" + q
        + " or " + q + "kubernetesVersion" + q + "; default " + v.get(v.size() - 1) + ")";
  }

  /** The Markdown page of one rule, starting with a level-{@code level} heading. */
  public static String markdown(RuleDefinition r, int level) {
    String h = "#".repeat(level);
    StringBuilder sb = new StringBuilder();
    sb.append(h).append(' ').append(r.name()).append("\n\n");
    sb.append("**").append(r.title()).append("**\n\n");
    sb.append(badges(r)).append("\n\n");
    sb.append("Applies to: ").append(appliesTo(r)).append("\n\n");
    if (!r.kubernetesVersions().isEmpty()) {
      sb.append(versions(r, "`")).append("\n\n");
    }
    if (!r.variants().isEmpty()) {
      for (var e : r.variants().entrySet()) {
        if (e.getValue().severity() != null && e.getValue().severity() != r.severity()) {
          sb.append("Reported as ").append(e.getValue().severity().label()).append(" in the `").append(e.getKey())
              .append("` case.\n\n");
        }
      }
    }
    sb.append(h).append("# Why\n\n").append(r.rationale()).append("\n\n");
    sb.append(h).append("# How to fix\n\n").append(r.remediation()).append("\n\n");
    if (r.help() != null) {
      sb.append(r.help()).append("\n\n");
    }
    if (!r.paramNames().isEmpty()) {
      sb.append(h).append("# Parameters\n\n");
      for (String p : r.paramNames()) {
        sb.append("- `").append(p).append("` (default: ").append(paramDefault(r, p, "`")).append("): ")
            .append(paramDescription(r, p)).append('\n');
      }
      sb.append('\n');
    }
    if (r.badExample() != null) {
      sb.append(h).append("# Example that is reported\n\n```yaml\n").append(r.badExample().stripTrailing())
          .append("\n```\n\n");
      sb.append(h).append("# Fixed\n\n```yaml\n").append(r.goodExample().stripTrailing()).append("\n```\n\n");
    }
    sb.append(h).append("# Suppress\n\n").append(suppressionHint(r)).append("\n");
    if (!r.references().isEmpty()) {
      sb.append("\n").append(h).append("# References\n\n");
      for (RuleDefinition.Reference ref : r.references()) {
        sb.append("- [").append(ref.title()).append("](").append(ref.url()).append(")\n");
      }
    }
    return sb.toString();
  }

  /** The rule table of {@code docs/rules.md}: how many rules there are, then one row per rule. */
  private static String table(List<RuleDefinition> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append(counts(rules)).append("\n\n");
    sb.append("| id | name | level | category | default | what it finds |\n");
    sb.append("| --- | --- | --- | --- | --- | --- |\n");
    for (RuleDefinition r : rules) {
      sb.append("| ").append(r.id()).append(" | [`").append(r.name()).append("`](#")
          .append(r.name()).append(") | ").append(levels(r)).append(" | ").append(r.category().label()).append(" | ")
          .append(r.enabledByDefault() ? "on" : "off").append(" | ").append(r.title()).append(" |\n");
    }
    return sb.toString();
  }

  /**
   * {@code 82 rules (15 validity, 11 networking, ...), 66 of them on by default; ...}: the counts the
   * rule table states, by category in the order of each category's first rule.
   */
  static String counts(List<RuleDefinition> rules) {
    long on = rules.stream().filter(RuleDefinition::enabledByDefault).count();
    java.util.Map<String, Long> byCategory = rules.stream().collect(Collectors.groupingBy(r -> r.category().label(),
        java.util.LinkedHashMap::new, Collectors.counting()));
    String categories = byCategory.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
    long schema = rules.stream().filter(r -> r.engine() == Engine.SCHEMA).count();
    return rules.size() + " rules (" + categories + "), " + on + " of them on by default; " + schema
        + " are declarative (`engine: schema`).";
  }

  private static String levels(RuleDefinition r) {
    String extra = r.variants().values().stream()
        .map(RuleDefinition.Variant::severity)
        .filter(s -> s != null && s != r.severity())
        .map(Severity::label).distinct().collect(Collectors.joining("/"));
    return extra.isEmpty() ? r.severity().label() : r.severity().label() + "/" + extra;
  }

  /**
   * The kinds a rule applies to, each group with the Kubernetes kinds it takes; the kinds of
   * operators and of configurations it also takes are in docs/kinds.md, so that adding one changes
   * no rule's text.
   */
  private static String appliesTo(RuleDefinition r) {
    List<String> out = new ArrayList<>();
    for (String name : r.appliesTo()) {
      out.add(KindGroup.parse(name).map(g -> name + " (" + String.join(", ", WorkloadKinds.BUILT_IN.all().stream()
          .filter(k -> k.kubernetes() && k.in(g)).map(WorkloadKind::name).toList())
          + ", and such kinds of operators and of the configuration: docs/kinds.md)").orElse(name));
    }
    return String.join(", ", out);
  }

  /** The whole rule reference page ({@code docs/rules.md}). */
  public static String page(List<RuleDefinition> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append("# podlint rules\n\n");
    sb.append("Generated from `rules/*.yaml` by `podlint rules --format markdown`; do not edit by hand.\n\n");
    sb.append(table(rules)).append('\n');
    for (RuleDefinition r : rules) {
      sb.append(markdown(r, 2)).append('\n');
    }
    return sb.toString().stripTrailing() + "\n";
  }

  /** The terminal form of one rule, for {@code podlint explain}. */
  public static String text(RuleDefinition r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.id()).append(' ').append(r.name()).append(": ").append(r.title()).append('\n');
    sb.append(badges(r).replace("`", "")).append('\n');
    sb.append("Applies to: ").append(appliesTo(r)).append('\n');
    if (!r.kubernetesVersions().isEmpty()) {
      sb.append(versions(r, "")).append('\n');
    }
    sb.append("\nWHY\n").append(indent(r.rationale())).append("\n\n");
    sb.append("HOW TO FIX\n").append(indent(r.remediation())).append("\n\n");
    if (r.help() != null) {
      sb.append(indent(r.help())).append("\n\n");
    }
    if (!r.paramNames().isEmpty()) {
      sb.append("PARAMETERS\n");
      for (String p : r.paramNames()) {
        sb.append(indent(p + " (default: " + paramDefault(r, p, "") + ")\n  " + paramDescription(r, p))).append('\n');
      }
      sb.append('\n');
    }
    if (r.badExample() != null) {
      sb.append("EXAMPLE THAT IS REPORTED\n").append(indent(r.badExample().stripTrailing())).append("\n\n");
      sb.append("FIXED\n").append(indent(r.goodExample().stripTrailing())).append("\n\n");
    }
    sb.append("SUPPRESS\n").append(indent(suppressionHint(r))).append('\n');
    if (!r.references().isEmpty()) {
      sb.append("\nREFERENCES\n");
      for (RuleDefinition.Reference ref : r.references()) {
        sb.append("  ").append(ref.title()).append(": ").append(ref.url()).append('\n');
      }
    }
    return sb.toString();
  }

  /** A scalar default as written, or where to find a structured one; {@code q} quotes code. */
  private static String paramDefault(RuleDefinition r, String name, String q) {
    return r.paramDefault(name)
        .map(n -> n instanceof dev.podlint.model.YScalar sc ? q + sc.value() + q
            : "as listed in " + q + "rules/" + r.fileName() + q)
        .orElse("none");
  }

  private static String paramDescription(RuleDefinition r, String name) {
    return r.params().mapAt("properties", name).flatMap(m -> m.string("description")).orElse("").strip();
  }

  private static String indent(String s) {
    return s.lines().map(l -> l.isEmpty() ? "" : "  " + l).collect(Collectors.joining("\n"));
  }
}
