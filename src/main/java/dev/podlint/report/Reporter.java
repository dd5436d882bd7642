package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * Writes a report in one format, as a stream: {@link #open} writes what comes before the findings,
 * the findings follow file by file (a large file's in parts) as the linter finishes them, and
 * {@link Session#finish} writes the rest. A reporter holds no finding once it is written (JUnit XML
 * holds the text of one file's findings, as its suite's counts come first), so a report of any
 * size is written in bounded memory.
 */
public interface Reporter {
  /** Starts a report on {@code out}. */
  Session open(Report.Header header, Writer out) throws IOException;

  /** A report being written; calls come from one thread in the order of {@link dev.podlint.engine.FindingSink}. */
  interface Session {
    /**
     * Some of a file's findings (suppressed ones included), in order: a large file's findings come
     * in parts, then {@link #file} with the last ones.
     */
    void part(SourceFile file, List<Finding> findings) throws IOException;

    /**
     * One input file and its (last) findings (suppressed ones included); {@code unreadable} when it
     * could not be read.
     */
    void file(SourceFile file, List<Finding> findings, InputProblem unreadable) throws IOException;

    /** The findings known only after every file (cross-object rules), sorted; they may name any file. */
    void rest(List<Finding> findings) throws IOException;

    /** Writes what follows the findings: input and internal errors, totals. */
    void finish(LintRun run, Duration elapsed) throws IOException;
  }

  /**
   * A session that writes findings one after another, whichever file they are of, in two steps:
   * {@link #render} makes their text on any thread (several calls at once, ahead of their turn),
   * {@link #write} writes it in order on the session's thread. {@link RenderAhead} renders them on
   * worker threads; a session used as it is renders each call when it comes.
   */
  interface FlatSession extends Session {
    /**
     * The text of {@code findings} as this report writes them; thread-safe, as it reads nothing that
     * {@link #write} changes, and without side effects. No findings have no text.
     */
    String render(List<Finding> findings) throws IOException;

    /**
     * Writes {@code findings} in their turn, with their {@code text} from {@link #render}; no
     * findings write nothing.
     */
    void write(List<Finding> findings, String text) throws IOException;

    @Override
    default void part(SourceFile file, List<Finding> findings) throws IOException {
      rest(findings);
    }

    @Override
    default void file(SourceFile file, List<Finding> findings, InputProblem unreadable) throws IOException {
      rest(findings);
    }

    @Override
    default void rest(List<Finding> findings) throws IOException {
      write(findings, render(findings));
    }
  }

  /**
   * Whether the reporter writes every finding with its baseline state (SARIF's
   * {@code baselineState}). Reporters that do not are given only the findings that are new.
   */
  default boolean showsBaselineState() {
    return false;
  }
}
