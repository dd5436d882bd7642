package dev.podlint.checks;

import java.util.regex.Pattern;
import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YScalar;
import dev.podlint.model.YTree;

/**
 * ambiguous-yaml-scalar: plain values that Kubernetes (YAML 1.1) and YAML 1.2 tools read
 * differently: {@code yes}/{@code no}/{@code on}/{@code off} (booleans or strings), {@code 0755}
 * (octal 493 or decimal 755), {@code 1_000}.
 */
public final class AmbiguousYamlScalarCheck implements Check.ObjectCheck {
  @Override
  public void check(K8sObject object, Findings out) {
    YTree.forEachNode(object.root(), n -> {
      if (n instanceof YScalar s && s.ambiguous()) {
        out.at(s).arg("value", s.value()).arg("field", s.path().describe())
            .arg("kubernetes", kubernetesReading(s)).arg("yaml12", yaml12Reading(s)).report();
      }
    });
  }

  private static String kubernetesReading(YScalar s) {
    return switch (s.type()) {
      case BOOL -> "the boolean " + s.asBoolean().orElse(false);
      case INT -> "the integer " + s.asBigInteger().map(String::valueOf).orElse(s.value());
      case FLOAT -> "a number";
      case NULL -> "null";
      case STRING -> "the string \"" + s.value() + "\"";
    };
  }

  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");

  private static String yaml12Reading(YScalar s) {
    String v = s.value();
    if (s.type() == YScalar.Type.INT && DECIMAL.matcher(v.replace("_", "")).matches()) {
      return v.contains("_") ? "the string \"" + v + "\"" : "the integer " + new java.math.BigInteger(v.replace("+", ""));
    }
    return "the string \"" + v + "\"";
  }
}
