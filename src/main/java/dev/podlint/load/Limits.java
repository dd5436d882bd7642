package dev.podlint.load;

import dev.podlint.model.Position;

/**
 * The size limits of a manifest, checked in one pass over the text before anything is parsed, so
 * that a huge document or scalar costs one scan of its text, not the parser's time: a line may
 * hold {@link ManifestLoader#LINE_LIMIT} code points, a document {@link ManifestLoader#CODE_POINT_LIMIT}.
 */
final class Limits {
  private Limits() {}

  /** Where {@code text} first goes over a limit, or null when it does not. */
  static Cut overrun(String text) {
    int n = text.length();
    int docStart = 0;
    long docCodePoints = 0;
    int line = 1;
    int i = 0;
    boolean onlyNewlines = text.indexOf('\r') < 0; // then indexOf finds line ends (much faster than a loop)
    while (i < n) {
      int eol;
      if (onlyNewlines) {
        eol = text.indexOf('\n', i);
        eol = eol < 0 ? n : eol;
      } else {
        eol = i;
        while (eol < n && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
          eol++;
        }
      }
      if (text.startsWith("---", i) && (i + 3 == eol || i + 3 < n && Character.isWhitespace(text.charAt(i + 3)))) {
        docStart = i;
        docCodePoints = 0;
      }
      int lineCodePoints = text.codePointCount(i, eol);
      if (lineCodePoints > ManifestLoader.LINE_LIMIT) {
        return new Cut(docStart, new SyntaxError("a line is longer than " + ManifestLoader.LINE_LIMIT
            + " code points, the limit podlint reads", new Position(line, ManifestLoader.LINE_LIMIT + 1)));
      }
      if (docCodePoints + lineCodePoints > ManifestLoader.CODE_POINT_LIMIT) {
        return new Cut(docStart, new SyntaxError("a document is larger than " + ManifestLoader.CODE_POINT_LIMIT
            + " code points, the limit podlint reads",
            new Position(line, (int) (ManifestLoader.CODE_POINT_LIMIT - docCodePoints) + 1)));
      }
      docCodePoints += lineCodePoints + 1;
      i = eol < n && text.charAt(eol) == '\r' && eol + 1 < n && text.charAt(eol + 1) == '\n' ? eol + 2 : eol + 1;
      line++;
    }
    return null;
  }
}
