package dev.podlint.load;

/** Thrown by {@link ManifestLoader#parseDocument} for text that is not one valid YAML document. */
public final class YamlSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient SyntaxError error;

  public YamlSyntaxException(SyntaxError error) {
    super(error.position() + ": " + error.problem());
    this.error = error;
  }

  public SyntaxError error() {
    return error;
  }
}
