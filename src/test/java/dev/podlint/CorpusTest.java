package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lints the shared corpus of about 1,500 real manifests (when it sits beside the checkout, as in
 * CI): no internal error, no stack trace, every file read, and SARIF valid against the official
 * schema.
 */
class CorpusTest {
  /** {@code ../shared/corpus} beside the checkout, or where {@code -Dpodlint.corpus=DIR} says. */
  static final Path CORPUS = TestSupport.CORPUS;

  @Test
  void theWholeCorpusLintsWithoutInternalErrorsAndGivesValidSarif() {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
    Cli.Run r = Cli.run(TestSupport.ROOT, null, "-f", "sarif", CORPUS.toString());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(1, r.code(), "the corpus holds real errors, so the exit code is 1: " + r.err());
    assertTrue(r.err().matches("(?s)podlint: \\d{4} files, \\d{4} objects: .*"), r.err());
    SarifReporterTest.assertValid(r.out());
  }

  /**
   * Projects that are really deployed pass the API server, so podlint must find no schema problem
   * in them either (a false positive here is a bug in the schemas or the loader).
   */
  @Test
  void realDeployedProjectsHaveNoSchemaViolations() {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
    String[] projects = {"bank-of-anthos", "podinfo", "kube-prometheus", "kube-state-metrics", "sock-shop",
        "robot-shop", "aks-store-demo", "azure-voting-app-redis", "example-voting-app", "istio-samples",
        "online-boutique/kubernetes-manifests", "online-boutique/release"};
    for (String p : projects) {
      Path dir = CORPUS.resolve(p);
      assumeTrue(Files.isDirectory(dir), "missing " + dir);
      Cli.Run r = Cli.run(TestSupport.ROOT, null, "--fail-on", "none", dir.toString());
      assertEquals(0, r.code(), r.err());
      assertFalse(r.out().contains("schema-violation"), p + ":\n" + r.out().lines()
          .filter(l -> l.contains("schema-violation")).collect(java.util.stream.Collectors.joining("\n")));
      assertFalse(r.out().contains("invalid-yaml"), p);
    }
  }
}
