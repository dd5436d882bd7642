package dev.podlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Recognises a JSON or SARIF report that podlint wrote earlier, so that a run whose directory
 * holds the file its {@code -o} names (say {@code podlint lint . -f json -o report.json}, run
 * twice) leaves that report out of its inputs and replaces it, instead of refusing. Only the
 * opening of the file is read, and only podlint's own report shapes match: a manifest, or any
 * file a user wrote by hand, never does, so it stays protected.
 */
final class PriorReport {
  /** Enough for the opening of both shapes, whatever their indentation. */
  static final int HEAD_BYTES = 1024;

  /** podlint's JSON report: {@code {"schemaVersion": N, "tool": {"name": "podlint"}. */
  private static final Pattern JSON = Pattern.compile(
      "\\A\\s*\\{\\s*\"schemaVersion\"\\s*:\\s*\\d+\\s*,\\s*\"tool\"\\s*:\\s*\\{\\s*\"name\"\\s*:\\s*\"podlint\"");

  /** podlint's SARIF report: the schema, the version, then the first run's driver named podlint. */
  private static final Pattern SARIF = Pattern.compile("\\A\\s*\\{\\s*\"\\$schema\"\\s*:\\s*\"[^\"]*sarif[^\"]*\"\\s*,"
      + "\\s*\"version\"\\s*:\\s*\"2\\.1\\.0\"\\s*,\\s*\"runs\"\\s*:\\s*\\[\\s*\\{\\s*\"tool\"\\s*:\\s*\\{\\s*\"driver\"\\s*:"
      + "\\s*\\{\\s*\"name\"\\s*:\\s*\"podlint\"");

  private PriorReport() {}

  /** Whether the regular file {@code file} opens as a report podlint wrote; false when it cannot be read. */
  static boolean is(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      return false;
    }
    String text = new String(head, StandardCharsets.UTF_8);
    return JSON.matcher(text).lookingAt() || SARIF.matcher(text).lookingAt();
  }
}
