package dev.podlint.model;

import java.nio.file.Path;

/**
 * One input: the name shown to users (the path as given, {@code <stdin>}, or the name given with
 * {@code --stdin-name}) and the path used for SARIF URIs.
 *
 * @param path the file's path; for standard input the path its {@code --stdin-name} stands for, or
 *     null; for a {@link Kind#TEMPLATE} a path relative to the SARIF source root
 */
public record SourceFile(String displayName, Path path, Kind kind) {
  public static final String STDIN = "<stdin>";

  /** Where an input comes from. */
  public enum Kind {
    /** A file read from disk. */
    FILE,
    /** Standard input. */
    STDIN,
    /**
     * A file podlint did not read but a report can name: the Helm template a rendered object came
     * from ({@code # Source:}), relative to the source root.
     */
    TEMPLATE
  }

  /** A file read from disk, or standard input when {@code path} is null. */
  public SourceFile(String displayName, Path path) {
    this(displayName, path, path == null ? Kind.STDIN : Kind.FILE);
  }

  /** Standard input reported as {@code name}, which stands for {@code path} in SARIF. */
  public static SourceFile stdin(String name, Path path) {
    return new SourceFile(name, path, Kind.STDIN);
  }

  /** A Helm template path as written in a {@code # Source:} comment. */
  public static SourceFile template(String relativePath) {
    return new SourceFile(relativePath, Path.of(relativePath), Kind.TEMPLATE);
  }

  public boolean isStdin() {
    return kind == Kind.STDIN;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
