package dev.podlint.lsp;

import dev.podlint.engine.Finding;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hover of findings, in Markdown: for each, what it says, then its rule's title, why the rule
 * exists and how to fix what it finds, as {@code podlint explain} shows them, and the link to the
 * rule's page.
 */
final class HoverText {
  private HoverText() {}

  static String of(List<Finding> findings) {
    return findings.stream().map(HoverText::of).collect(Collectors.joining("\n\n---\n\n"));
  }

  static String of(Finding f) {
    RuleDefinition r = f.rule();
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(r.id()).append(' ').append(r.name()).append("**: ").append(r.title()).append("\n\n");
    sb.append(f.message()).append("\n\n");
    sb.append("**Why**\n\n").append(r.rationale().strip()).append("\n\n");
    sb.append("**How to fix**\n\n").append(r.remediation().strip());
    if (r.help() != null) {
      sb.append("\n\n").append(r.help().strip());
    }
    RuleDocs.url(r).ifPresent(u -> sb.append("\n\n[").append(r.name()).append(" in podlint's rules](").append(u)
        .append(')'));
    return sb.toString();
  }
}
