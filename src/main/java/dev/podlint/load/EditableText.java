package dev.podlint.load;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * A file's text as it is, for a tool that edits it and writes it back: decoded as the loader
 * decodes it, but with every byte order mark kept (one that starts a line in the middle of the
 * file too) and with the encoding and leading mark, so that {@link #encode} gives back the same
 * bytes for the same text.
 *
 * @param text the text, byte order marks at line starts included (not the leading one)
 */
public record EditableText(String text, Charset charset, byte[] bom) {
  public EditableText {
    bom = bom.clone();
  }

  /**
   * Decodes {@code bytes} (UTF-8, UTF-16 with or without BOM).
   *
   * @throws IOException naming the line and column of the first byte that cannot be decoded
   */
  public static EditableText decode(byte[] bytes) throws IOException {
    Decoding.Encoding e = Decoding.encodingOf(bytes);
    try {
      return new EditableText(Decoding.decode(bytes), e.charset(), Arrays.copyOf(bytes, e.bomLength()));
    } catch (Decoding.DecodingException x) {
      throw new IOException(x.getMessage() + " at " + x.position, x);
    }
  }

  /** The text the loader reads (byte order marks at line starts removed), which positions refer to. */
  public String forLoading() {
    return Decoding.stripByteOrderMarks(text);
  }

  /** {@code edited} (a version of {@link #text}) in the file's encoding, with its byte order mark. */
  public byte[] encode(String edited) {
    byte[] body = edited.getBytes(charset);
    byte[] out = Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, out, bom.length, body.length);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EditableText t && t.text.equals(text) && t.charset.equals(charset) && Arrays.equals(t.bom, bom);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + Arrays.hashCode(bom);
  }

  @Override
  public String toString() {
    return "EditableText[" + charset + ", bom " + bom.length + " bytes, " + text.length() + " chars]";
  }
}
