package dev.podlint.cli;

import dev.podlint.bench.Bench;
import dev.podlint.bench.CorpusGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code podlint bench}: parse-only against full-lint throughput on a generated corpus. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    description = {"Generates a corpus of Deployments, Services, StatefulSets and CronJobs (fixed seed) in a temporary "
        + "directory and reports, on the same files, parse-only throughput (snakeyaml-engine's parser "
        + "events of every document), full lint throughput (load, schema validation, every default rule, SARIF to a null sink) and "
        + "their ratio. bin/podlint-bench adds fresh-process timings and peak RSS."})
public final class BenchCommand implements Callable<Integer> {
  static final int QUICK_DOCUMENTS = 2_000;

  private final Main.Env env;

  @Spec
  CommandSpec spec;

  @Option(names = "--documents", paramLabel = "N", description = "Documents to generate (default: ${DEFAULT-VALUE}).")
  int documents = 50_000;

  @Option(names = "--quick", description = "Only " + QUICK_DOCUMENTS + " documents (for CI: checks the benchmark runs).")
  boolean quick;

  @Option(names = "--per-file", paramLabel = "N", description = "Documents per file (default: ${DEFAULT-VALUE}).")
  int perFile = 100;

  @Option(names = "--seed", paramLabel = "SEED", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = CorpusGenerator.DEFAULT_SEED;

  @Option(names = "--keep", paramLabel = "DIR",
      description = "Write the corpus to DIR and keep it (for timing fresh `podlint lint DIR` processes) instead of a "
          + "temporary directory that is deleted afterwards.")
  Path keep;

  @Option(names = "--generate-only",
      description = "Only write the corpus to the --keep directory (for timing fresh processes on it); measure nothing.")
  boolean generateOnly;

  BenchCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    int n = quick ? Math.min(documents, QUICK_DOCUMENTS) : documents;
    if (n < 1 || perFile < 1) {
      throw new UserException(ExitCodes.USAGE, "--documents and --per-file must be at least 1");
    }
    if (generateOnly && keep == null) {
      throw new UserException(ExitCodes.USAGE, "--generate-only needs --keep DIR: the corpus would be deleted at once");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = keep == null ? Files.createTempDirectory("podlint-bench") : env.workingDir().resolve(keep);
    try {
      List<Path> files = new CorpusGenerator(seed).write(dir, n, perFile);
      if (generateOnly) {
        out.printf(Locale.ROOT, "corpus: %d documents in %d files (seed %d) written to %s%n", n, files.size(), seed, keep);
        out.flush();
        return ExitCodes.OK;
      }
      List<Path> warmup = files.subList(0, Math.min(files.size(), Math.max(1, 2_000 / perFile)));
      Bench.Result r = new Bench().run(files, warmup, dir);
      out.printf(Locale.ROOT, "corpus: %d documents in %d files (seed %d), %d cores, max heap %d MB%n",
          r.parse().documents(), r.files(), seed, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      for (Bench.Pass p : List.of(r.parse(), r.lint())) {
        out.printf(Locale.ROOT, "%-11s %8.3f s  %10.0f documents/s%n", p.name() + ":", p.elapsed().toNanos() / 1e9,
            p.documentsPerSecond());
      }
      out.printf(Locale.ROOT, "  of which writing SARIF: %.3f s%n", r.sarif().toNanos() / 1e9);
      out.printf(Locale.ROOT, "ratio:      %8.2f  (full lint time / parse-only time)%n", r.ratio());
      out.printf(Locale.ROOT, "findings:   %8d%n", r.findings());
      out.printf(Locale.ROOT, "heap kept after the last file: %.1f MB (code, schemas, files in flight and the "
          + "cross-object inventory; findings are streamed)%n", r.retained() / 1048576.0);
      if (r.lint().documents() != r.parse().documents()) {
        throw new UserException(ExitCodes.INTERNAL, "the passes saw different documents: " + r.parse().documents()
            + " parsed, " + r.lint().documents() + " linted");
      }
      return ExitCodes.OK;
    } finally {
      if (keep == null) {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
