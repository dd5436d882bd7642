package dev.podlint.bench;

import dev.podlint.checks.Checks;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.Finding;
import dev.podlint.engine.FindingSink;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.engine.Linter;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.SourceFile;
import dev.podlint.report.RenderAhead;
import dev.podlint.report.Report;
import dev.podlint.report.Reporter;
import dev.podlint.report.SarifReporter;
import dev.podlint.rule.RuleCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The in-process part of {@code podlint bench}: parse-only and full-lint throughput on the same
 * files. Both passes read every file from disk and spread the files over the common fork-join pool
 * (every core), so their ratio is the cost of linting over reading the YAML's parser events.
 */
public final class Bench {
  /** One measured pass. */
  public record Pass(String name, long documents, Duration elapsed) {
    public double documentsPerSecond() {
      return documents / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
  }

  /** Both passes and what the lint found. */
  /**
   * @param retained bytes of heap in use after the last file was reported, after a collection: what
   *     a run keeps (the cross-object inventory) besides the code, the schemas and the files in flight
   */
  public record Result(int files, Pass parse, Pass lint, long findings, Duration sarif, long retained) {
    /** Full lint time over parse-only time. */
    public double ratio() {
      return lint.elapsed.toNanos() / (double) Math.max(1, parse.elapsed.toNanos());
    }
  }

  private final Linter linter = Linter.withDefaults(RuleCatalog.builtin(), LintOptions.DEFAULT, Checks.BUILTIN);
  private final ManifestLoader loader = new ManifestLoader();

  /** Reads the parser events of every document of every file with snakeyaml-engine, nothing else. */
  public Pass parseOnly(List<Path> files) {
    long start = System.nanoTime();
    long documents = files.parallelStream().mapToLong(f -> {
      try {
        return loader.parseOnly(Files.readAllBytes(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).sum();
    return new Pass("parse-only", documents, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Loads, validates against the schemas, runs every default rule and streams SARIF to a null sink,
   * as {@code podlint lint -f sarif} does (rendered on the linter's threads, written in order); {@code sarif}
   * gets the time the in-order thread spent on it: handing findings over, waiting for them and writing.
   */
  public Pass fullLint(List<Path> files, Path root, long[] findings, Duration[] sarif, long[] retained) {
    long start = System.nanoTime();
    List<SourceFile> sources = files.stream().map(f -> new SourceFile(root.relativize(f).toString(), f)).toList();
    long[] writing = new long[1];
    long[] count = new long[1];
    long[] measuring = new long[1];
    LintRun run;
    try {
      // rendered on the linter's threads and written in order, as podlint lint writes it
      Reporter.Session report = RenderAhead.of(new SarifReporter().open(new Report.Header(linter.rules(), "bench",
          root, null, Report.AUTOMATION_PREFIX), Writer.nullWriter()), Linter.workers(),
          Linter.window(Linter.workers()));
      run = linter.lint(sources, List.of(), () -> new ByteArrayInputStream(new byte[0]), new FindingSink() {
        private int reported;

        @Override
        public void part(SourceFile file, List<Finding> found) {
          write(() -> report.part(file, found), found.size());
        }

        @Override
        public void file(SourceFile file, List<Finding> found, InputProblem unreadable) {
          write(() -> report.file(file, found, unreadable), found.size());
          if (++reported == sources.size()) {
            long t = System.nanoTime();
            retained[0] = heapInUse();
            measuring[0] = System.nanoTime() - t;
          }
        }

        @Override
        public void rest(List<Finding> found) {
          write(() -> report.rest(found), found.size());
        }

        private void write(IoStep step, int n) {
          long t = System.nanoTime();
          try {
            step.run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          writing[0] += System.nanoTime() - t;
          count[0] += n;
        }
      });
      long t = System.nanoTime();
      report.finish(run, Duration.ZERO);
      writing[0] += System.nanoTime() - t;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!run.inputProblems().isEmpty() || !run.internalErrors().isEmpty()) {
      throw new IllegalStateException("the benchmark corpus did not lint cleanly: " + run.inputProblems()
          + run.internalErrors());
    }
    sarif[0] = Duration.ofNanos(writing[0]);
    findings[0] = count[0];
    return new Pass("full lint", run.documents(), Duration.ofNanos(System.nanoTime() - start - measuring[0]));
  }

  /** Heap in use after two full collections (excluded from the timing: it runs once per pass). */
  private static long heapInUse() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  private interface IoStep {
    void run() throws IOException;
  }

  /**
   * Warms both passes up on {@code warmup} (the JIT compiles the hot paths), then measures each once
   * on {@code files}.
   */
  public Result run(List<Path> files, List<Path> warmup, Path root) {
    long[] findings = new long[1];
    Duration[] sarif = new Duration[1];
    long[] retained = new long[1];
    parseOnly(warmup);
    fullLint(warmup, root, findings, sarif, retained);
    Pass parse = parseOnly(files);
    Pass lint = fullLint(files, root, findings, sarif, retained);
    return new Result(files.size(), parse, lint, findings[0], sarif[0], retained[0]);
  }
}
