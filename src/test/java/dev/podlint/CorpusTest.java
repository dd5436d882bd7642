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
  static final Path CORPUS = TestSupport.ROOT.resolve("../shared/corpus").normalize();

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
}
