package dev.podlint.load;

import dev.podlint.model.Position;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Bytes to text, strictly: UTF-8 (with or without a byte order mark) or UTF-16 (with a byte order
 * mark, or recognised by the zero byte an ASCII first character gets). A byte that cannot be
 * decoded is an error at its line and column, never a replacement character.
 */
final class Decoding {
  private static final Pattern LINE_START_BOM = Pattern.compile("(?m)^\uFEFF");

  private Decoding() {}

  /** The text of {@code bytes}. */
  static String decode(byte[] bytes) throws DecodingException {
    Encoding e = encodingOf(bytes);
    return strict(bytes, e.bomLength(), e.charset());
  }

  /** How a file's bytes are encoded, and how many of them are its byte order mark. */
  record Encoding(Charset charset, int bomLength) {}

  static Encoding encodingOf(byte[] bytes) {
    int n = bytes.length;
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Encoding(StandardCharsets.UTF_16BE, 2);
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Encoding(StandardCharsets.UTF_16LE, 2);
    }
    // no BOM: a YAML stream starts with an ASCII character, which UTF-16 pairs with a zero byte
    if (n >= 2 && bytes[0] == 0 && bytes[1] != 0) {
      return new Encoding(StandardCharsets.UTF_16BE, 0);
    }
    if (n >= 2 && bytes[0] != 0 && bytes[1] == 0) {
      return new Encoding(StandardCharsets.UTF_16LE, 0);
    }
    int off = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    return new Encoding(StandardCharsets.UTF_8, off);
  }

  /**
   * YAML allows a byte order mark at the start of every document of a stream (files joined with
   * {@code cat}); snakeyaml-engine accepts it only at the very start, so marks at line starts go.
   */
  static String stripByteOrderMarks(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.indexOf('\uFEFF') < 0 ? text : LINE_START_BOM.matcher(text).replaceAll("");
  }

  private static String strict(byte[] bytes, int offset, Charset cs) throws DecodingException {
    if (cs == StandardCharsets.UTF_8) {
      // the String constructor is much faster and puts U+FFFD where the bytes are malformed; only
      // text that holds U+FFFD (malformed, or a replacement character in the file) is checked strictly
      String fast = new String(bytes, offset, bytes.length - offset, cs);
      if (fast.indexOf('\uFFFD') < 0) {
        return fast;
      }
    }
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return dec.decode(in).toString();
    } catch (MalformedInputException e) {
      int bad = in.position();
      // decode the good prefix again to find the line and column of the bad byte
      String prefix = new String(bytes, offset, Math.max(0, bad - offset), cs);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < prefix.length(); i++) {
        if (prefix.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int col = prefix.codePointCount(lineStart, prefix.length()) + 1;
      throw new DecodingException("the file is not valid " + cs.name() + " text (bad byte at offset " + bad + ")",
          new Position(line, col));
    } catch (CharacterCodingException e) {
      throw new DecodingException("the file is not valid " + cs.name() + " text", new Position(1, 1));
    }
  }

  /** Bytes that are not text in the encoding they claim, and where the first bad one is. */
  static final class DecodingException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Position position;

    DecodingException(String message, Position position) {
      super(message);
      this.position = position;
    }
  }
}
