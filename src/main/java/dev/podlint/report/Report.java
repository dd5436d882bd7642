package dev.podlint.report;

import dev.podlint.engine.LintResult;
import dev.podlint.model.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What reporters write: the lint result plus facts about the run.
 *
 * @param srcRoot the directory SARIF URIs are relative to
 * @param files every file the run was asked to lint, with or without findings (XML formats list them
 *     all); may be empty when unknown
 * @param baseline the comparison with {@code --baseline}, or {@code null} without one
 * @param automationId SARIF {@code runs[0].automationDetails.id}: {@code podlint/} or {@code podlint/CATEGORY/}
 */
public record Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed, List<SourceFile> files,
    Baseline.Comparison baseline, String automationId) {
  public static final String AUTOMATION_PREFIX = "podlint/";

  /**
   * What a report needs before its first finding.
   *
   * @param rules the rules that run, in id order
   * @param srcRoot the directory SARIF URIs are relative to
   * @param baseline the findings of {@code --baseline} ({@link Baseline.Comparison#isNew}), or {@code null}
   * @param automationId SARIF {@code runs[0].automationDetails.id}
   * @param srcRootUri the URI SARIF gives {@code %SRCROOT%}: {@link #srcRootUri(Path)} of {@code srcRoot}
   *     unless a reproducible run fixed it
   */
  public record Header(List<dev.podlint.rule.RuleDefinition> rules, String toolVersion, Path srcRoot,
      Baseline.Comparison baseline, String automationId, String srcRootUri) {
    /** A header whose {@code %SRCROOT%} is the absolute URI of {@code srcRoot}. */
    public Header(List<dev.podlint.rule.RuleDefinition> rules, String toolVersion, Path srcRoot,
        Baseline.Comparison baseline, String automationId) {
      this(rules, toolVersion, srcRoot, baseline, automationId, Report.srcRootUri(srcRoot));
    }
  }

  /** The absolute {@code file:} URI of the directory {@code dir}, ending with a slash. */
  public static String srcRootUri(Path dir) {
    String s = dir.toAbsolutePath().normalize().toUri().toString();
    return s.endsWith("/") ? s : s + "/";
  }

  /** The header of this report. */
  public Header header() {
    return new Header(result.rules(), toolVersion, srcRoot, baseline, automationId);
  }

  public Report {
    // by name, as findings are: the XML reports list files in this order, whatever the command line's
    files = files.stream().sorted(java.util.Comparator.comparing(SourceFile::displayName)).toList();
  }

  /** A report without a list of files and without a baseline, of the default category. */
  public Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed) {
    this(result, toolVersion, srcRoot, elapsed, List.of(), null, AUTOMATION_PREFIX);
  }

  /** A report of the default category. */
  public Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed, List<SourceFile> files,
      Baseline.Comparison baseline) {
    this(result, toolVersion, srcRoot, elapsed, files, baseline, AUTOMATION_PREFIX);
  }

  /** A report of the default category, without a list of files and without a baseline. */
  public Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed, String automationId) {
    this(result, toolVersion, srcRoot, elapsed, List.of(), null, automationId);
  }

  /** The same report with other findings (the new ones of a baseline comparison). */
  public Report withResult(LintResult other) {
    return new Report(other, toolVersion, srcRoot, elapsed, files, baseline, automationId);
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
