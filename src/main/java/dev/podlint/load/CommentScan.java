package dev.podlint.load;

import dev.podlint.model.Position;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Reads the comments of a stream from snakeyaml-engine's scanner, so that a {@code #} inside a
 * quoted or block scalar is never taken for one, and notes which document each comment is in and
 * whether it comes before that document's content. Stops quietly at a syntax error (the composer
 * reports it); comments before it are kept. Only texts that mention {@link #OF_INTEREST} are
 * scanned: the comments podlint interprets all do.
 */
final class CommentScan {
  /** Comments are read only from texts that mention this word (see {@link LoadedFile#comments}). */
  static final String OF_INTEREST = "podlint";

  final List<Comment> comments = new ArrayList<>();
  final List<Integer> documentLines = new ArrayList<>(List.of(1));
  private final String text;
  private String[] lines;
  private int document;
  private boolean content;
  private boolean marker;
  private boolean ended;

  private CommentScan(String text) {
    this.text = text;
  }

  /** The comments of {@code text}, or null when it does not mention {@link #OF_INTEREST}. */
  static CommentScan of(String text) {
    if (!text.contains(OF_INTEREST)) {
      return null;
    }
    CommentScan scan = new CommentScan(text);
    scan.run();
    return scan;
  }

  private void run() {
    ScannerImpl scanner = new ScannerImpl(Settings.COMMENTS, new StreamReader(Settings.COMMENTS, text));
    try {
      while (scanner.hasNext()) {
        token(scanner.next());
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // the composer reports the error; the comments before it count
    }
    lines = null;
  }

  private void token(Token t) {
    Token.ID id = t.getTokenId();
    if (id == Token.ID.StreamStart || id == Token.ID.StreamEnd || t.getStartMark().isEmpty()) {
      return;
    }
    int line = t.getStartMark().get().getLine() + 1;
    if (ended) {
      startDocument(line);
      ended = false;
    }
    if (t instanceof CommentToken c) {
      if (c.getCommentType() == CommentType.BLANK_LINE) {
        return;
      }
      Position at = SyntaxErrors.position(c.getStartMark().get());
      comments.add(new Comment(at, c.getValue(), ownLine(at), document, !content));
    } else if (id == Token.ID.DocumentStart) {
      if (content || marker) {
        startDocument(line);
      }
      marker = true;
    } else if (id == Token.ID.DocumentEnd) {
      ended = true;
    } else if (id == Token.ID.Directive) {
      if (content) {
        startDocument(line);
      }
    } else {
      content = true;
    }
  }

  private void startDocument(int line) {
    document++;
    documentLines.add(line);
    content = false;
    marker = false;
  }

  /** Whether only blanks precede column {@code at} on its line. */
  private boolean ownLine(Position at) {
    if (lines == null) {
      lines = text.split("\\r\\n|\\r|\\n", -1);
    }
    if (at.line() > lines.length) {
      return false;
    }
    String l = lines[at.line() - 1];
    int end = l.offsetByCodePoints(0, Math.min(at.column() - 1, l.codePointCount(0, l.length())));
    return l.substring(0, end).isBlank();
  }
}
