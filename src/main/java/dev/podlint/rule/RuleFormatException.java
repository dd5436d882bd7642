package dev.podlint.rule;

/** A rule file that cannot be used, with the file and field named. */
public final class RuleFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleFormatException(String file, String message) {
    super(file + ": " + message);
  }
}
