package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.ManifestText;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The scheduler of a run: files are read and prepared in parallel by the {@link FileRunner}, a few
 * per thread ahead of the one being reported, and handed over in name order; the parts of a large
 * file are linted in parallel too, a few ahead of the one being reported, and handed over in file
 * order to its {@link FileOrder}; the {@link Finisher} ends the run. So a run holds the files and
 * parts in flight and the cross-object rules' compact inventory, never every finding nor a large
 * file's trees. The fork-join pool of the calling task does the work when there is one (tests pin
 * the thread count that way), else a pool with a thread per processor.
 */
final class Scheduler {
  /** Makes the finisher of a run that streams to a sink. */
  interface Finishers {
    Finisher of(FindingSink sink);
  }

  private final FileRunner runner;
  private final Finishers finishers;
  /** Whether the run has no check at all: then no file needs the ConfigMaps of the others. */
  private final boolean noChecks;

  Scheduler(FileRunner runner, Finishers finishers, boolean noChecks) {
    this.runner = runner;
    this.finishers = finishers;
    this.noChecks = noChecks;
  }

  /** Lints {@code files} into {@code sink}; {@code stdin} is read for the {@code <stdin>} input. */
  LintRun lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin,
      FindingSink sink) {
    List<SourceFile> ordered = files.stream().sorted(Comparator.comparing(SourceFile::displayName)).toList();
    Finisher run = finishers.of(sink);
    ForkJoinPool pool = pool();
    RunConfigMaps configMaps = RunConfigMaps.NONE;
    if (ordered.size() > 1 && !noChecks) {
      // a pod may mount a ConfigMap of another file: read the run's ConfigMaps first
      stdin = readOnce(stdin, ordered);
      Supplier<InputStream> in = stdin;
      configMaps = RunConfigMapsReader.read(ordered, f -> ManifestLoader.read(f, f.isStdin() ? in.get() : null), pool);
    }
    RunConfigMaps runConfigMaps = configMaps;
    Supplier<InputStream> input = stdin;
    files(ordered, f -> () -> runner.prepare(f, input, runConfigMaps), run, pool);
    return run.finish(alreadyFailed, files.size());
  }

  /** Lints one text already in memory into {@code sink}, its pods mounting the ConfigMaps of {@code configMaps}. */
  LintRun lintText(ManifestText text, RunConfigMaps configMaps, FindingSink sink) {
    Finisher run = finishers.of(sink);
    ForkJoinPool pool = pool();
    file(runner.prepare(text, configMaps), run, pool, window(pool));
    return run.finish(List.of(), 1);
  }

  /**
   * Lints texts already in memory together into {@code sink}, as {@link #lint} lints files: in name
   * order, a few prepared ahead, their pods mounting each other's ConfigMaps.
   */
  LintRun lintTexts(Map<SourceFile, String> texts, FindingSink sink) {
    List<SourceFile> ordered = texts.keySet().stream().sorted(Comparator.comparing(SourceFile::displayName)).toList();
    Finisher run = finishers.of(sink);
    ForkJoinPool pool = pool();
    RunConfigMaps configMaps = ordered.size() > 1 && !noChecks ? Linter.configMaps(texts) : RunConfigMaps.NONE;
    files(ordered, f -> {
      String text = texts.get(f);
      return () -> runner.prepareText(f, text, configMaps);
    }, run, pool);
    return run.finish(List.of(), texts.size());
  }

  /**
   * The files of a run, in order: each prepared in {@code pool} by the task {@code prepare} makes
   * for it, at most a window ahead, then handed to {@link #file}.
   */
  private void files(List<SourceFile> ordered, Function<SourceFile, Callable<FileWork>> prepare, Finisher run,
      ForkJoinPool pool) {
    int window = window(pool);
    ArrayDeque<ForkJoinTask<FileWork>> ahead = new ArrayDeque<>();
    int next = 0;
    while (next < ordered.size() || !ahead.isEmpty()) {
      while (ahead.size() < window && next < ordered.size()) {
        ahead.add(pool.submit(prepare.apply(ordered.get(next++))));
      }
      file(ahead.poll().join(), run, pool, window);
    }
  }

  /**
   * One file, read and prepared, in the in-order half of the run: its parts are linted in
   * {@code pool}, at most {@code window} ahead, and handed to the file's {@link FileOrder} in order.
   */
  private void file(FileWork w, Finisher run, ForkJoinPool pool, int window) {
    run.add(w);
    FileOrder order = new FileOrder(run, w.file, w.comments, w.inParts() ? w.objects() : null, w.fileFindings);
    if (w.whole != null) {
      order.part(w.whole, null);
    } else if (w.inParts()) {
      int parts = w.parts();
      ArrayDeque<ForkJoinTask<Part>> inFlight = new ArrayDeque<>();
      int next = 0;
      while (next < parts || !inFlight.isEmpty()) {
        while (inFlight.size() < window && next < parts) {
          int k = next++;
          Set<BoundedRegex> before = Set.copyOf(order.gaveUp());
          inFlight.add(pool.submit(() -> runner.lintPart(w, k, before)));
        }
        Part p = inFlight.poll().join();
        if (!p.startedWith.equals(order.gaveUp())) {
          // a pattern ran out of steps in an earlier part after this one started: lint it again as
          // a file read in one go would have, with that pattern given up
          p = runner.lintPart(w, p.index, Set.copyOf(order.gaveUp()));
        }
        order.part(p, p.index + 1 < parts ? w.start(p.index + 1) : null);
      }
    }
    order.end(w.problem);
  }

  /**
   * {@code stdin} as a source that can be read twice when standard input is one of {@code files}
   * (its bytes are read now, or the failure to read them is kept for the run to report).
   */
  private static Supplier<InputStream> readOnce(Supplier<InputStream> stdin, List<SourceFile> files) {
    SourceFile in = files.stream().filter(SourceFile::isStdin).findFirst().orElse(null);
    if (in == null) {
      return stdin;
    }
    try {
      byte[] bytes = ManifestLoader.read(in, stdin.get()); // within the loader's size limit
      return () -> new ByteArrayInputStream(bytes);
    } catch (IOException e) {
      return () -> new InputStream() {
        @Override
        public int read() throws IOException {
          throw e;
        }
      };
    }
  }

  /** The pool of a run started on this thread: the calling task's, else the run's own threads. */
  static ForkJoinPool pool() {
    return ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : Workers.POOL;
  }

  /** Files, and parts of a file, linted ahead of the one being reported. */
  static int window(ForkJoinPool pool) {
    return 4 * Math.max(1, pool.getParallelism());
  }

  /** Threads for runs started outside a fork-join pool: one per processor (daemons), made on first use. */
  private static final class Workers {
    static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
  }
}
