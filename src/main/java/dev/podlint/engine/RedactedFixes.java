package dev.podlint.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reports copy no secret: the proposed fixes of objects that hold one are left out. */
final class RedactedFixes {
  private RedactedFixes() {}

  /**
   * Drops proposed fixes of objects that hold a literal secret (the findings of a rule that
   * {@link dev.podlint.rule.RuleDefinition#redactsFixes() redacts fixes}): a fix repeats the
   * object's text, and reports travel to CI logs and code scanning, where a secret must not be
   * copied. The finding stays; {@code podlint advise} still prints the proposal locally.
   */
  static List<Finding> of(List<Finding> findings) {
    Set<String> secret = new HashSet<>();
    for (Finding f : findings) {
      if (f.rule().redactsFixes() && f.object() != null) {
        secret.add(objectKey(f));
      }
    }
    if (secret.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      boolean holds = f.fix() != null && f.object() != null && secret.contains(objectKey(f));
      out.add(holds ? f.withoutFix() : f);
    }
    return out;
  }

  private static String objectKey(Finding f) {
    return f.file().displayName() + "\u0000" + f.object().documentIndex() + "\u0000" + f.object().identity();
  }
}
