package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.model.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuantityTest {
  static BigDecimal q(String s) {
    return Quantity.parse(s).orElseThrow(() -> new AssertionError("not parsed: " + s));
  }

  static void same(String a, String b) {
    assertEquals(0, q(a).compareTo(q(b)), a + " == " + b);
  }

  @Test
  void parsesKubernetesQuantities() {
    same("500m", "0.5");
    same("1", "1000m");
    same("1e3", "1k");
    same("1E3", "1000");
    same("1Ki", "1024");
    same("1Gi", "1073741824");
    same("128M", "128000000");
    same("1.5Gi", "1536Mi");
    same("100u", "0.0001");
    same("2n", "0.000000002");
    same(".5", "500m");
    same("1E", "1000000000000000000");
    assertTrue(q("1Gi").compareTo(q("1G")) > 0);
    assertTrue(q("128M").compareTo(q("128Mi")) < 0);
  }

  /** Each case as k8s.io/apimachinery's ParseQuantity decides it (checked with kubectl 1.32). */
  @Test
  void rejectsWhatKubernetesRejectsWithTheReason() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("", "it is empty");
    cases.put("   ", "it is empty");
    cases.put("abc", "unexpected \"a\" at character 1");
    cases.put("NaN", "unexpected \"N\" at character 1");
    cases.put("0x10", "unexpected \"x\" at character 2");
    cases.put("1 Gi", "unexpected character U+0020 at character 2");
    cases.put("\t1", "unexpected character U+0009 at character 1");
    cases.put("1GB", "unexpected \"B\" at character 3");
    cases.put("1gi", "unexpected \"g\" at character 2");
    cases.put("1.2.3", "unexpected \".\" at character 4");
    cases.put("1e3Mi", "unexpected \"M\" at character 4");
    cases.put("\u0661", "unexpected \"\u0661\" at character 1");
    cases.put("1e", "unknown suffix \"e\"; an exponent needs digits (1e3)");
    cases.put("1e-", "unknown suffix \"e-\"; an exponent needs digits (1e3)");
    cases.put("512K", "unknown suffix \"K\"; write k (1000) or Ki (1024)");
    cases.put("--1", "unknown suffix \"-1\"");
    cases.put("1Ki5", "unknown suffix \"Ki5\"");
    cases.put("1e99999999999999999999", "unknown suffix \"e99999999999999999999\"");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertEquals(Optional.of(c.getValue()), Quantity.problem(c.getKey()), c.getKey());
      assertTrue(Quantity.parse(c.getKey()).isEmpty(), c.getKey());
    }
  }

  /** Kubernetes' parser is lenient: these are quantities (most of them zero). */
  @Test
  void acceptsWhatKubernetesAccepts() {
    for (String s : new String[] {"Mi", "k", "e5", "-Ki", ".", "-", "+", "1.", " 1 ", "1Ki\u00a0", "01", "+1", "-0",
        "1e+3", "1E-3", "5n", "5u", "1e400", "1e99999999999"}) {
      assertEquals(Optional.empty(), Quantity.problem(s), s);
    }
    same("Mi", "0");
    same(".", "0");
    same("1.", "1");
    same("01", "1");
    same("1e+3", "1k");
    assertTrue(Quantity.parse("1e99999999999").isEmpty(), "an exponent too far out to compute has no value");
  }

  @Test
  void negative() {
    assertTrue(Quantity.negative("-1"));
    assertTrue(Quantity.negative("-0.5m"));
    assertTrue(Quantity.negative(" -1e3"));
    assertFalse(Quantity.negative("-0"));
    assertFalse(Quantity.negative("-0.000"));
    assertFalse(Quantity.negative("-"));
    assertFalse(Quantity.negative("1"));
    assertFalse(Quantity.negative("-x"), "not a quantity at all");
  }

  /** A quantity of a million digits is read in linear time, and compares right. */
  @Test
  void longTextIsBoundedWork() {
    String big = "9".repeat(1_000_000);
    assertTrue(q(big).compareTo(q("1e99999")) > 0);
    assertTrue(q(big + "m").compareTo(q(big)) < 0);
    assertTrue(q("0." + "0".repeat(1_000_000) + "1").signum() > 0);
    assertEquals(Optional.empty(), Quantity.problem(big + "Ki"));
  }
}
