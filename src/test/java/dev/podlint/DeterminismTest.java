package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same inputs give byte-identical reports whatever the order of the paths on the command line
 * and however many threads lint them. The linter runs its files in the fork-join pool of the task
 * that calls it, so each run is started inside a pool of 1, 2 or 8 threads. Nothing is masked: the
 * text summary line with its duration goes to standard error and is not compared.
 */
class DeterminismTest {
  static List<String> inputs() throws IOException {
    List<String> files = new ArrayList<>();
    for (String dir : List.of("testdata/examples", "testdata/load", "testdata/hostile", "testdata/helm",
        "testdata/suppressions")) {
      try (Stream<Path> s = Files.walk(TestSupport.ROOT.resolve(dir))) {
        s.filter(Files::isRegularFile)
            .map(p -> TestSupport.ROOT.relativize(p).toString().replace('\\', '/'))
            .filter(p -> p.endsWith(".yaml") || p.endsWith(".yml") || p.endsWith(".json"))
            .sorted()
            .forEach(files::add);
      }
    }
    files.add("missing-a.yaml"); // input errors are reported in a fixed order too
    files.add("missing-b/");
    return files;
  }

  static String run(int threads, List<String> paths, String format, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("lint", "--no-config", "-q", "-f", format));
    args.addAll(List.of(options));
    args.addAll(paths);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      int code = pool.submit(() -> Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
          new Main.Env(TestSupport.ROOT, new ByteArrayInputStream(new byte[0]), Map.of(), false))).get();
      assertEquals(3, code, "the inputs hold errors and missing paths:\n" + err);
    } finally {
      pool.shutdown();
    }
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("dev.podlint.report.Formats#names")
  void sameBytesWhateverTheOrderAndThreadCount(String format) throws Exception {
    List<String> sorted = inputs();
    assertTrue(sorted.size() > 30, "enough inputs: " + sorted);
    List<String> reversed = new ArrayList<>(sorted);
    Collections.reverse(reversed);
    List<String> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(8));

    String reference = run(1, sorted, format);
    assertTrue(reference.length() > 1000, reference);
    assertEquals(reference, run(8, sorted, format), "8 threads against 1");
    assertEquals(reference, run(2, reversed, format), "reversed order, 2 threads");
    assertEquals(reference, run(8, shuffled, format), "shuffled order, 8 threads");
  }
}
