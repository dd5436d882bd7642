package dev.podlint.load;

/**
 * Where one document lies in its file's text, so that it can be read again on its own with the
 * positions it has in the whole file.
 *
 * @param start the offset (in chars) of the start of the line on which the document starts (its
 *     {@code %} directive, its {@code ---}, or its first token)
 * @param line the number of lines before that line
 * @param end the offset where the document ends: after its {@code ...}, or where the next document
 *     or the end of the stream begins
 */
public record Extent(int start, int line, int end) {}
