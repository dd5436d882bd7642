package dev.podlint.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names whatever the locale. Java decodes and encodes file names in the character set of the
 * locale it started in ({@code sun.jnu.encoding}, which no option changes): in the C locale that is
 * ASCII, where {@code café.yaml} can be neither named nor shown. {@code bin/podlint} starts Java in a
 * UTF-8 locale; under any other, a name Java cannot decode is an input problem for that one file,
 * shown by its real (UTF-8) name, never a wrong name in a report or a fingerprint.
 */
public final class FileNames {
  /** The character set Java reads and writes file names in. */
  static final String ENCODING = System.getProperty("sun.jnu.encoding", "UTF-8");

  private FileNames() {}

  /** Why a path given on the command line cannot be used (Java cannot encode its name). */
  public static String unusableArgument() {
    return "its name cannot be written in " + ENCODING + ", the file-name encoding of this locale" + hint();
  }

  /** Whether Java decoded {@code entry}'s name with a loss (bytes it could not decode). */
  static boolean undecodable(Path entry) {
    String name = String.valueOf(entry.getFileName());
    return name.indexOf('\uFFFD') >= 0 && !name.equals(realName(entry));
  }

  /** Why an entry whose name is {@link #undecodable} is not read. */
  static String undecodableProblem() {
    return ENCODING.equalsIgnoreCase("UTF-8") ? "its name is not valid UTF-8; rename it"
        : "its name cannot be read in " + ENCODING + ", the file-name encoding of this locale" + hint();
  }

  private static String hint() {
    return ENCODING.equalsIgnoreCase("UTF-8") ? "" : "; run podlint in a UTF-8 locale (LC_ALL=C.UTF-8)";
  }

  /**
   * The real name of {@code entry}, from its bytes (which a path keeps, and its URI shows
   * percent-encoded): decoded as UTF-8, or left percent-encoded when the bytes are not UTF-8.
   */
  static String realName(Path entry) {
    String raw = entry.toUri().getRawPath();
    if (raw.endsWith("/")) {
      raw = raw.substring(0, raw.length() - 1);
    }
    raw = raw.substring(raw.lastIndexOf('/') + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return raw;
    }
  }
}
