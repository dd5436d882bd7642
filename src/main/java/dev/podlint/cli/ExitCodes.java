package dev.podlint.cli;

/** Process exit codes; listed in {@code --help}. */
public final class ExitCodes {
  /** Nothing at or above the fail level. */
  public static final int OK = 0;
  /** Findings at or above the fail level. */
  public static final int FINDINGS = 1;
  /** Bad command line (unknown option, unknown rule, ...). */
  public static final int USAGE = 2;
  /** An input could not be read (missing file, permission denied); the others were linted. */
  public static final int INPUT = 3;
  /** A bug in podlint; the report is still written, with the error recorded. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
