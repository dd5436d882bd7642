package dev.podlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.TestSupport;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.TextExtents;
import dev.podlint.model.YTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extents scanned document by document answer as the whole file's scan does, for every node of
 * every object: on every file of testdata/, on the shared corpus when it is there, and on text made
 * for the places where documents meet.
 */
class DocumentExtentsTest {
  private static final Path CORPUS = TestSupport.CORPUS;

  static final List<String> CASES = List.of(
      "apiVersion: v1\nkind: Pod\nspec: {a: [1]}  # trailing\n# own line\n---\napiVersion: v1\nkind: Service\n",
      "--- # first\napiVersion: v1\nkind: A\n...\n# between\n--- !!map\napiVersion: v1\nkind: B\nx: 'q'",
      "%YAML 1.2\n---\napiVersion: v1\nkind: A\n...\n%YAML 1.2\n---\napiVersion: v1\nkind: B\n",
      "apiVersion: v1\r\nkind: A\r\n---\r\napiVersion: v1\r\nkind: B\r\nx: |\r\n  text\r\n\r\n",
      "apiVersion: v1\rkind: A\r---\rapiVersion: v1\rkind: B\rx: [1,\r 2]\r",
      "---\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: A\n  x: {a: [1]}\n"
          + "-   apiVersion: v1\n    kind: B\n  # between\n---\n{\"apiVersion\": \"v1\", \"kind\": \"List\", "
          + "\"items\": [{\"apiVersion\": \"v1\", \"kind\": \"C\"}]}\n",
      "apiVersion: v1\nkind: A\nx: &a {b: 1}\ny: *a\n---\napiVersion: v1\nkind: B\nz: [\n");

  @Test
  void madeTextsAnswerAsTheWholeFile() {
    int nodes = 0;
    for (String text : CASES) {
      nodes += assertSameAnswers("case", text);
    }
    assertTrue(nodes > 50, "the cases have objects: " + nodes);
  }

  @Test
  void testFilesAnswerAsTheWholeFile() throws IOException {
    for (Path f : TestSupport.manifests(TestSupport.TESTDATA)) {
      assertSameAnswers(f.toString(), EventBuilderTest.text(f));
    }
  }

  @Test
  void theCorpusAnswersAsTheWholeFile() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
    for (Path f : TestSupport.manifests(CORPUS)) {
      assertSameAnswers(f.toString(), EventBuilderTest.text(f));
    }
  }

  /** Compares both ways on every node of every object of {@code text}; how many nodes were compared. */
  private static int assertSameAnswers(String name, String text) {
    ManifestText t = ManifestText.of(new SourceFile(name, null), text);
    List<Document> docs = new ArrayList<>();
    Reading reading = t.read();
    for (Document d = reading.next(); d != null; d = reading.next()) {
      docs.add(d);
    }
    TextExtents whole = t.extents();
    TextExtents byDocument = t.extents(docs);
    int[] nodes = {0};
    for (int i = docs.size() - 1; i >= 0; i--) { // backwards: the kept documents are scanned again
      for (K8sObject o : docs.get(i).objects()) {
        YTree.forEachNode(o.root(), n -> {
          String at = name + " " + n.path() + " " + n.span();
          assertEquals(whole.textEnd(n), byDocument.textEnd(n), at);
          assertEquals(whole.inFlow(n), byDocument.inFlow(n), at);
          assertEquals(whole.entryDash(n), byDocument.entryDash(n), at);
          nodes[0]++;
        });
      }
    }
    return nodes[0];
  }
}
