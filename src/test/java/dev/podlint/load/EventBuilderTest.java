package dev.podlint.load;

import static dev.podlint.load.TreeAssert.assertSameTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.TestSupport;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Trees built from parser events are the trees snakeyaml-engine's composer and {@link Converter}
 * made of the same text ({@link ComposedReading}): the same nodes, spans, paths, shared nodes,
 * document extents, objects, and the same error at the same position where reading stops; on
 * every file of testdata/, on the shared corpus when it is there, on text made to hit each case the
 * builder leaves to the composer, and on damaged copies of the test files.
 */
class EventBuilderTest {
  private static final Path CORPUS = TestSupport.CORPUS;

  /** Texts for each way of building: anchors, aliases, merge keys, tags, keys, limits, extents. */
  static final List<String> CASES = List.of(
      "a: &x {b: 1}\nc: *x\nd: [&s str, *s, *x]\n",
      "- &m {k: v}\n- *m\n- [*m, &q [1, 2], *q]\n",
      "a: &x 1\nb: &x 2\nc: *x\n",
      "base: &b {apiVersion: v1, kind: Secret}\nmetadata: {name: merged}\n<<: *b\n",
      "a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 0\n",
      "c:\n  <<: {x: 1, y: {z: 2}}\n  x: 0\n",
      "c:\n  <<: {x: &v 1}\n  y: *v\n",
      "c:\n  !!merge <<: {x: 1}\n",
      "c:\n  <<: 5\n",
      "a: &s text\nc:\n  <<: *s\n",
      "a: !!int \"3\"\nb: !!str 3\nc: !custom x\nd: !!float 1\ne: ! 12\nf: !!bool yes\ng: 0755\nh: 0o17\ni: yes\n",
      "%TAG !e! tag:example.com,2000:\n---\na: !e!thing v\nb: !!int 0x1F\n",
      "? [a, b]\n: c\n",
      "? {a: 1}\n: c\nd: [\n",
      "&k key: value\nother: *k\n",
      "a: &k [1]\n*k : x\n",
      "a: &r [1, *r]\n",
      "a: &r {b: *r}\n",
      "a: *nowhere\n",
      "a: 1\n---\nb: *x\n",
      "doc: 1\n...\n# between\n%YAML 1.2\n---\ndoc: 2\n--- |\n  block\n---\n---\n",
      "  indented: 1\n  more: [1, {a: b}]\n",
      "a: 'single'\nb: \"double\"\nc: |\n  lit\nd: >\n  fold\ne:\nf: ~\ng: null\n",
      "{a: 1, b: [2, 3], c: {d: e}}",
      "a: [1, 2\nb: 3\n",
      "a:\n  - b\n c: d\n",
      "key: \"unterminated\n",
      "\uD83D\uDE80: \"\uD83D\uDE80\"\nb: [\uD83D\uDE80, x]\n",
      "a: 1\r\nb:\r\n  - 2\r\n",
      "# only a comment\n",
      "",
      "apiVersion: v1\nkind: List\nitems:\n- &i {apiVersion: v1, kind: Service, metadata: {name: s}}\n- *i\n");

  @Test
  void casesReadAsComposed() {
    for (int i = 0; i < CASES.size(); i++) {
      assertReadsAsComposed("case " + i, CASES.get(i));
    }
  }

