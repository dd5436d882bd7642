package dev.podlint.load;

import dev.podlint.model.Position;

/** A problem that stopped a file (or the rest of it) from loading, at the place it was found. */
public record SyntaxError(String problem, Position position) {}
