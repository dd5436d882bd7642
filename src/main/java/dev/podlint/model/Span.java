package dev.podlint.model;

/**
 * A region of a source file: start inclusive, end exclusive, both 1-based. Kept as four numbers,
 * not two {@link Position} objects: every node of every tree has a span, and a run keeps many of
 * them (the cross-object inventory), so one object instead of three is most of a node's position.
 * Equal, hashed, ordered and printed as the pair of positions it stands for.
 */
public final class Span implements Comparable<Span> {
  private final int startLine;
  private final int startColumn;
  private final int endLine;
  private final int endColumn;

  public Span(Position start, Position end) {
    this(start.line(), start.column(), end.line(), end.column());
  }

  private Span(int startLine, int startColumn, int endLine, int endColumn) {
    this.startLine = startLine;
    this.startColumn = startColumn;
    this.endLine = endLine;
    this.endColumn = endColumn;
  }

  public static Span of(int line, int column, int endLine, int endColumn) {
    check(line, column);
    check(endLine, endColumn);
    return new Span(line, column, endLine, endColumn);
  }

  public static Span point(int line, int column) {
    return of(line, column, line, column + 1);
  }

  /** As {@link Position}'s constructor checks. */
  private static void check(int line, int column) {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  public Position start() {
    return new Position(startLine, startColumn);
  }

  public Position end() {
    return new Position(endLine, endColumn);
  }

  @Override
  public int compareTo(Span o) {
    int c = compare(startLine, startColumn, o.startLine, o.startColumn);
    return c != 0 ? c : compare(endLine, endColumn, o.endLine, o.endColumn);
  }

  private static int compare(int line, int column, int otherLine, int otherColumn) {
    return line != otherLine ? Integer.compare(line, otherLine) : Integer.compare(column, otherColumn);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Span s && s.startLine == startLine && s.startColumn == startColumn && s.endLine == endLine
        && s.endColumn == endColumn;
  }

  /** The hash a record of the two positions has (each position's: 31 times its line plus its column). */
  @Override
  public int hashCode() {
    return 31 * (31 * startLine + startColumn) + 31 * endLine + endColumn;
  }

  @Override
  public String toString() {
    return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
  }
}
