package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import java.util.List;

/**
 * Where a streaming run puts its findings as soon as they are final, so that a run holds only the
 * files in flight, never every finding. Calls come from one thread, in a fixed order: every input
 * file in name order (with or without findings), then once the findings that only the whole run
 * can tell (cross-object rules and the suppressions of their rules), sorted. A large file's
 * findings may come in several calls: {@link #part} for each run of them, in order, then
 * {@link #file} with the last ones. Findings are suppressed, fingerprinted and sorted as in
 * {@link LintResult}.
 */
public interface FindingSink {
  /** Some of a file's findings, in order; more of them follow, and then {@link #file}. */
  void part(SourceFile file, List<Finding> findings);

  /**
   * One input file: its (last) findings, and why it could not be read ({@code null} when it was).
   * The file's findings are those of its {@link #part} calls followed by these.
   */
  void file(SourceFile file, List<Finding> findings, InputProblem unreadable);

  /** The findings known only after every file was linted; they may be about any file. */
  void rest(List<Finding> findings);
}
