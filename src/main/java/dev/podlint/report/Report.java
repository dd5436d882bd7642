package dev.podlint.report;

import java.nio.file.Path;
import java.util.List;

/** What reporters are told of a run before its first finding ({@link Header}), and how its parts are named. */
public final class Report {
  public static final String AUTOMATION_PREFIX = "podlint/";

  private Report() {}

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
