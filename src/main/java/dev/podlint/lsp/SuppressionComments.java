package dev.podlint.lsp;

import dev.podlint.load.Comment;
import dev.podlint.load.ManifestText;
import dev.podlint.load.Reading;
import dev.podlint.model.SourceFile;
import java.util.Optional;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The edits that suppress a finding with a YAML comment, with a reason for the user to write:
 * {@code # podlint:ignore RULE <reason>} alone on the line above the finding's line (or, where a
 * line cannot go there, at the end of that line), and {@code # podlint:ignore-file RULE <reason>}
 * at the top of the file. Each edit is tried on the text first: it is offered only when the YAML
 * scanner reads the comment where it should be and the text still reads as it did (a {@code #}
 * inside a block scalar would be text, not a comment).
 */
final class SuppressionComments {
  static final String REASON = "<reason>";

  /** How a text reads: its number of documents and whether it has a syntax error. */
  record Reads(int documents, boolean broken) {
    static Reads of(String text) {
      return of(ManifestText.of(new SourceFile("text", null), text));
    }

    static Reads of(ManifestText text) {
      Reading r = text.read();
      while (r.next() != null) {
        // read to the end
      }
      return new Reads(r.documents(), r.error().isPresent());
    }
  }

  private SuppressionComments() {}

  /** The edit that suppresses rule {@code name} on 1-based line {@code line}, if one works. */
  static Optional<TextEdit> line(String text, LineMap lines, Reads before, int line, String name) {
    String directive = "# podlint:ignore " + name + " " + REASON;
    String target = lines.line(line - 1);
    int indent = 0;
    while (indent < target.length() && (target.charAt(indent) == ' ' || target.charAt(indent) == '\t')) {
      indent++;
    }
    String eol = lineEnding(text);
    Position start = new Position(line - 1, 0);
    TextEdit above = new TextEdit(new Range(start, start), target.substring(0, indent) + directive + eol);
    if (works(text, lines, before, above, line, true)) {
      return Optional.of(above);
    }
    Position end = new Position(line - 1, target.length());
    TextEdit after = new TextEdit(new Range(end, end), (target.endsWith(" ") ? "" : " ") + directive);
    return works(text, lines, before, after, line, false) ? Optional.of(after) : Optional.empty();
  }

  /** The edit that suppresses rule {@code name} in the whole file, if it works. */
  static Optional<TextEdit> file(String text, LineMap lines, Reads before, String name) {
    Position top = new Position(0, 0);
    TextEdit edit = new TextEdit(new Range(top, top), "# podlint:ignore-file " + name + " " + REASON + lineEnding(text));
    return works(text, lines, before, edit, 1, true) ? Optional.of(edit) : Optional.empty();
  }

  /** Whether the edited text has the comment on {@code line}, as a comment of its own line or not, and reads as before. */
  private static boolean works(String text, LineMap lines, Reads before, TextEdit edit, int line, boolean ownLine) {
    String edited = apply(text, lines, edit);
    ManifestText after = ManifestText.of(new SourceFile("edited", null), edited);
    String want = edit.getNewText().strip().substring(1).strip();
    boolean wholeFile = want.startsWith("podlint:ignore-file");
    boolean found = false;
    for (Comment c : after.comments()) {
      found |= c.position().line() == line && c.ownLine() == ownLine && c.text().strip().equals(want)
          && (!wholeFile || c.leading() && c.document() == 0);
    }
    if (!found) {
      return false;
    }
    Reads now = Reads.of(after);
    return now.documents() == before.documents() && (!now.broken() || before.broken());
  }

  private static String apply(String text, LineMap lines, TextEdit edit) {
    int at = lines.offset(edit.getRange().getStart());
    return text.substring(0, at) + edit.getNewText() + text.substring(at);
  }

  /** The text's line ending: CR LF when its first line ends so, else LF. */
  static String lineEnding(String text) {
    int n = text.indexOf('\n');
    return n > 0 && text.charAt(n - 1) == '\r' ? "\r\n" : "\n";
  }
}
