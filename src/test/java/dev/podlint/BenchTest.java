package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.bench.CorpusGenerator;
import dev.podlint.load.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's corpus generator and {@code podlint bench}. */
class BenchTest {
  @TempDir
  Path tmp;

  @Test
  void theGeneratorIsReproducibleAndWritesTheDocumentsAskedFor() throws Exception {
    List<Path> a = new CorpusGenerator(7).write(tmp.resolve("a"), 250, 40);
    List<Path> b = new CorpusGenerator(7).write(tmp.resolve("b"), 250, 40);
    assertEquals(7, a.size()); // 6 files of 40 and one of 10
    ManifestLoader loader = new ManifestLoader();
    int documents = 0;
    String all = "";
    for (int i = 0; i < a.size(); i++) {
      byte[] bytes = Files.readAllBytes(a.get(i));
      assertArrayEquals(bytes, Files.readAllBytes(b.get(i)), "the same seed gives the same bytes");
      documents += loader.parseOnly(bytes);
      all += new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(250, documents);
    for (String kind : List.of("Deployment", "Service", "StatefulSet", "CronJob")) {
      assertTrue(all.contains("kind: " + kind + "\n"), kind);
    }
    assertTrue(all.contains("- name: exporter"), "some pods have four containers");
    List<Path> other = new CorpusGenerator(8).write(tmp.resolve("c"), 250, 40);
    assertFalse(Files.readString(other.get(0)).equals(Files.readString(a.get(0))), "another seed, other manifests");
  }

  @Test
  void benchReportsBothPassesOnTheSameDocumentsAndTheirRatio() {
    Cli.Run r = Cli.run(tmp, null, "bench", "--documents", "120", "--per-file", "25", "--keep", "corpus");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("corpus: 120 documents in 5 files"), r.out());
    Matcher parse = Pattern.compile("parse-only: +([0-9.]+) s +([0-9]+) documents/s").matcher(r.out());
    Matcher lint = Pattern.compile("full lint: +([0-9.]+) s +([0-9]+) documents/s").matcher(r.out());
    Matcher ratio = Pattern.compile("ratio: +([0-9.]+)").matcher(r.out());
    assertTrue(parse.find() && lint.find() && ratio.find(), r.out());
    assertTrue(r.out().contains("of which writing SARIF: "), r.out());
    assertTrue(Double.parseDouble(ratio.group(1)) > 0);
    assertTrue(Pattern.compile("findings: +[1-9]").matcher(r.out()).find(), "the corpus has findings: " + r.out());
    assertTrue(Pattern.compile("heap kept after the last file: [0-9.]+ MB").matcher(r.out()).find(), r.out());
    assertTrue(Files.exists(tmp.resolve("corpus/manifests-00004.yaml")), "--keep keeps the corpus");
    // every generated document is valid YAML that lints without input problems or internal errors
    Cli.Run linted = Cli.run(tmp, null, "lint", "--fail-on", "none", "-q", "corpus");
    assertEquals(0, linted.code(), linted.err());
  }

  @Test
  void generateOnlyWritesTheCorpusAndMeasuresNothing() throws Exception {
    Cli.Run r = Cli.run(tmp, null, "bench", "--documents", "60", "--per-file", "20", "--keep", "g", "--generate-only");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("parse-only"), r.out());
    assertTrue(Files.exists(tmp.resolve("g/manifests-00002.yaml")));
    assertEquals(2, Cli.run(tmp, null, "bench", "--generate-only").code(), "without --keep there is nothing to keep");
  }

  @Test
  void benchRejectsAnEmptyCorpus() {
    assertEquals(2, Cli.run(tmp, null, "bench", "--documents", "0").code());
  }
}
