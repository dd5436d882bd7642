package dev.podlint.cli;

import dev.podlint.engine.Finding;
import dev.podlint.report.Baseline;
import dev.podlint.rule.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run found, counted as it goes: the summary line, the exit code and the baseline line.
 * With a baseline, the counts are of the new findings only, as the reports other than SARIF are.
 */
final class Tally {
  private final Baseline.Comparison baseline;
  final Baseline.Tracker tracker;
  final long[] counts = new long[Severity.values().length];
  /** Unsuppressed (new) findings per rule name, for the summary. */
  final Map<String, Long> byRule = new HashMap<>();
  long suppressed;
  long fresh;
  long unchanged;

  Tally(Baseline.Comparison baseline, Baseline.Tracker tracker) {
    this.baseline = baseline;
    this.tracker = tracker;
  }

  /** Counts the findings; returns those that are new (all of them without a baseline). */
  List<Finding> add(List<Finding> findings) {
    for (Finding f : findings) {
      if (tracker != null) {
        tracker.see(f);
      }
      boolean isNew = baseline == null || baseline.isNew(f);
      if (!f.isSuppressed() && baseline != null) {
        if (isNew) {
          fresh++;
        } else {
          unchanged++;
        }
      }
      if (!isNew) {
        continue;
      }
      if (f.isSuppressed()) {
        suppressed++;
      } else {
        counts[f.severity().ordinal()]++;
        byRule.merge(f.rule().name(), 1L, Long::sum);
      }
    }
    return baseline == null ? findings : findings.stream().filter(baseline::isNew).toList();
  }

  long count(Severity s) {
    return counts[s.ordinal()];
  }

  /** Unsuppressed (new) findings at or above {@code level}; {@code null} means never. */
  boolean atLeast(Severity level) {
    if (level == null) {
      return false;
    }
    for (Severity s : Severity.values()) {
      if (s.atLeast(level) && counts[s.ordinal()] > 0) {
        return true;
      }
    }
    return false;
  }
}
