package dev.podlint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * The JSON reports' generators (jackson-core only: no object mapper is built or initialised) and
 * their elements rendered apart: the elements of a report's array of findings are written by a
 * generator of their own, opened as deep as that array, so that any thread can render them and the
 * report only appends the text. Their text is what the report's own generator would have written
 * for them in that array (the same pretty printer at the same depth): the space before the first
 * element and {@code ", "} between elements; a report appends each further chunk after a comma.
 */
final class JsonChunks {
  /** Generators that neither close what they write to nor close open objects on their own. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .build();

  /** Writes a report's opening, or elements of its array. */
  interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  private JsonChunks() {}

  /** The pretty-printing generator of a report written to {@code out}. */
  static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
  }

  /**
   * The text {@code elements} writes as elements of the array that {@code opening} opens (the
   * objects and fields around it, from the top of the report); empty when it writes none.
   */
  static String render(Writing opening, Writing elements) throws IOException {
    StringWriter text = new StringWriter();
    JsonGenerator g = generator(text);
    opening.write(g);
    g.flush();
    int start = text.getBuffer().length();
    elements.write(g);
    g.flush();
    g.close(); // its buffers go back for the next chunk on this thread
    return text.getBuffer().substring(start);
  }

  /**
   * Appends a chunk of elements to the array being written by {@code g}: after a comma when
   * elements came before it. Returns whether the array has elements now.
   */
  static boolean append(JsonGenerator g, String chunk, boolean afterElements) throws IOException {
    if (chunk.isEmpty()) {
      return afterElements;
    }
    if (afterElements) {
      g.writeRaw(',');
    }
    g.writeRaw(chunk);
    return true;
  }
}
