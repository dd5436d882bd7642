package dev.podlint.load;

import dev.podlint.model.Position;
import dev.podlint.model.YNode;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the documents of a {@link ManifestText} in order, one at a time, each built from
 * snakeyaml-engine's parser events on its own ({@link EventBuilder}): nothing of a document is kept once the next one is
 * read. Reading stops at the first syntax error; {@link #error} then says where (or why the text
 * was cut short).
 */
public final class Reading {
  private final ManifestText source;
  private final MarkedParser parser;
  private final EventBuilder builder;
  private final CharOffsets offsets;
  private Position lastEnd = new Position(1, 1);
  private int documents;
  private SyntaxError error;
  private boolean done;

  Reading(ManifestText source) {
    this(source, false);
  }

  /**
   * @param objectsOnly whether the trees need hold only what makes the documents' objects (for a
   *     {@link Survey}, which keeps handles of the objects, not their trees)
   */
  Reading(ManifestText source, boolean objectsOnly) {
    this.source = source;
    this.parser = MarkedParser.of(source.text);
    this.builder = new EventBuilder(parser, source.anchors, 0, objectsOnly);
    this.offsets = new CharOffsets(source.text);
  }

  /** The next document, or null after the last one (or at an error). */
  public Document next() {
    if (done) {
      return null;
    }
    try {
      if (builder.hasNext()) {
        YNode root = builder.next();
        lastEnd = root.span().end();
        int start = offsets.of(parser.documentStart.getIndex());
        Extent extent = new Extent(offsets.lineStart(start, parser.documentStart.getColumn()),
            parser.documentStart.getLine(), offsets.of(parser.documentEnd.getIndex()));
        return source.document(documents++, extent, root);
      }
    } catch (TreeProblem | YamlEngineException e) {
      error = SyntaxErrors.syntaxError(e, source.text, lastEnd);
    } catch (StackOverflowError e) {
      error = new SyntaxError(Converter.TOO_DEEP, SyntaxErrors.tooDeep(source.text).orElse(lastEnd));
    }
    done = true;
    if (error == null) {
      error = source.cutError;
    }
    return null;
  }

  /** How many documents were read so far. */
  public int documents() {
    return documents;
  }

  /** Where reading stopped early, once {@link #next} returned null. */
  public Optional<SyntaxError> error() {
    return Optional.ofNullable(error);
  }
}
