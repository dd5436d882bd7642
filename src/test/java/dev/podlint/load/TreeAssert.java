package dev.podlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Asserts that two trees are the same: every node of the same kind, span, path (whether it is known
 * to sit in a plain tree included), scalar text, type, quoting, ambiguity and tag, and the same
 * nodes shared (an alias is the node of its anchor in both). Without recursion, and visiting a
 * shared node once, so that deep and alias-heavy documents are cheap to compare.
 */
final class TreeAssert {
  private TreeAssert() {}

  static void assertSameTree(YNode expected, YNode actual, String where) {
    Map<YNode, YNode> paired = new IdentityHashMap<>();
    Deque<YNode[]> todo = new ArrayDeque<>();
    todo.push(new YNode[] {expected, actual});
    while (!todo.isEmpty()) {
      YNode[] p = todo.pop();
      YNode e = p[0];
      YNode a = p[1];
      YNode before = paired.putIfAbsent(e, a);
      if (before != null) {
        assertSame(before, a, where + ": a node shared in one tree is not shared in the other, at " + e.path());
        continue;
      }
      String at = where + " at " + e.path() + " " + e.span();
      assertEquals(e.getClass(), a.getClass(), at);
      assertEquals(e.span(), a.span(), at);
      assertEquals(e.path(), a.path(), at);
      assertEquals(e.path().inTree(), a.path().inTree(), at);
      if (e instanceof YScalar s) {
        YScalar t = (YScalar) a;
        assertEquals(s.value(), t.value(), at);
        assertEquals(s.type(), t.type(), at);
        assertEquals(s.quoted(), t.quoted(), at);
        assertEquals(s.ambiguous(), t.ambiguous(), at);
        assertEquals(s.tag(), t.tag(), at);
      } else if (e instanceof YSeq s) {
        YSeq t = (YSeq) a;
        assertEquals(s.size(), t.size(), at);
        for (int i = s.size() - 1; i >= 0; i--) {
          todo.push(new YNode[] {s.get(i), t.get(i)});
        }
      } else {
        YMap m = (YMap) e;
        YMap n = (YMap) a;
        assertEquals(m.entries().size(), n.entries().size(), at);
        for (int i = m.entries().size() - 1; i >= 0; i--) {
          YMap.Entry x = m.entries().get(i);
          YMap.Entry y = n.entries().get(i);
          todo.push(new YNode[] {x.value(), y.value()});
          // keys are made anew for each mapping, never shared
          assertSameScalar(x.key(), y.key(), at);
        }
      }
    }
  }

  private static void assertSameScalar(YScalar s, YScalar t, String at) {
    assertEquals(s.value(), t.value(), at);
    assertEquals(s.type(), t.type(), at);
    assertEquals(s.quoted(), t.quoted(), at);
    assertEquals(s.ambiguous(), t.ambiguous(), at);
    assertEquals(s.tag(), t.tag(), at);
    assertEquals(s.span(), t.span(), at);
    assertEquals(s.path(), t.path(), at);
    assertEquals(s.path().inTree(), t.path().inTree(), at);
  }
}
