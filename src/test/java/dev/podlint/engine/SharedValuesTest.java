package dev.podlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equal labels in one order are one map, equal port lists one list, and strings are interned. */
class SharedValuesTest {
  @Test
  void labelsKeepTheirOrderAndEqualOnesAreOneMap() {
    SharedValues shared = new SharedValues();
    Map<String, String> a = new LinkedHashMap<>();
    a.put(new String("app"), "web");
    a.put("tier", new String("front"));
    Map<String, String> b = new LinkedHashMap<>();
    b.put("tier", "front");
    b.put("app", "web");
    Map<String, String> first = shared.labels(a);
    assertSame(first, shared.labels(new LinkedHashMap<>(a)));
    Map<String, String> reordered = shared.labels(b);
    assertNotSame(first, reordered);
    assertEquals(List.of("app", "tier"), List.copyOf(first.keySet()));
    assertEquals(List.of("tier", "app"), List.copyOf(reordered.keySet()));
    assertSame("front", first.get("tier"));
    assertTrue(shared.labels(Map.of()).isEmpty());
  }

  @Test
  void equalPortListsAreOneList() {
    SharedValues shared = new SharedValues();
    List<Inventory.Port> web = List.of(new Inventory.Port("app", "http", 8080L, "TCP"));
    List<Inventory.Port> first = shared.ports(new java.util.ArrayList<>(web));
    assertSame(first, shared.ports(List.of(new Inventory.Port("app", "http", 8080L, "TCP"))));
    assertEquals(web, first);
    assertTrue(shared.ports(List.of()).isEmpty());
  }
}