  @Test
  void limitsReadAsComposed() {
    assertReadsAsComposed("deep", "[".repeat(ManifestLoader.MAX_DEPTH + 1)
        + "]".repeat(ManifestLoader.MAX_DEPTH + 1) + "\n");
    assertReadsAsComposed("just deep enough", "[".repeat(ManifestLoader.MAX_DEPTH) + "]".repeat(ManifestLoader.MAX_DEPTH));
    assertReadsAsComposed("deep maps", "{a: ".repeat(ManifestLoader.MAX_DEPTH + 5) + "}".repeat(ManifestLoader.MAX_DEPTH + 5));
    assertReadsAsComposed("deep, then an error", "[".repeat(ManifestLoader.MAX_DEPTH + 1)
        + "]".repeat(ManifestLoader.MAX_DEPTH + 1) + "\n: : :\n");
    StringBuilder aliases = new StringBuilder("a: &a [1]\nb:\n");
    for (int i = 0; i < Settings.MAX_COLLECTION_ALIASES + 1; i++) {
      aliases.append("- *a\n");
    }
    assertReadsAsComposed("aliases", aliases.toString());
    assertReadsAsComposed("aliases, a document further", "x: 1\n---\n" + aliases);
    String justEnough = aliases.substring(0, aliases.lastIndexOf("- *a"));
    assertReadsAsComposed("aliases up to the limit", justEnough + "---\n" + justEnough);
  }

  @Test
  void aliasesAreTheNodeOfTheirAnchor() {
    List<YNode> docs = built("a: &x {b: 1}\nc: *x\nd: [&s str, *s]\n");
    YMap root = docs.get(0).asMap();
    assertSame(root.get("a").orElseThrow(), root.get("c").orElseThrow());
    YSeq d = root.seq("d").orElseThrow();
    assertSame(d.get(0), d.get(1));
    assertEquals("d[0]", d.get(1).path().toString()); // the anchor's path
    assertEquals("a", root.get("c").orElseThrow().path().toString());
  }

  @Test
  void mergeKeysAreTheComposersMerge() {
    YMap c = built("a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 0\n").get(0)
        .asMap().map("c").orElseThrow();
    assertEquals(List.of("x", "y", "z"), c.entries().stream().map(e -> e.key().value()).toList());
    assertEquals("0", c.string("x").orElseThrow());
    assertEquals("2", c.string("y").orElseThrow());
    assertEquals("4", c.string("z").orElseThrow());
  }

  @Test
  void tagsAndTypes() {
    YMap m = built("a: !!int \"3\"\nb: !!str 3\nc: !custom x\nd: yes\ne: 0755\nf: \"5\"\n").get(0).asMap();
    YScalar a = m.scalar("a").orElseThrow();
    assertEquals(YScalar.Type.INT, a.type());
    assertEquals("!!int", a.tag());
    assertTrue(a.quoted());
    assertEquals(YScalar.Type.STRING, m.scalar("b").orElseThrow().type());
    assertEquals("!custom", m.scalar("c").orElseThrow().tag());
    YScalar d = m.scalar("d").orElseThrow();
    assertEquals(YScalar.Type.BOOL, d.type());
    assertTrue(d.ambiguous());
    assertTrue(m.scalar("e").orElseThrow().ambiguous());
    assertEquals(YScalar.Type.STRING, m.scalar("f").orElseThrow().type());
  }

  @Test
  void refusedDocumentsGiveTheirErrorsAtTheirPlaces() {
    assertEquals(new SyntaxError("a mapping key must be a scalar", new Position(1, 3)), errorOf("? [a, b]\n: c\n"));
    assertEquals(new SyntaxError("a recursive alias refers to its own anchor", new Position(1, 4)),
        errorOf("a: &r [1, *r]\n"));
    assertEquals(new SyntaxError(Converter.TOO_DEEP, new Position(1, ManifestLoader.MAX_DEPTH + 1)),
        errorOf("[".repeat(ManifestLoader.MAX_DEPTH + 1) + "]".repeat(ManifestLoader.MAX_DEPTH + 1)));
    SyntaxError alias = errorOf("a: &a [1]\nb:\n" + "- *a\n".repeat(Settings.MAX_COLLECTION_ALIASES + 1));
    assertTrue(alias.problem().startsWith("more than " + Settings.MAX_COLLECTION_ALIASES + " aliases"), alias.problem());
    assertEquals(new Position(3 + Settings.MAX_COLLECTION_ALIASES, 3), alias.position());
  }

