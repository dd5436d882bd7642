package dev.podlint.model;

/** A region of a source file: start inclusive, end exclusive, both 1-based. */
public record Span(Position start, Position end) implements Comparable<Span> {
  public static Span of(int line, int column, int endLine, int endColumn) {
    return new Span(new Position(line, column), new Position(endLine, endColumn));
  }

  public static Span point(int line, int column) {
    return of(line, column, line, column + 1);
  }

  @Override
  public int compareTo(Span o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
