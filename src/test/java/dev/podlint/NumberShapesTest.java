package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Finding;
import dev.podlint.model.Quantity;
import dev.podlint.rule.RuleDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Numbers of every shape in every kind of number field, linted with every rule: no shape is an
 * internal error, every shape Kubernetes cannot decode into a field is one schema-violation at its
 * value and every shape it can is none, and the object's other findings are kept.
 */
class NumberShapesTest {
  /** Only a guard against a hang (see HostileInputTest): the work is bounded by the digits read. */
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /**
   * What Kubernetes decodes, from {@code kubectl set image --local -f pod.yaml -o json} (kubectl
   * 1.32) on a Pod with the shape in each field: {@code +} decoded, {@code x} refused. The fields:
   * terminationGracePeriodSeconds (int64), containerPort (int32), a probe's port (int-or-string),
   * a CPU limit (a quantity; the API server also refuses one below zero, which decoding accepts).
   */
  static final String KUBECTL = """
      0                            ++++
      -0                           ++++
      +5                           ++++
      1.0                          ++++
      1e3                          ++++
      1E+3                         ++++
      1e-400                       ++++
      1e400                        xx++
      -1e400                       xx++
      1e308                        xxx+
      1e309                        xx++
      2.5                          xxx+
      .5                           xxx+
      -.5                          xxx+
      0x10                         ++++
      0X1f                         ++++
      0o17                         ++++
      017                          ++++
      08                           ++++
      0b101                        ++++
      1_000                        ++++
      9223372036854775807          +xx+
      9223372036854775808          xxx+
      -9223372036854775808         +xx+
      -9223372036854775809         xxx+
      18446744073709551615         xxx+
      18446744073709551616         xxx+
      2147483647                   ++++
      2147483648                   +xx+
      -2147483649                  +xx+
      4294967376                   +xx+
      99999999999999999999         xxx+
      0xFFFFFFFFFFFFFFFF           xxx+
      0xFFFFFFFFFFFFFFFFF          xx+x
      .inf                         xxxx
      -.inf                        xxxx
      .nan                         xxxx
      1e                           xx+x
      "1"                          xx++
      "-1"                         xx++
      "1e400"                      xx++
      "0x10"                       xx+x
      "NaN"                        xx+x
      "512K"                       xx+x
      "1Ki"                        xx++
      !!int "7"                    ++++
      !!str 7                      xx++
      !!float 7                    ++++
      """;

  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: shape-%d
      spec:
        terminationGracePeriodSeconds: %s
        bogus: kept
        containers:
          - name: app
            image: nginx:1.27
            ports:
              - containerPort: %s
            readinessProbe:
              tcpSocket:
                port: %s
            resources:
              limits:
                cpu: %s
      """;
  /** The lines of POD that hold the four fields and the unknown field, from the document's first line. */
  static final int[] FIELD_LINES = {6, 12, 15, 18};
  static final int BOGUS_LINE = 7;
  static final int POD_LINES = 18;

  static List<String> allRules() {
    return TestSupport.catalog().all().stream().filter(r -> !r.isCustom()).map(RuleDefinition::name).toList();
  }

  @Test
  void everyShapeAsKubernetesDecodesIt() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : KUBECTL.strip().split("\\n")) {
      String[] p = line.strip().split("\\s{2,}");
      expected.put(p[0], p[1]);
    }
    List<String> shapes = new ArrayList<>(expected.keySet());
    Map<Integer, List<Finding>> byLine = lintPods(shapes);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      String shape = shapes.get(i);
      int first = i * (POD_LINES + 1) + 1;
      for (int f = 0; f < FIELD_LINES.length; f++) {
        boolean decodes = expected.get(shape).charAt(f) == '+';
        boolean valid = decodes && !(f == 3 && Quantity.negative(shape.replace("\"", "")));
        List<Finding> at = schemaViolations(byLine, first + FIELD_LINES[f] - 1);
        if (at.size() != (valid ? 0 : 1)) {
          wrong.add(shape + " in field " + f + ": " + (valid ? "valid, but " : "invalid, but ") + at.stream()
              .map(Finding::message).toList());
        }
      }
      assertEquals(1, schemaViolations(byLine, first + BOGUS_LINE - 1).size(), shape + ": the object's other finding");
    }
    assertEquals(List.of(), wrong);
  }

  /**
   * Generated shapes (signs, digits, fractions, exponents, bases, underscores, quoted or not), in
   * every field: never an internal error (TestSupport.lint fails on one), the object's other
   * finding kept, at most one schema-violation at a value, and no message that contradicts itself.
   */
  @Test
  void generatedShapesAreFindingsNeverErrors() {
    List<String> shapes = new ArrayList<>();
    for (String sign : List.of("", "-", "+")) {
      for (String digits : List.of("0", "7", "00", "08", "1_0", "2147483648", "9223372036854775808",
          "18446744073709551616", "9".repeat(40), "9".repeat(400), "0x7f", "0xFFFFFFFFFFFFFFFFFF", "0o17", "0b1",
          "0b" + "1".repeat(70), ".5", "5.", "1.5", "1." + "0".repeat(30) + "1")) {
        for (String exponent : List.of("", "e0", "E+3", "e-3", "e308", "e309", "e-400", "e99999999999", "e")) {
          String s = sign + digits + exponent;
          shapes.add(s);
          shapes.add("\"" + s + "\"");
        }
      }
    }
    shapes.addAll(List.of(".inf", "-.Inf", "+.INF", ".nan", ".NaN", "~", "null", "true", "yes", "Mi", "\"-\"", ".",
        "\"\"", "\" 1 \"", "1Ki", "1K", "!!int 3", "!!int three", "!!float 1e400", "!!str 1", "!!bool 0x1",
        "!!null 0", "!custom 5"));
    Map<Integer, List<Finding>> byLine = lintPods(shapes);
    for (int i = 0; i < shapes.size(); i++) {
      int first = i * (POD_LINES + 1) + 1;
      String shape = shapes.get(i);
      assertEquals(1, schemaViolations(byLine, first + BOGUS_LINE - 1).size(), shape + ": the object's other finding");
      for (int f : FIELD_LINES) {
        List<Finding> at = schemaViolations(byLine, first + f - 1);
        assertTrue(at.size() <= 1, shape + ": " + at.stream().map(Finding::message).toList());
      }
    }
    Pattern readings = Pattern.compile("is (.*) to Kubernetes \\(YAML 1\\.1\\) but (.*) to YAML 1\\.2 tools");
    for (List<Finding> findings : byLine.values()) {
      for (Finding x : findings) {
        Matcher m = readings.matcher(x.message());
        assertFalse(m.find() && m.group(1).equals(m.group(2)), x.message());
        assertFalse(x.message().matches(".*expected integer, got integer.*"), x.message());
      }
    }
  }

  /** A number of 200,000 digits in every field: bounded work, the usual findings. */
  @Test
  void hugeNumbersAreReadInBoundedWork() {
    String digits = "7".repeat(200_000);
    List<String> shapes = List.of(digits, "-" + digits, "0x" + "f".repeat(200_000), "1." + digits + "e5",
        "\"" + digits + "Ki\"", "\"1e-99999999999\"");
    Map<Integer, List<Finding>> byLine = assertTimeoutPreemptively(HANG_GUARD, () -> lintPods(shapes));
    for (int i = 0; i < shapes.size(); i++) {
      int first = i * (POD_LINES + 1) + 1;
      assertEquals(1, schemaViolations(byLine, first + BOGUS_LINE - 1).size());
      // an int64 field cannot take any of them
      assertEquals(1, schemaViolations(byLine, first + FIELD_LINES[0] - 1).size(), "shape " + i);
    }
  }

  /** Lints one Pod per shape, in one file, with every rule; the findings by line. */
  static Map<Integer, List<Finding>> lintPods(List<String> shapes) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shapes.size(); i++) {
      String s = shapes.get(i);
      text.append(i == 0 ? "" : "---\n").append(String.format(POD, i, s, s, s, s));
    }
    Map<Integer, List<Finding>> out = new LinkedHashMap<>();
    for (Finding f : TestSupport.lint("shapes.yaml", text.toString(), allRules())) {
      out.computeIfAbsent(f.span().start().line(), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  static List<Finding> schemaViolations(Map<Integer, List<Finding>> byLine, int line) {
    return byLine.getOrDefault(line, List.of()).stream().filter(f -> f.rule().name().equals("schema-violation")).toList();
  }
}
