package dev.podlint.cli;

/** An expected failure with a message for the user and an exit code; printed without a stack trace. */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  UserException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
