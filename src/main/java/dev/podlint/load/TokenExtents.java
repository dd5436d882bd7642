package dev.podlint.load;

import dev.podlint.model.LineStarts;
import dev.podlint.model.Position;
import dev.podlint.model.TextExtents;
import dev.podlint.model.YNode;
import java.util.Arrays;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * {@link TextExtents} from snakeyaml-engine's scanner: the text is scanned once, on the first
 * question (only what replaces text asks: fixes such as the pod split, {@code podlint advise}, the
 * language server's code actions; {@link DocumentExtents} scans only the document asked about), and each token that
 * belongs to a node is kept with where it starts and ends and how deep in flow collections it is.
 * A syntax error ends the scan; the tokens before it still answer. The text may be one document
 * of a file, read again on its own ({@code lineOffset} lines into the file): its positions are
 * then those of the whole file.
 */
final class TokenExtents implements TextExtents {
  private final String text;
  /** Lines of the file before {@link #text}. */
  private final int lineOffset;
  private volatile Tokens tokens;

  /** Starts and ends as {@code line << 32 | column}, in text order, and the flow depth before each. */
  private record Tokens(long[] starts, long[] ends, int[] flowDepth, boolean[] blockEntry, int size) {}

  /** The extents of a whole file's text. */
  TokenExtents(String text) {
    this(text, 0);
  }

  /** The extents of text that starts at the start of line {@code lineOffset + 1} of its file. */
  TokenExtents(String text, int lineOffset) {
    this.text = text;
    this.lineOffset = lineOffset;
  }

  @Override
  public Position textEnd(YNode node) {
    Tokens t = tokens();
    long from = key(node.span().start());
    long limit = key(node.span().end());
    int i = lastEndingBy(t, limit);
    Position end = i >= 0 && t.starts[i] >= from ? position(t.ends[i]) : node.span().start();
    return pastTrailingComment(end);
  }

  /** The start of the next line when only blanks and a comment follow {@code end} on its line. */
  private Position pastTrailingComment(Position end) {
    int[] starts = lineStarts();
    int line = end.line() - lineOffset; // in the text
    if (line < 1 || line > starts.length) {
      return end;
    }
    int lineStart = starts[line - 1];
    int lineEnd = line < starts.length ? starts[line] : text.length();
    int at;
    try {
      at = text.offsetByCodePoints(lineStart, end.column() - 1);
    } catch (IndexOutOfBoundsException e) {
      return end;
    }
    int i = at;
    while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    boolean comment = i < lineEnd && text.charAt(i) == '#' && (i > at || i == lineStart); // "#" after a blank
    boolean blank = i == lineEnd || text.charAt(i) == '\n' || text.charAt(i) == '\r';
    if (!(comment || blank) || line >= starts.length) {
      return end; // more text on the line, or the last line of a file without a final line break
    }
    return new Position(end.line() + 1, 1);
  }

  private volatile int[] lineStarts;

  /** Where each line starts; CRLF, CR and LF each end a line, as in YAML. */
  private int[] lineStarts() {
    int[] s = lineStarts;
    if (s == null) {
      s = LineStarts.of(text);
      lineStarts = s;
    }
    return s;
  }

  @Override
  public boolean inFlow(YNode node) {
    Tokens t = tokens();
    int i = firstStartingAt(t, key(node.span().start()));
    return i < t.size && t.flowDepth[i] > 0;
  }

  @Override
  public Optional<Position> entryDash(YNode node) {
    Tokens t = tokens();
    int i = firstStartingAt(t, key(node.span().start()));
    return i > 0 && t.blockEntry[i - 1] ? Optional.of(position(t.starts[i - 1])) : Optional.empty();
  }

  private static int lastEndingBy(Tokens t, long limit) {
    int lo = 0;
    int hi = t.size; // first index whose end is past the limit
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t.ends[mid] <= limit) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  private static int firstStartingAt(Tokens t, long at) {
    int lo = 0;
    int hi = t.size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t.starts[mid] < at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private Tokens tokens() {
    Tokens t = tokens;
    if (t == null) {
      synchronized (this) {
        if (tokens == null) {
          tokens = scan();
        }
        t = tokens;
      }
    }
    return t;
  }

  private Tokens scan() {
    long[] starts = new long[64];
    long[] ends = new long[64];
    int[] depth = new int[64];
    boolean[] entry = new boolean[64];
    int n = 0;
    int flow = 0;
    ScannerImpl scanner = new ScannerImpl(Settings.MANIFESTS, new StreamReader(Settings.MANIFESTS, text));
    try {
      while (scanner.hasNext()) {
        Token tok = scanner.next();
        Token.ID id = tok.getTokenId();
        if (!belongsToANode(id) || tok.getStartMark().isEmpty() || tok.getEndMark().isEmpty()) {
          continue;
        }
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
          ends = Arrays.copyOf(ends, n * 2);
          depth = Arrays.copyOf(depth, n * 2);
          entry = Arrays.copyOf(entry, n * 2);
        }
        starts[n] = key(SyntaxErrors.position(tok.getStartMark().get())) + ((long) lineOffset << 32);
        ends[n] = key(SyntaxErrors.position(tok.getEndMark().get())) + ((long) lineOffset << 32);
        depth[n] = flow;
        entry[n] = id == Token.ID.BlockEntry;
        n++;
        if (id == Token.ID.FlowMappingStart || id == Token.ID.FlowSequenceStart) {
          flow++;
        } else if ((id == Token.ID.FlowMappingEnd || id == Token.ID.FlowSequenceEnd) && flow > 0) {
          flow--;
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // the loader reports the error; the tokens before it answer for the nodes before it
    }
    return new Tokens(starts, ends, depth, entry, n);
  }

  /** Tokens written in a node's text (not stream, document and indentation bookkeeping, not comments). */
  private static boolean belongsToANode(Token.ID id) {
    return switch (id) {
      case StreamStart, StreamEnd, DocumentStart, DocumentEnd, Directive, Comment, BlockEnd, BlockMappingStart,
          BlockSequenceStart -> false;
      default -> true;
    };
  }

  private static long key(Position p) {
    return (long) p.line() << 32 | p.column();
  }

  private static Position position(long key) {
    return new Position((int) (key >>> 32), (int) key);
  }
}
