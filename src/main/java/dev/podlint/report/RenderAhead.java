package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * A report whose findings are rendered on worker threads and written in order: each call's
 * findings become a task that renders their text ({@link Reporter.FlatSession#render}), and the
 * session's thread only writes the texts in the order the calls came, as each is done. At most
 * {@code ahead} calls (or slices of the run's last findings) wait to be written, so the report
 * holds a bounded number of them. The bytes are those the session writes by itself. The findings given must not change afterwards.
 */
public final class RenderAhead implements Reporter.Session {
  /** A call's findings and the task rendering them. */
  private record Pending(List<Finding> findings, ForkJoinTask<String> text) {}

  /** Findings of the end of the run rendered in one task (see {@link #rest}). */
  static final int SLICE = 256;

  private final Reporter.FlatSession session;
  private final ForkJoinPool pool;
  private final int ahead;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();

  private RenderAhead(Reporter.FlatSession session, ForkJoinPool pool, int ahead) {
    this.session = session;
    this.pool = pool;
    this.ahead = Math.max(1, ahead);
  }

  /**
   * {@code session} rendering on {@code pool}, at most {@code ahead} calls ahead of what is
   * written, when it is a {@link Reporter.FlatSession}; else {@code session} itself (a report
   * that writes per file, whose elements depend on what came before in the file).
   */
  public static Reporter.Session of(Reporter.Session session, ForkJoinPool pool, int ahead) {
    return session instanceof Reporter.FlatSession flat ? new RenderAhead(flat, pool, ahead) : session;
  }

  @Override
  public void part(SourceFile file, List<Finding> findings) throws IOException {
    add(findings);
  }

  @Override
  public void file(SourceFile file, List<Finding> findings, InputProblem unreadable) throws IOException {
    add(findings);
  }

  /**
   * The findings of the end of the run, rendered in slices of {@link #SLICE}: there may be one for
   * most objects of the run (a cross-object rule), and their text is written as it is rendered
   * instead of being held whole.
   */
  @Override
  public void rest(List<Finding> findings) throws IOException {
    for (int from = 0; from < findings.size(); from += SLICE) {
      add(findings.subList(from, Math.min(findings.size(), from + SLICE)));
    }
  }

  @Override
  public void finish(LintRun run, Duration elapsed) throws IOException {
    while (!pending.isEmpty()) {
      writeNext();
    }
    session.finish(run, elapsed);
  }

  private void add(List<Finding> findings) throws IOException {
    if (findings.isEmpty()) {
      return; // nothing to render; a flat report writes nothing for no findings
    }
    while (pending.size() >= ahead) {
      writeNext();
    }
    pending.add(new Pending(findings, pool.submit(ForkJoinTask.adapt(() -> render(findings)))));
    while (!pending.isEmpty() && pending.peek().text.isDone()) {
      writeNext();
    }
  }

  private String render(List<Finding> findings) {
    try {
      return session.render(findings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the oldest call's text, waiting for it when it is not rendered yet. */
  private void writeNext() throws IOException {
    Pending p = pending.poll();
    String text;
    try {
      text = p.text.join();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    session.write(p.findings, text);
  }
}
