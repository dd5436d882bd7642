package dev.podlint.load;

import dev.podlint.model.Position;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * The problem a loading exception describes, at the most useful position: snakeyaml-engine's
 * marks where it has them, else a further scan of the text for the place (the collection nested
 * too deeply, the alias over the limit).
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  private static String problem(MarkedYamlEngineException e) {
    String p = e.getProblem();
    if (p == null || p.isBlank()) {
      p = e.getContext();
    }
    if (p == null || p.isBlank()) {
      return message(e);
    }
    String ctx = e.getContext();
    if (ctx != null && !ctx.isBlank() && !ctx.equals(p)) {
      return p + " (" + ctx + ")";
    }
    return p;
  }

  private static String message(YamlEngineException e) {
    String m = e.getMessage();
    if (m == null) {
      return "the YAML could not be read";
    }
    if (m.contains("exceeds the limit")) {
      return "a document is larger than " + ManifestLoader.CODE_POINT_LIMIT + " code points, the limit podlint reads";
    }
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /**
   * The problem a loading exception describes, at the most useful position; {@code fallback} is
   * for errors the parser gives no position for (where reading stopped).
   */
  static SyntaxError syntaxError(RuntimeException e, String text, Position fallback) {
    if (e instanceof TreeProblem t) {
      return new SyntaxError(t.getMessage(), t.position);
    }
    if (e instanceof MarkedYamlEngineException m) {
      return new SyntaxError(problem(m), where(m, text, fallback));
    }
    if (e instanceof ReaderException r) {
      return new SyntaxError(readerProblem(r), positionOfCodePoint(text, r.getPosition()));
    }
    String m = e.getMessage();
    if (m != null && m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      Optional<Position> alias = aliasOverLimit(text);
      if (alias.isPresent()) {
        return new SyntaxError("more than " + Settings.MAX_COLLECTION_ALIASES + " aliases of collections in one"
            + " document, the limit podlint expands (a \"billion laughs\" would exhaust memory); this alias is one too many",
            alias.get());
      }
    }
    return new SyntaxError(message((YamlEngineException) e), fallback);
  }

  /**
   * Where a document first holds more than {@link Settings#MAX_COLLECTION_ALIASES} aliases of
   * collections, counted as snakeyaml-engine's composer counts them (per document, aliases of a mapping or
   * sequence anchor only), from the parser's events, which carry positions; the composer's
   * exception does not.
   */
  private static Optional<Position> aliasOverLimit(String text) {
    Map<String, Boolean> collection = new java.util.HashMap<>();
    int count = 0;
    try {
      for (Event ev : new Parse(Settings.EVENTS).parseString(text)) {
        if (ev instanceof DocumentStartEvent) {
          collection.clear();
          count = 0;
        } else if (ev instanceof AliasEvent a) {
          if (collection.getOrDefault(a.getAlias().getValue(), false) && ++count > Settings.MAX_COLLECTION_ALIASES) {
            return a.getStartMark().map(SyntaxErrors::position);
          }
        } else if (ev instanceof NodeEvent n && n.getAnchor().isPresent()) {
          collection.put(n.getAnchor().get().getValue(), !(ev instanceof ScalarEvent));
        }
      }
    } catch (YamlEngineException | StackOverflowError x) {
      // the position is a help, not a must: the caller falls back
    }
    return Optional.empty();
  }

  /**
   * Where a document first nests collections more than {@link ManifestLoader#MAX_DEPTH} deep (or,
   * failing that, most deeply), read with the scanner, which does not recurse; for documents that overflow the
   * composer's stack before the converter can count.
   */
  static Optional<Position> tooDeep(String text) {
    ScannerImpl scanner = new ScannerImpl(Settings.MANIFESTS, new StreamReader(Settings.MANIFESTS, text));
    int depth = 0;
    int deepest = -1;
    Position at = null;
    try {
      while (scanner.hasNext()) {
        Token t = scanner.next();
        switch (t.getTokenId()) {
          case BlockMappingStart, BlockSequenceStart, FlowMappingStart, FlowSequenceStart -> {
            depth++;
            if (depth > deepest && t.getStartMark().isPresent()) {
              deepest = depth;
              at = position(t.getStartMark().get());
              if (depth > ManifestLoader.MAX_DEPTH) {
                return Optional.of(at);
              }
            }
          }
          case BlockEnd, FlowMappingEnd, FlowSequenceEnd -> depth--;
          default -> { }
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // the deepest point so far
    }
    return Optional.ofNullable(at);
  }

  /**
   * Where a syntax error is: the problem mark, except when the parser only noticed the problem at
   * the end of the stream (an unclosed quote or bracket); then the place that opened it.
   */
  private static Position where(MarkedYamlEngineException e, String text, Position fallback) {
    Optional<Mark> problem = e.getProblemMark();
    Optional<Mark> context = e.getContextMark();
    if (problem.isPresent() && context.isPresent() && problem.get().getIndex() >= text.codePointCount(0, text.length())) {
      return position(context.get());
    }
    return problem.or(() -> context).map(SyntaxErrors::position).orElse(fallback);
  }

  private static String readerProblem(ReaderException e) {
    return String.format("special character U+%04X is not allowed in YAML", e.getCodePoint());
  }

  /** The line and column of the code point at {@code index} of {@code text}. */
  static Position positionOfCodePoint(String text, int index) {
    int line = 1;
    int col = 1;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < index; cp++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
      if (c == '\n' || c == '\r' && !crlf) {
        line++;
        col = 1;
      } else if (!crlf) {
        col++;
      }
    }
    return new Position(line, col);
  }

  static Position position(Mark m) {
    return new Position(m.getLine() + 1, m.getColumn() + 1);
  }

}
