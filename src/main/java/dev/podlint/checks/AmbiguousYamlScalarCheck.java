package dev.podlint.checks;

import java.math.BigInteger;
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
        String kubernetes = kubernetesReading(s);
        String yaml12 = yaml12Reading(s);
        if (!kubernetes.equals(yaml12)) { // never "the string x to Kubernetes but the string x to YAML 1.2"
          out.at(s).arg("value", s.value()).arg("field", s.path().describe())
              .arg("kubernetes", kubernetes).arg("yaml12", yaml12).report();
        }
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

  // the YAML 1.2 Core schema (yaml.org/spec/1.2.2, 10.3.2), as snakeyaml-engine and most tools read it
  private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT = Pattern.compile(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  /** Integers longer than this are not written out in the message. */
  private static final int SHOWN_DIGITS = 40;

  /** What a YAML 1.2 reader makes of the scalar: its tag if it has one, else the Core schema's reading. */
  private static String yaml12Reading(YScalar s) {
    String v = s.value();
    if (s.tag() != null && s.tag().equals("!!int") && DECIMAL.matcher(v).matches()) {
      return integer(v, 10);
    }
    if (NULL.matcher(v).matches()) {
      return "null";
    }
    if (BOOL.matcher(v).matches()) {
      return "the boolean " + v.toLowerCase(java.util.Locale.ROOT);
    }
    if (DECIMAL.matcher(v).matches()) {
      return integer(v, 10);
    }
    if (OCTAL.matcher(v).matches() || HEX.matcher(v).matches()) {
      return integer(v.substring(2), v.charAt(1) == 'o' ? 8 : 16);
    }
    if (FLOAT.matcher(v).matches()) {
      return "a number";
    }
    return "the string \"" + v + "\"";
  }

  private static String integer(String digits, int radix) {
    String d = digits.startsWith("+") ? digits.substring(1) : digits;
    return d.length() > SHOWN_DIGITS ? "an integer" : "the integer " + new BigInteger(d, radix);
  }
}
