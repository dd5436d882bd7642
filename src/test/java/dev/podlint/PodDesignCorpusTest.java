package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.Inputs;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How the pod design advice judges the multi-container pods of the shared corpus: the counts of
 * flagged and unflagged pods (with two or more long-running containers), real projects and linters'
 * fixtures apart, are the ones docs/development.md gives. Each project is one run, as in
 * {@link NetworkingCorpusTest}, whose judged table holds every finding on the real projects.
 * Skipped without the corpus.
 */
class PodDesignCorpusTest {
  static final String RULE = "unrelated-services-in-pod";

  /** Multi-container pods and how many of them the rule flags. */
  record Count(int pods, int flagged) {
    String row(String what) {
      return "| " + what + " | " + pods + " | " + flagged + " | " + (pods - flagged) + " |";
    }
  }

  @Test
  void theDocsGiveTheCountsOfFlaggedAndUnflaggedMultiContainerPods() throws IOException {
    assumeTrue(Files.isDirectory(CorpusTest.CORPUS), "no corpus at " + CorpusTest.CORPUS);
    List<String> projects;
    try (Stream<Path> s = Files.list(CorpusTest.CORPUS)) {
      projects = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    int[] real = new int[2];
    int[] fixtures = new int[2];
    List<String> flaggedReal = new ArrayList<>();
    for (String project : projects) {
      int[] into = NetworkingCorpusTest.FIXTURES.contains(project) ? fixtures : real;
      Inputs.Expansion in = Inputs.expand(List.of(project), CorpusTest.CORPUS);
      for (SourceFile f : in.files()) {
        into[0] += multiContainerPods(f);
      }
      RuleCatalog c = TestSupport.catalog();
      LintResult r = TestSupport.linter(c, List.of(c.get(Linter.INVALID_YAML), c.get(RULE)))
          .lint(in.files(), in.problems(), InputStream::nullInputStream);
      for (Finding x : r.findings()) {
        if (x.rule().name().equals(RULE) && !x.isSuppressed()) {
          into[1]++;
          if (into == real) {
            flaggedReal.add(NetworkingCorpusTest.key(x));
          }
        }
      }
    }
    Count r = new Count(real[0], real[1]);
    Count f = new Count(fixtures[0], fixtures[1]);
    System.out.println("multi-container pods of the corpus (pods, flagged, not flagged):");
    System.out.println(r.row("real projects"));
    System.out.println(f.row("linters' fixtures"));
    flaggedReal.forEach(k -> System.out.println("  flagged: " + k));
    assertTrue(r.pods() > 0 && f.pods() > 0, "the corpus has multi-container pods of both kinds");
    String page = Files.readString(TestSupport.ROOT.resolve("docs/development.md"), StandardCharsets.UTF_8);
    for (String row : List.of(r.row("real projects"), f.row("linters' fixtures"))) {
      assertTrue(page.contains(row), "docs/development.md's corpus section on pod design should give " + row);
    }
    assertEquals(r.flagged(), flaggedReal.size());
  }

  /** The pods of one file with two or more containers that run for the pod's whole life. */
  private static int multiContainerPods(SourceFile f) {
    LoadedFile loaded;
    try {
      loaded = new ManifestLoader().load(f, ManifestLoader.read(f, InputStream.nullInputStream()));
    } catch (IOException | RuntimeException e) {
      return 0; // unreadable text is the loader's business, tested elsewhere
    }
    int n = 0;
    for (K8sObject o : loaded.objects()) {
      PodView pod = PodView.of(o, loaded.objects()).orElse(null);
      if (pod != null && pod.isLongRunning()
          && pod.containers().stream().filter(dev.podlint.model.ContainerView::isLongRunning).count() >= 2) {
        n++;
      }
    }
    return n;
  }
}
