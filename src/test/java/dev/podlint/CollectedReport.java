package dev.podlint;

import dev.podlint.engine.Finding;
import dev.podlint.engine.FindingSink;
import dev.podlint.engine.LintResult;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import dev.podlint.report.Baseline;
import dev.podlint.report.Report;
import dev.podlint.report.Reporter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Writes a run collected whole ({@link LintResult}) as a report, as the streaming run would have. */
public final class CollectedReport {
  private CollectedReport() {}

  /** The report of {@code r} by {@code reporter}: version, %SRCROOT% and baseline as given, no time spent. */
  public static String write(Reporter reporter, LintResult r, String version, Path srcRoot,
      Baseline.Comparison baseline) throws IOException {
    StringWriter out = new StringWriter();
    Reporter.Session s = reporter.open(new Report.Header(r.rules(), version, srcRoot, baseline,
        Report.AUTOMATION_PREFIX), out);
    try {
      r.replay(new FindingSink() {
        @Override
        public void part(SourceFile file, List<Finding> findings) {
          step(() -> s.part(file, findings));
        }

        @Override
        public void file(SourceFile file, List<Finding> findings, InputProblem unreadable) {
          step(() -> s.file(file, findings, unreadable));
        }

        @Override
        public void rest(List<Finding> findings) {
          step(() -> s.rest(findings));
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    s.finish(r.run(), Duration.ZERO);
    return out.toString();
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void step(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
