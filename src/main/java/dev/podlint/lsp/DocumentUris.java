package dev.podlint.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Document URIs and paths: {@code file:} URIs name files; others (an unsaved buffer) name none. */
final class DocumentUris {
  private DocumentUris() {}

  /** The file a URI names, absolute and normalized, if it is a {@code file:} URI. */
  static Optional<Path> path(String uri) {
    try {
      URI u = URI.create(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) {
        return Optional.empty();
      }
      return Optional.of(Path.of(u).toAbsolutePath().normalize());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The {@code file:} URI of a path, as clients write it ({@code file:///dir/name.yaml}). */
  static String uri(Path path) {
    return path.toAbsolutePath().normalize().toUri().toString();
  }
}
