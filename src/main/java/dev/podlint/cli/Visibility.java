package dev.podlint.cli;

import dev.podlint.engine.Finding;
import dev.podlint.rule.Severity;
import java.util.List;

/**
 * What the reports show: findings at or above the {@code --show} level. Hidden findings still
 * count for the exit code ({@code --fail-on} sees every finding); the summary says how many
 * unsuppressed findings were hidden.
 */
final class Visibility {
  /** The lowest level shown; null shows everything. */
  private final Severity level;
  private long hidden;

  Visibility(Severity level) {
    this.level = level;
  }

  /** The findings the reports show, in their order. */
  List<Finding> shown(List<Finding> findings) {
    if (level == null || level == Severity.NOTE) {
      return findings;
    }
    return findings.stream().filter(f -> f.severity().atLeast(level)).toList();
  }

  /** Counts the unsuppressed findings of {@code findings} that are hidden; returns the shown ones. */
  List<Finding> count(List<Finding> findings) {
    List<Finding> shown = shown(findings);
    if (shown.size() != findings.size()) {
      for (Finding f : findings) {
        if (!f.isSuppressed() && !f.severity().atLeast(level)) {
          hidden++;
        }
      }
    }
    return shown;
  }

  /** How many unsuppressed findings were hidden so far. */
  long hidden() {
    return hidden;
  }

  /** The level shown, for the summary: {@code warning}; null when everything is shown. */
  String level() {
    return level == null || level == Severity.NOTE ? null : level.name().toLowerCase(java.util.Locale.ROOT);
  }
}
