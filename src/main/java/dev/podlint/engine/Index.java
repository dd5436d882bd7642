package dev.podlint.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values by key, in the order added, for the inventory's lookups (workloads by label, controllers
 * by name): a key with one value, as most have (names and many labels are unique), keeps it without
 * a list of its own.
 */
final class Index<K, V> {
  private final Map<K, Object> byKey = new HashMap<>();

  void add(K key, V value) {
    byKey.merge(key, value, (old, v) -> {
      if (old instanceof Several s) {
        s.add(v);
        return s;
      }
      Several s = new Several();
      s.add(old);
      s.add(v);
      return s;
    });
  }

  /** The values added under {@code key}, in order; empty when none. */
  @SuppressWarnings("unchecked")
  List<V> get(K key) {
    Object o = byKey.get(key);
    if (o == null) {
      return List.of();
    }
    return o instanceof Several s ? (List<V>) s : List.of((V) o);
  }

  /** The list of a key with several values (a value is never one of these). */
  private static final class Several extends ArrayList<Object> {
    Several() {
      super(4);
    }
  }
}
