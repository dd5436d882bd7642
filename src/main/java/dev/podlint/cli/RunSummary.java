package dev.podlint.cli;

import dev.podlint.Podlint;
import dev.podlint.engine.LintRun;
import dev.podlint.engine.Linter;
import dev.podlint.load.InputProblem;
import dev.podlint.report.TextEscape;
import dev.podlint.rule.Severity;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code podlint lint} ends: what it says on standard error (inputs it could not read, internal
 * errors, the comparison with a baseline, the summary line and the rules with the most findings)
 * and its exit code.
 */
final class RunSummary {
  /** More unsuppressed findings than this, and the summary adds a line with the rules that gave the most. */
  static final int MANY = 20;

  /** How many rules that line names before it counts the rest. */
  static final int TOP_RULES = 5;

  private RunSummary() {}

  /**
   * Says what went wrong, and unless {@code quiet} what was found; {@code baseline} names the
   * baseline compared with, or is null.
   */
  static void print(PrintWriter err, LintRun run, Tally tally, Visibility visible, Duration elapsed, boolean quiet,
      String baseline) {
    for (InputProblem p : run.inputProblems()) {
      err.println("podlint: cannot read " + TextEscape.fileName(p.input()) + ": " + TextEscape.value(p.message()));
    }
    for (String e : run.internalErrors()) {
      err.println(e.contains(": " + Linter.OUT_OF_MEMORY + " (")
          ? "podlint: " + TextEscape.value(e) + ": " + Main.MORE_MEMORY
          : "podlint: internal error: " + TextEscape.value(e) + " (please report this to " + Podlint.HOME + ")");
    }
    if (!quiet) {
      if (baseline != null) {
        err.println("podlint: compared with the baseline " + TextEscape.fileName(baseline) + ": "
            + plural(tally.fresh, "new finding") + ", " + tally.unchanged + " unchanged, " + tally.tracker.absent()
            + " gone (only new findings are reported)");
      }
      err.println(summary(run, tally, visible, elapsed));
      byRule(tally).ifPresent(err::println);
    }
  }

  /** The exit code: internal errors, then unreadable inputs, then findings at or above {@code failLevel}. */
  static int exitCode(LintRun run, Tally tally, Severity failLevel) {
    if (!run.internalErrors().isEmpty()) {
      return ExitCodes.INTERNAL;
    }
    if (!run.inputProblems().isEmpty()) {
      return ExitCodes.INPUT;
    }
    return tally.atLeast(failLevel) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  static String summary(LintRun r, Tally t, Visibility v, Duration elapsed) {
    StringBuilder sb = new StringBuilder("podlint: ");
    sb.append(plural(r.files(), "file")).append(", ").append(plural(r.objects(), "object")).append(": ");
    sb.append(plural(t.count(Severity.ERROR), "error")).append(", ")
        .append(plural(t.count(Severity.WARNING), "warning")).append(", ")
        .append(plural(t.count(Severity.NOTE), "note"));
    List<String> aside = new ArrayList<>();
    if (t.suppressed > 0) {
      aside.add(t.suppressed + " suppressed");
    }
    if (v.hidden() > 0) {
      aside.add(v.hidden() + " below " + v.level() + " not shown");
    }
    if (!aside.isEmpty()) {
      sb.append(" (").append(String.join("; ", aside)).append(")");
    }
    sb.append(String.format(Locale.ROOT, " in %.2f s", elapsed.toNanos() / 1e9));
    return sb.toString();
  }

  /**
   * {@code podlint: most findings: run-as-root 31, missing-seccomp-profile 12, ... and 4 more rules (9)}:
   * the rules with the most unsuppressed findings (hidden ones included), when there are more than
   * {@link #MANY}; empty otherwise.
   */
  static Optional<String> byRule(Tally t) {
    long total = t.byRule.values().stream().mapToLong(Long::longValue).sum();
    if (total <= MANY) {
      return Optional.empty();
    }
    List<Map.Entry<String, Long>> rules = new ArrayList<>(t.byRule.entrySet());
    rules.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : rules.subList(0, Math.min(TOP_RULES, rules.size()))) {
      parts.add(e.getKey() + " " + e.getValue());
    }
    StringBuilder sb = new StringBuilder("podlint: most findings: ").append(String.join(", ", parts));
    if (rules.size() > TOP_RULES) {
      long rest = rules.subList(TOP_RULES, rules.size()).stream().mapToLong(Map.Entry::getValue).sum();
      sb.append(" and ").append(plural(rules.size() - TOP_RULES, "more rule")).append(" (").append(rest).append(")");
    }
    return Optional.of(sb.toString());
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
