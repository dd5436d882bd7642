package dev.podlint.report;

import dev.podlint.engine.LintResult;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What reporters write: the lint result plus facts about the run.
 *
 * @param srcRoot the directory SARIF URIs are relative to
 * @param automationId SARIF {@code runs[0].automationDetails.id}: {@code podlint/} or {@code podlint/CATEGORY/}
 */
public record Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed, String automationId) {
  public static final String AUTOMATION_PREFIX = "podlint/";

  /** A report of the default category. */
  public Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed) {
    this(result, toolVersion, srcRoot, elapsed, AUTOMATION_PREFIX);
  }

  /**
   * The automation id of a SARIF category: {@code podlint/CATEGORY/}, or {@code podlint/} for none.
   * Code scanning keeps the results of runs with different categories apart (one per environment or
   * directory, say); the trailing slash makes the whole id the category, with no run instance.
   */
  public static String automationId(String category) {
    if (category == null || category.isBlank()) {
      return AUTOMATION_PREFIX;
    }
    String c = category.strip();
    return AUTOMATION_PREFIX + c + (c.endsWith("/") ? "" : "/");
  }
}
