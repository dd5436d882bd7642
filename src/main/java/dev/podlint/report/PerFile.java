package dev.podlint.report;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A session of the XML formats, which give every input file an element: one per linted file, a
 * further one for a file's cross-object findings when it has unsuppressed ones, and one per input
 * that could not be read and was not linted at all.
 */
abstract class PerFile implements Reporter.Session {
  private final Writer out;
  private final String closing;
  private final Set<String> unreadable = new HashSet<>();

  PerFile(Writer out, String closing) {
    this.out = out;
    this.closing = closing;
  }

  /**
   * Writes one file's element; {@code whole} when these are all its findings so far (an element
   * without findings is written then too).
   */
  abstract void element(Writer out, String file, List<Finding> findings, InputProblem problem, boolean whole)
      throws IOException;

  @Override
  public final void file(SourceFile file, List<Finding> findings, InputProblem problem) throws IOException {
    if (problem != null) {
      unreadable.add(problem.input());
    }
    element(out, file.displayName(), findings, problem, true);
  }

  @Override
  public final void rest(List<Finding> findings) throws IOException {
    for (List<Finding> one : Xml.byFile(findings)) {
      if (one.stream().anyMatch(f -> !f.isSuppressed())) {
        element(out, one.get(0).file().displayName(), one, null, false);
      }
    }
  }

  @Override
  public final void finish(LintRun run, Duration elapsed) throws IOException {
    for (InputProblem p : run.inputProblems()) {
      if (unreadable.add(p.input())) {
        element(out, p.input(), List.of(), p, true);
      }
    }
    out.write(closing);
    out.flush();
  }
}
