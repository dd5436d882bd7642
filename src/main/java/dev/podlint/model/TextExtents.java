package dev.podlint.model;

import java.util.Optional;

/**
 * Where the text of a node ends and what surrounds it, as the tokens of its file say. A node's
 * span does not tell: a block collection's span runs on to the next token (past comments that
 * follow it), and a scalar inside a flow collection ends before the brackets that close it. The
 * loader knows the tokens; a tool that replaces a node's text asks here.
 */
public interface TextExtents {
  /**
   * The end of {@code node}'s text: past its last token (a closing bracket or quote included) and,
   * when nothing but blanks and a comment follow on that line, past the line's break, so that text
   * put in its place never shares a line with what is left.
   */
  Position textEnd(YNode node);

  /** Whether {@code node} sits inside a flow collection ({@code [...]} or <code>{...}</code>). */
  boolean inFlow(YNode node);

  /** The {@code -} that opens the block sequence item {@code node} is, when it is one. */
  Optional<Position> entryDash(YNode node);
}
