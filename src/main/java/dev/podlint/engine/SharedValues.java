package dev.podlint.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the cross-object inventory keeps of each document, shared so that a run keeps little
 * per document: strings interned (the same kind, namespace, label or key in thousands of documents
 * is one string), equal label sets one map, equal port lists one list. Its nodes are kept
 * {@link PackedNodes packed}. Used by one thread, for one part of a run.
 */
final class SharedValues {
  private final Map<List<Map.Entry<String, String>>, Map<String, String>> labelSets = new HashMap<>();
  private final Map<List<Inventory.Port>, List<Inventory.Port>> portLists = new HashMap<>();
  private final Map<Numbers, long[]> numberSets = new HashMap<>();
  private final Map<List<String>, String[]> nameLists = new HashMap<>();

  /** {@code s} as the one string of its text that the whole process shares; null stays null. */
  static String intern(String s) {
    return s == null ? null : s.intern();
  }

  /**
   * The labels (or any strings by string), interned, in their order; unmodifiable. Equal labels in
   * the same order are one map (a controller's pod labels are also its workload's).
   */
  Map<String, String> labels(Map<String, String> m) {
    if (m.isEmpty()) {
      return Map.of();
    }
    List<Map.Entry<String, String>> inOrder = new ArrayList<>(m.size());
    m.forEach((k, v) -> inOrder.add(Map.entry(k, v)));
    return labelSets.computeIfAbsent(inOrder, k -> new SmallMap(m));
  }

  /** The ports, in their order; equal lists are one list (workloads of one image declare the same). */
  List<Inventory.Port> ports(List<Inventory.Port> ports) {
    return ports.isEmpty() ? List.of() : portLists.computeIfAbsent(ports, List::copyOf);
  }

  /** The numbers, sorted; equal arrays are one array (the ports of one image are those of every pod of it). */
  long[] numbers(long[] sorted) {
    return numberSets.computeIfAbsent(new Numbers(sorted), Numbers::values);
  }

  /** The names, interned, in their order; equal lists are one array (containers are named alike). */
  String[] names(List<String> names) {
    return nameLists.computeIfAbsent(names, n -> n.stream().map(SharedValues::intern).toArray(String[]::new));
  }

  /** An array of numbers compared by its values. */
  private record Numbers(long[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Numbers n && java.util.Arrays.equals(values, n.values);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(values);
    }
  }
}
