package dev.podlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A span is kept as four numbers but behaves as the pair of positions it stands for: equal, hashed
 * (hash tables iterate in the same order), ordered and printed as a record of the two would be.
 */
class SpanTest {
  /** What a span was: a record of its two positions. */
  private record Pair(Position start, Position end) {}

  @Test
  void behavesAsARecordOfItsTwoPositions() {
    Random r = new Random(1208);
    for (int i = 0; i < 2000; i++) {
      Position a = new Position(1 + r.nextInt(5), 1 + r.nextInt(5));
      Position b = new Position(1 + r.nextInt(5), 1 + r.nextInt(5));
      Position c = new Position(1 + r.nextInt(5), 1 + r.nextInt(5));
      Position d = new Position(1 + r.nextInt(5), 1 + r.nextInt(5));
      Span s = new Span(a, b);
      Span t = Span.of(c.line(), c.column(), d.line(), d.column());
      assertEquals(new Pair(a, b).hashCode(), s.hashCode());
      assertEquals(a, s.start());
      assertEquals(b, s.end());
      assertEquals(a + "-" + b, s.toString());
      assertEquals(new Pair(a, b).equals(new Pair(c, d)), s.equals(t));
      int byPositions = a.compareTo(c) != 0 ? a.compareTo(c) : b.compareTo(d);
      assertEquals(Integer.signum(byPositions), Integer.signum(s.compareTo(t)));
    }
    assertEquals(Span.of(2, 3, 2, 4), Span.point(2, 3));
    assertNotEquals(Span.of(2, 3, 2, 4), "2:3-2:4");
    assertThrows(IllegalArgumentException.class, () -> Span.of(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Span.of(1, 1, 1, 0));
  }
}