  @Test
  void aSurveyBuildsOnlyWhatMakesObjects() {
    ManifestText t = ManifestText.of(new SourceFile("f.yaml", null), "apiVersion: v1\nkind: List\nitems:\n"
        + "- {apiVersion: v1, kind: Pod, metadata: {name: p, labels: {a: b}}, spec: {containers: []}}\n- 5\n");
    Reading r = new Reading(t, true);
    List<K8sObject> objects = r.next().objects();
    assertEquals(1, objects.size());
    YMap pod = objects.get(0).root();
    assertEquals("p", objects.get(0).name());
    assertEquals("items[0]", pod.path().toString());
    assertTrue(pod.get("spec").orElseThrow() instanceof YScalar, "spec is not built");
    assertTrue(pod.map("metadata").orElseThrow().get("labels").orElseThrow() instanceof YScalar, "labels are not built");
    assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), pod.entries().stream().map(e -> e.key().value()).toList());
  }

  @Test
  void documentsReadAgainFromTheMiddleAreBuiltAlike() {
    String text = String.join("---\n", CASES.subList(0, 12));
    ManifestText t = ManifestText.of(new SourceFile("f.yaml", null), text);
    List<Document> all = SurveyTest.inOrder(t);
    List<Document> again = t.read(all.get(3).extent(), all.get(all.size() - 1).extent(), 3);
    for (int i = 3; i < all.size(); i++) {
      assertSameDocument(all.get(i), again.get(i - 3), "document " + i);
    }
  }

  @Test
  void everyTestFileReadsAsComposed() throws IOException {
    for (Path f : TestSupport.manifests(TestSupport.TESTDATA)) {
      assertReadsAsComposed(f.toString(), text(f));
    }
  }

  @Test
  void theCorpusReadsAsComposed() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
    for (Path f : TestSupport.manifests(CORPUS)) {
      assertReadsAsComposed(f.toString(), text(f));
    }
  }

  /** Characters deleted, doubled or put in at random places of the test files: the same errors, the same trees. */
  @Test
  void damagedTestFilesReadAsComposed() throws IOException {
    Random random = new Random(19);
    String insert = "[]{}:-?&*!|>'\"#,\n \t<%@`";
    List<Path> files = TestSupport.manifests(TestSupport.TESTDATA);
    for (int n = 0; n < 1500; n++) {
      Path f = files.get(random.nextInt(files.size()));
      StringBuilder t = new StringBuilder(text(f));
      for (int k = 1 + random.nextInt(3); k > 0 && t.length() > 0; k--) {
        int at = random.nextInt(t.length());
        switch (random.nextInt(3)) {
          case 0 -> t.deleteCharAt(at);
          case 1 -> t.insert(at, t.charAt(at));
          default -> t.insert(at, insert.charAt(random.nextInt(insert.length())));
        }
      }
      assertReadsAsComposed(f + " damaged (" + n + ")", t.toString());
    }
  }

  static String text(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    try {
      return Decoding.decode(bytes);
    } catch (Decoding.DecodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** The trees of {@code text}'s documents, read as a whole file with anchors. */
  private static List<YNode> built(String text) {
    EventBuilder b = new EventBuilder(MarkedParser.of(text), true, 0);
    List<YNode> out = new ArrayList<>();
    while (b.hasNext()) {
      out.add(b.next());
    }
    return out;
  }

  private static SyntaxError errorOf(String text) {
    Reading r = ManifestText.of(new SourceFile("f.yaml", null), text).read();
    while (r.next() != null) {
      // read to the end
    }
    return r.error().orElseThrow();
  }

  /**
   * {@code text} read by {@link Reading} (documents, extents, objects, problems, the error) and by
   * {@link EventBuilder} alone (every tree), against the composer and converter.
   */
  static void assertReadsAsComposed(String name, String text) {
    ManifestText t = ManifestText.of(new SourceFile(name, null), text);
    ComposedReading.Result composed = ComposedReading.read(t.text, t.anchors);
    List<Document> docs = new ArrayList<>();
    Reading r = t.read();
    for (Document d = r.next(); d != null; d = r.next()) {
      docs.add(d);
    }
    assertEquals(composed.documents().size(), docs.size(), name + ": documents");
    for (int i = 0; i < docs.size(); i++) {
      ComposedReading.Read c = composed.documents().get(i);
      assertEquals(c.extent(), docs.get(i).extent(), name + ": extent of document " + i);
      assertSameDocument(t.document(i, c.extent(), c.root()), docs.get(i), name + ": document " + i);
    }
    SyntaxError expected = composed.error() != null ? composed.error() : t.cutError;
    assertEquals(expected, r.error().orElse(null), name + ": error");
    assertSurveyedAsRead(name, t, docs, r.error());

    EventBuilder b = new EventBuilder(MarkedParser.of(t.text), t.anchors, 0);
    int i = 0;
    try {
      while (b.hasNext()) {
        YNode root = b.next();
        assertTrue(i < composed.documents().size(), name + ": a document more than composed");
        assertSameTree(composed.documents().get(i).root(), root, name + ": document " + i);
        i++;
      }
    } catch (TreeProblem | YamlEngineException | StackOverflowError e) {
      assertTrue(composed.error() != null, name + ": " + e);
    }
    assertEquals(composed.documents().size(), i, name + ": trees");
  }

  /**
   * Reading only what makes objects (a survey's reading) gives the documents, extents, error and
   * objects of a full reading: the objects' names, places and the spans and paths of their roots.
   */
  private static void assertSurveyedAsRead(String name, ManifestText t, List<Document> docs,
      java.util.Optional<SyntaxError> error) {
    Reading r = new Reading(t, true);
    int i = 0;
    for (Document d = r.next(); d != null; d = r.next(), i++) {
      assertTrue(i < docs.size(), name + ": a document more when surveyed");
      Document full = docs.get(i);
      String at = name + ": document " + i + " surveyed";
      assertEquals(full.extent(), d.extent(), at);
      assertEquals(full.objects().size(), d.objects().size(), at);
      for (int k = 0; k < d.objects().size(); k++) {
        K8sObject e = full.objects().get(k);
        K8sObject a = d.objects().get(k);
        assertEquals(List.of(e.apiVersion(), e.kind(), String.valueOf(e.name()), String.valueOf(e.namespace()),
            e.documentIndex(), String.valueOf(e.renderedFrom()), e.root().span(), e.root().path(), e.root().path().inTree()),
            List.of(a.apiVersion(), a.kind(), String.valueOf(a.name()), String.valueOf(a.namespace()),
            a.documentIndex(), String.valueOf(a.renderedFrom()), a.root().span(), a.root().path(), a.root().path().inTree()),
            at + ", object " + k);
      }
    }
    assertEquals(docs.size(), i, name + ": documents surveyed");
    assertEquals(error, r.error(), name + ": error surveyed");
  }

  private static void assertSameDocument(Document expected, Document actual, String where) {
    assertEquals(expected.index(), actual.index(), where);
    assertEquals(expected.typeProblems(), actual.typeProblems(), where);
    assertEquals(expected.objects().size(), actual.objects().size(), where);
    for (int k = 0; k < expected.objects().size(); k++) {
      K8sObject e = expected.objects().get(k);
      K8sObject a = actual.objects().get(k);
      String at = where + ", object " + k;
      assertEquals(List.of(e.apiVersion(), e.kind(), String.valueOf(e.name()), String.valueOf(e.namespace())),
          List.of(a.apiVersion(), a.kind(), String.valueOf(a.name()), String.valueOf(a.namespace())), at);
      assertEquals(e.documentIndex(), a.documentIndex(), at);
      assertEquals(e.renderedFrom(), a.renderedFrom(), at);
      assertSameTree(e.root(), a.root(), at);
    }
  }
}
