package dev.podlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.TextExtents;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YSeq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A document read again from where the survey found it is the document read in order: the same
 * objects, trees, spans, paths and problems, alone or in any run of documents, whatever comes
 * between documents (directives, {@code ...}, comments, empty documents, CRLF, characters outside
 * the Basic Multilingual Plane); and where each node's text ends, told from its document alone,
 * is where the whole file's tokens say it ends.
 */
class SurveyTest {
  static final SourceFile FILE = new SourceFile("f.yaml", null);

  static final String TRICKY = "# leading comment\n"
      + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \"\uD83D\uDE80a\"}\ndata: {k: \"\uD83D\uDE80\"}\n"
      + "...\n# between\n"
      + "%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n"
      + "data: {x: !e!thing v}\n"
      + "---\n---\n"
      + "--- {apiVersion: v1, kind: Pod, metadata: {name: inline}}\n"
      + "---\n  apiVersion: v1\n  kind: List\n  items:\n  - {apiVersion: v1, kind: Service, metadata: {name: s1}}\n"
      + "  - {apiVersion: v1, kind: Service, metadata: {name: s2}}\n"
      + "--- |\n  a block scalar root\n"
      + "---\nkind: 5\napiVersion: v1\nmetadata: {name: typed}\n"
      + "---\nbase: &b {apiVersion: v1, kind: Secret}\nmetadata: {name: merged}\n<<: *b\n";

  static List<Document> inOrder(ManifestText text) {
    List<Document> out = new ArrayList<>();
    Reading r = text.read();
    for (Document d = r.next(); d != null; d = r.next()) {
      out.add(d);
    }
    return out;
  }

  static void readsAgainAsInOrder(String name, String text) {
    ManifestText t = ManifestText.of(new SourceFile(name, null), text);
    List<Document> all = inOrder(t);
    Survey s = Survey.of(t);
    assertEquals(all.size(), s.documents(), name);
    for (int i = 0; i < all.size(); i++) {
      assertEquals(all.get(i), s.read(i, i + 1).get(0), name + " document " + i);
    }
    if (!all.isEmpty()) {
      assertEquals(all, s.read(0, all.size()), name + " all at once");
    }
    List<K8sObject> objects = all.stream().flatMap(d -> d.objects().stream()).toList();
    FileObjects f = s.objects();
    assertEquals(objects.size(), f.size(), name);
    for (int i = 0; i < objects.size(); i++) {
      K8sObject o = objects.get(i);
      assertEquals(o, f.get(i), name + " object " + i);
      K8sObject h = f.handle(i);
      assertEquals(List.of(o.apiVersion(), o.kind(), String.valueOf(o.name()), String.valueOf(o.namespace()),
          o.documentIndex(), o.root().span(), o.root().path(), String.valueOf(o.renderedFrom())),
          List.of(h.apiVersion(), h.kind(), String.valueOf(h.name()), String.valueOf(h.namespace()), h.documentIndex(),
              h.root().span(), h.root().path(), String.valueOf(h.renderedFrom())), name + " handle " + i);
      assertTrue(h.root().entries().isEmpty());
    }
    sameExtents(name, t.extents(), f.extents().orElseThrow(), objects);
  }

  /**
   * Where each node's text ends, told from its document's text alone (a file linted in parts), is
   * where the whole file's tokens say it ends.
   */
  static void sameExtents(String name, TextExtents whole, TextExtents byDocument, List<K8sObject> objects) {
    List<YNode> nodes = new ArrayList<>();
    objects.forEach(o -> nodes(o.root(), nodes));
    for (YNode n : nodes) {
      String at = name + " node " + n.path() + " at " + n.span();
      assertEquals(whole.textEnd(n), byDocument.textEnd(n), at);
      assertEquals(whole.inFlow(n), byDocument.inFlow(n), at);
      assertEquals(whole.entryDash(n), byDocument.entryDash(n), at);
    }
  }

  private static void nodes(YNode n, List<YNode> out) {
    out.add(n);
    if (n instanceof YMap m) {
      m.entries().forEach(e -> nodes(e.value(), out));
    } else if (n instanceof YSeq q) {
      q.items().forEach(i -> nodes(i, out));
    }
  }

  @Test
  void trickyStreamsReadAgainAsInOrder() {
    readsAgainAsInOrder("tricky.yaml", TRICKY);
    readsAgainAsInOrder("crlf.yaml", TRICKY.replace("\n", "\r\n"));
    readsAgainAsInOrder("cr.yaml", TRICKY.replace("\n", "\r"));
    readsAgainAsInOrder("bom.yaml", "\uFEFF" + TRICKY.replace("---\n---\n", "---\n\uFEFF---\n"));
    assertEquals(9, Survey.of(ManifestText.of(FILE, TRICKY)).documents());
  }

  @Test
  void everyTestFileReadsAgainAsInOrder() throws IOException {
    int files = 0;
    try (Stream<Path> s = Files.walk(TestSupport.TESTDATA)) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String text;
        try {
          text = ManifestLoader.decodeText(Files.readAllBytes(p));
        } catch (IOException undecodable) {
          continue; // hostile bytes: no document to read again
        }
        readsAgainAsInOrder(p.toString(), text);
        files++;
      }
    }
    assertTrue(files > 100, "files: " + files);
  }

  @Test
  void theSurveyStopsWhereReadingInOrderStops() {
    String text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\nkey: [unclosed\n";
    Survey s = Survey.of(ManifestText.of(FILE, text));
    assertEquals(1, s.documents());
    assertEquals(inOrder(ManifestText.of(FILE, text)).size(), s.documents());
    assertEquals(new ManifestLoader().loadText(FILE, text).error(), s.error());
    assertTrue(s.error().isPresent());
  }

  @Test
  void lookupsReadADocumentAgainAndKeepTheLastFew() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      text.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\n");
    }
    FileObjects f = Survey.of(ManifestText.of(FILE, text.toString())).objects();
    K8sObject first = f.get(3);
    assertEquals("c3", first.name());
    assertEquals("c3", FileObjects.named(f, "ConfigMap", "c3").get(0).name());
    for (int i = 0; i < 100; i++) {
      f.get(i);
    }
    assertNotSame(first, f.get(3), "read again: only the last few documents are kept");
    assertEquals(first, f.get(3));
  }

  @Test
  void aDocumentThatReadsDifferentlyIsABug() {
    ManifestText t = ManifestText.of(FILE, "a: &x 1\nb: *x\n");
    Extent wrong = new Extent(8, 1, 14);
    assertThrows(IllegalStateException.class, () -> t.read(wrong, wrong, 0));
  }
}
