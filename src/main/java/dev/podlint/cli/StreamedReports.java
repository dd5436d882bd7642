package dev.podlint.cli;

import dev.podlint.engine.Finding;
import dev.podlint.engine.FindingSink;
import dev.podlint.engine.LintRun;
import dev.podlint.engine.Linter;
import dev.podlint.load.InputProblem;
import dev.podlint.load.Inputs;
import dev.podlint.model.SourceFile;
import dev.podlint.report.Formats;
import dev.podlint.report.RenderAhead;
import dev.podlint.report.Report;
import dev.podlint.report.Reporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The run of {@code podlint lint}: opens every report, lints with the findings streamed into them
 * (counted by the tally; the reports other than SARIF get only what is new against a baseline and
 * what {@code --show} shows) and finishes them; a report to a file replaces it only when the whole
 * run was written.
 */
final class StreamedReports {
  private final Main.Env env;
  private final PrintWriter stdout;
  private final Formats.Settings settings;
  private final Tally tally;
  private final Visibility visible;

  StreamedReports(Main.Env env, PrintWriter stdout, Formats.Settings settings, Tally tally, Visibility visible) {
    this.env = env;
    this.stdout = stdout;
    this.settings = settings;
    this.tally = tally;
    this.visible = visible;
  }

  /** Lints {@code inputs} into the reports of {@code plan}; {@code elapsed} gives the time for their ends. */
  LintRun run(Linter linter, Inputs.Expansion inputs, List<OutputOption> plan, Report.Header header,
      Supplier<Duration> elapsed) {
    List<Opened> reports = new ArrayList<>();
    try {
      for (OutputOption o : plan) {
        open(o, header, reports);
      }
      LintRun run = linter.lint(inputs.files(), inputs.problems(), env::stdin, new FindingSink() {
        @Override
        public void part(SourceFile file, List<Finding> findings) {
          each(reports, findings, (s, shown) -> s.part(file, shown));
        }

        @Override
        public void file(SourceFile file, List<Finding> findings, InputProblem unreadable) {
          each(reports, findings, (s, shown) -> s.file(file, shown, unreadable));
        }

        @Override
        public void rest(List<Finding> findings) {
          each(reports, findings, Reporter.Session::rest);
        }
      });
      Duration took = elapsed.get();
      for (Opened o : reports) {
        o.write(s -> s.finish(run, took));
      }
      // only when every report is complete does any replace its file
      for (Opened o : reports) {
        if (o.file != null) {
          o.failed = true;
          o.file.commit();
          o.failed = false;
        }
      }
      return run;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      Opened failed = reports.stream().filter(o -> o.failed).findFirst().orElse(null);
      String where = failed != null && failed.file != null ? " to " + failed.file.target() : "";
      throw new UserException(ExitCodes.USAGE, "cannot write the report" + where + ": " + AtomicFile.describe(cause));
    } finally {
      for (Opened o : reports) {
        if (o.file != null) {
          o.file.abandon();
        }
      }
    }
  }

  /** Opens the report of {@code o}, added to {@code reports} first: writes what comes before its findings. */
  private void open(OutputOption o, Report.Header header, List<Opened> reports) throws IOException {
    boolean toFile = o.output != null;
    Reporter reporter = o.format.reporter(new Formats.Settings(settings.failLevel(), !toFile && settings.color()));
    AtomicFile.Pending file = null;
    if (toFile) {
      Path target = env.workingDir().resolve(o.output);
      try {
        file = AtomicFile.open(target);
      } catch (IOException e) {
        throw new UserException(ExitCodes.USAGE, "cannot write the report to " + target + ": "
            + AtomicFile.describe(e));
      }
    }
    Opened opened = new Opened(reporter.showsBaselineState(), file);
    reports.add(opened);
    opened.failed = true; // until its start is written
    // text, JSON, SARIF and GitHub render their findings on the linter's threads, and write here in order
    ForkJoinPool workers = Linter.workers();
    opened.session = RenderAhead.of(reporter.open(header, file == null ? stdout : file.writer()), workers,
        Linter.window(workers));
    opened.failed = false;
  }

  /** Counts {@code findings} and gives each report those it shows. */
  private void each(List<Opened> reports, List<Finding> findings, Shown step) {
    List<Finding> shown = visible.count(tally.add(findings));
    List<Finding> all = visible.shown(findings);
    for (Opened o : reports) {
      o.write(s -> step.on(s, o.all ? all : shown));
    }
  }

  /** What a report is given of some findings. */
  private interface Shown {
    void on(Reporter.Session s, List<Finding> shown) throws IOException;
  }

  /** A report being written, and whether writing it failed. */
  private static final class Opened {
    Reporter.Session session;
    /** Whether the report shows every finding with its baseline state, not only the new ones. */
    final boolean all;
    final AtomicFile.Pending file;
    boolean failed;

    Opened(boolean all, AtomicFile.Pending file) {
      this.all = all;
      this.file = file;
    }

    interface Step {
      void on(Reporter.Session s) throws IOException;
    }

    void write(Step step) {
      try {
        step.on(session);
      } catch (IOException e) {
        failed = true;
        throw new UncheckedIOException(e);
      }
    }
  }
}
