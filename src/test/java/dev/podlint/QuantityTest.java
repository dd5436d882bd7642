package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.model.Quantity;
import java.math.BigDecimal;
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

  @Test
  void rejectsWhatIsNotAQuantity() {
    for (String s : new String[] {"", "abc", "1 Gi", "1GB", "1gi", "--1", "1.2.3", "Mi"}) {
      assertTrue(Quantity.parse(s).isEmpty(), s);
    }
  }
}
