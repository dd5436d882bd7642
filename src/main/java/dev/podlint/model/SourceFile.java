package dev.podlint.model;

/**
 * One input: the name shown to users (the path as given, or {@code <stdin>}) and, when it is a
 * real file, the path used for SARIF URIs.
 */
public record SourceFile(String displayName, java.nio.file.Path path) {
  public static final String STDIN = "<stdin>";

  public boolean isStdin() {
    return path == null;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
