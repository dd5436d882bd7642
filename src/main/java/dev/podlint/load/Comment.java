package dev.podlint.load;

import dev.podlint.model.Position;

/**
 * A YAML comment as the YAML scanner sees it: never a {@code #} inside a quoted string or a block
 * scalar.
 *
 * @param position where its {@code #} is
 * @param text what follows the {@code #} up to the end of the line
 * @param ownLine whether only whitespace precedes it on its line
 * @param document the 0-based index of the YAML document it sits in ({@code ---} starts the next)
 * @param leading whether it comes before the first content of its document (after its {@code ---})
 */
public record Comment(Position position, String text, boolean ownLine, int document, boolean leading) {}
