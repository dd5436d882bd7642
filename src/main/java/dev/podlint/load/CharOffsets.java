package dev.podlint.load;

/**
 * Turns snakeyaml-engine's code point indexes into offsets in a Java string, for indexes that only
 * grow (the starts and ends of documents): one pass over the text in all, or none when it holds no
 * character outside the Basic Multilingual Plane.
 */
final class CharOffsets {
  private final String text;
  private final boolean oneCharEach;
  private int codePoint;
  private int offset;

  CharOffsets(String text) {
    this.text = text;
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    this.oneCharEach = !surrogates;
  }

  /** The offset of code point {@code index} (at least the index given before). */
  int of(int index) {
    if (oneCharEach) {
      return index;
    }
    offset = text.offsetByCodePoints(offset, index - codePoint);
    codePoint = index;
    return offset;
  }

  /** The offset of the start of the line on which {@code offset}, {@code column} code points in, lies. */
  int lineStart(int offset, int column) {
    return oneCharEach ? offset - column : text.offsetByCodePoints(offset, -column);
  }
}
