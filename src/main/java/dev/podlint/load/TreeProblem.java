package dev.podlint.load;

import dev.podlint.model.Position;

/** A document that composes but cannot become a podlint tree (a non-scalar key, too deep, a recursive alias). */
final class TreeProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient Position position;

  TreeProblem(String message, Position position) {
    super(message, null, false, false);
    this.position = position;
  }
}
