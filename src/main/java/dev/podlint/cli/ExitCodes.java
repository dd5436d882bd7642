package dev.podlint.cli;

/** Process exit codes; listed in {@code --help}. */
public final class ExitCodes {
  /** Nothing at or above the fail level. */
  public static final int OK = 0;
  /** Findings at or above the fail level. */
  public static final int FINDINGS = 1;
  /** Bad command line or configuration file (unknown option, unknown rule, an output that is an input, ...). */
  public static final int USAGE = 2;
  /** An input could not be read (missing, permission denied, too large); the others were linted. */
  public static final int INPUT = 3;
  /** A bug in podlint, or out of memory; the report is still written, with the error recorded. */
  public static final int INTERNAL = 4;

  /** What each code means, for {@code --help}, in code order. */
  static final java.util.SortedMap<String, String> DESCRIPTIONS = java.util.Collections.unmodifiableSortedMap(
      new java.util.TreeMap<>(java.util.Map.of(
          "0", "no finding at or above the --fail-on level",
          "1", "findings at or above the --fail-on level",
          "2", "usage error (bad option, invalid configuration, output not writable or an input)",
          "3", "an input could not be read (the others were still linted)",
          "4", "internal error (a bug) or out of memory; the report is still written")));

  private ExitCodes() {}
}
