package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.rule.RuleDefinition;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Suppressions written by users. The object annotation {@code podlint.io/ignore} lists rule names
 * or ids (comma or space separated) that do not apply to that object.
 */
public final class Suppressions {
  public static final String IGNORE_ANNOTATION = "podlint.io/ignore";

  private Suppressions() {}

  /** How {@code finding} is suppressed, if it is. */
  public static Optional<Finding.Suppression> of(Finding finding) {
    K8sObject o = finding.object();
    if (o == null) {
      return Optional.empty();
    }
    Optional<String> value = o.annotation(IGNORE_ANNOTATION);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    RuleDefinition rule = finding.rule();
    boolean listed = Arrays.stream(value.get().split("[,\\s]+"))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .anyMatch(s -> s.equals(rule.name()) || s.equals(rule.id().toLowerCase(Locale.ROOT)));
    if (!listed) {
      return Optional.empty();
    }
    return Optional.of(new Finding.Suppression("inSource",
        "annotation " + IGNORE_ANNOTATION + " on " + o.kind() + " " + (o.name() == null ? "(unnamed)" : o.name())));
  }
}
