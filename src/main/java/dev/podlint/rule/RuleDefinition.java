package dev.podlint.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rule as declared in {@code rules/PL###-name.yaml}: the only home of its text.
 *
 * @param engine {@code java} (a check class) or {@code core} (produced by podlint's loader)
 * @param variants alternative messages (and severities) a check may choose by name
 * @param oncePerRun only the first finding with a given message counts in a run
 */
public record RuleDefinition(
    String id,
    String name,
    String title,
    Severity severity,
    String category,
    String kind,
    String precision,
    boolean enabledByDefault,
    String since,
    Set<String> appliesTo,
    String engine,
    String message,
    String relatedMessage,
    Map<String, Variant> variants,
    String rationale,
    String remediation,
    String help,
    List<Reference> references,
    String badExample,
    String goodExample,
    boolean oncePerRun,
    String fileName) {

  /** An alternative wording a check can pick, with its own severity when given. */
  public record Variant(Severity severity, String message) {}

  /** A link to further reading. */
  public record Reference(String title, String url) {}

  /** Whether the rule checks objects of {@code kind}; {@code *} in the rule file means every kind. */
  public boolean appliesTo(String kind) {
    return appliesTo.contains(kind) || appliesTo.contains("*");
  }

  public Optional<Variant> variant(String name) {
    return Optional.ofNullable(variants.get(name));
  }

  /** The severity of a finding in the given variant (or the rule's own). */
  public Severity severityOf(String variant) {
    if (variant == null) {
      return severity;
    }
    Variant v = variants.get(variant);
    if (v == null) {
      throw new IllegalStateException("rule " + name + " has no variant '" + variant + "'");
    }
    return v.severity() == null ? severity : v.severity();
  }

  public String messageOf(String variant) {
    return variant == null ? message : variants.get(variant).message();
  }

  /** The strongest level any finding of this rule can have. */
  public Severity maxSeverity() {
    Severity max = severity;
    for (Variant v : variants.values()) {
      if (v.severity() != null && v.severity().atLeast(max)) {
        max = v.severity();
      }
    }
    return max;
  }

  /** {@code PL001 container-port-conflict}. */
  public String label() {
    return id + " " + name;
  }
}
