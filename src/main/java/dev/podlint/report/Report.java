package dev.podlint.report;

import dev.podlint.engine.LintResult;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What reporters write: the lint result plus facts about the run.
 *
 * @param srcRoot the directory SARIF URIs are relative to
 */
public record Report(LintResult result, String toolVersion, Path srcRoot, Duration elapsed) {}
