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
 */
public record Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed, List<SourceFile> files,
    Baseline.Comparison baseline) {

  public Report {
    files = List.copyOf(files);
  }

  /** A report without a list of files and without a baseline. */
  public Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed) {
    this(result, toolVersion, srcRoot, elapsed, List.of(), null);
  }

  /** The same report with other findings (the new ones of a baseline comparison). */
  public Report withResult(LintResult other) {
    return new Report(other, toolVersion, srcRoot, elapsed, files, baseline);
  }
}
