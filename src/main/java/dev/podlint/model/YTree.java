package dev.podlint.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/** Walks a YAML tree. */
public final class YTree {
  private YTree() {}

  /**
   * Visits every node below and including {@code root} once, in document order, without recursion
   * (deep documents cannot overflow the stack); aliased content is shared, so it is visited once.
   */
  public static void forEachNode(YNode root, Consumer<YNode> visitor) {
    // in a plain tree (read without anchors) every node is reached once: nothing to remember
    Set<YNode> visited = root.path().inTree() ? null : Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<YNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      YNode n = todo.pop();
      if (visited != null && !visited.add(n)) {
        continue;
      }
      visitor.accept(n);
      if (n instanceof YMap m) {
        for (int i = m.entries().size() - 1; i >= 0; i--) {
          todo.push(m.entries().get(i).value());
        }
      } else if (n instanceof YSeq s) {
        for (int i = s.size() - 1; i >= 0; i--) {
          todo.push(s.get(i));
        }
      }
    }
  }
}
