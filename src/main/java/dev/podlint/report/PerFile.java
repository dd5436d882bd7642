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
 * that could not be read and was not linted at all. An element is written from its findings as
 * they come ({@link #findings}) and closed at the end of its file ({@link #end}).
 */
abstract class PerFile implements Reporter.Session {
  private final Writer out;
  private final String closing;
  private final Set<String> unreadable = new HashSet<>();

  PerFile(Writer out, String closing) {
    this.out = out;
    this.closing = closing;
  }

  /** More findings of the element of {@code file}. */
  abstract void findings(Writer out, String file, List<Finding> findings) throws IOException;

  /**
   * Ends the element of {@code file}; {@code whole} when its findings were all the file's so far
   * (an element without findings is written then too), and {@code problem} why the file could not
   * be read (then it had no findings).
   */
  abstract void end(Writer out, String file, InputProblem problem, boolean whole) throws IOException;

  @Override
  public final void part(SourceFile file, List<Finding> findings) throws IOException {
    findings(out, file.displayName(), findings);
  }

  @Override
  public final void file(SourceFile file, List<Finding> findings, InputProblem problem) throws IOException {
    if (problem != null) {
      unreadable.add(problem.input());
    }
    findings(out, file.displayName(), findings);
    end(out, file.displayName(), problem, true);
  }

  @Override
  public final void rest(List<Finding> findings) throws IOException {
    for (List<Finding> one : Xml.byFile(findings)) {
      if (one.stream().anyMatch(f -> !f.isSuppressed())) {
        String file = one.get(0).file().displayName();
        findings(out, file, one);
        end(out, file, null, false);
      }
    }
  }

  @Override
  public final void finish(LintRun run, Duration elapsed) throws IOException {
    for (InputProblem p : run.inputProblems()) {
      if (unreadable.add(p.input())) {
        end(out, p.input(), p, true);
      }
    }
    out.write(closing);
    out.flush();
  }
}
