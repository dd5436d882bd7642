package dev.podlint.report;

import dev.podlint.model.SourceFile;
import java.nio.file.Path;

/**
 * The SARIF artifact URIs of a chunk of results, each file's made once: a chunk's results are
 * mostly those of one file, and each result names it in every location (normalising, relativising
 * and percent-encoding its path each time cost more than writing the rest of a location). Not
 * thread-safe: one per chunk.
 */
final class SarifArtifacts {
  /** A file's URI, and the base it is relative to or null. */
  record Uri(String uri, String baseId) {}

  private final Path srcRoot;
  private Path root;
  private SourceFile last;
  private Uri lastUri;

  SarifArtifacts(Path srcRoot) {
    this.srcRoot = srcRoot;
  }

  /** {@code file}'s URI, as {@link #uri} makes it. */
  Uri of(SourceFile file) {
    if (last == null || !last.equals(file)) {
      lastUri = uri(file);
      last = file;
    }
    return lastUri;
  }

  /** A URI relative to {@code %SRCROOT%} when the file is below it, else an absolute file URI. */
  Uri uri(SourceFile file) {
    if (file.path() == null) {
      return new Uri("stdin", null);
    }
    if (file.kind() == SourceFile.Kind.TEMPLATE) {
      String rel = file.path().normalize().toString().replace('\\', '/');
      return new Uri(SarifReporter.encodePath(rel),
          rel.startsWith("../") || file.path().isAbsolute() ? null : SarifReporter.SRCROOT);
    }
    Path abs = file.path().toAbsolutePath().normalize();
    if (root == null) {
      root = srcRoot.toAbsolutePath().normalize();
    }
    if (abs.startsWith(root)) {
      String rel = root.relativize(abs).toString().replace('\\', '/');
      return new Uri(SarifReporter.encodePath(rel), SarifReporter.SRCROOT);
    }
    return new Uri(abs.toUri().toString(), null);
  }
}
