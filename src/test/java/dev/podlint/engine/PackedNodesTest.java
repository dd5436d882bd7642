package dev.podlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.model.YTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the inventory keeps of a document is read back equal to it: values, types, quoting, tags,
 * spans, paths and whether a path is in a tree, for whole trees and for nodes put on their own
 * before, inside or after the tree that holds them; a node reached twice (an alias) is one node
 * of what is read back. Checked on small cases and on every document of testdata and the corpus.
 */
class PackedNodesTest {
  private static final String FILE = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: &sel {app: web, tier: "1"}
        ports: [{port: 80, targetPort: !!str 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: shop}
      spec:
        selector: {app: db}
        ports: [{port: 5432, name: ~, 'quoted': yes}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: aliased, namespace: shop}
      spec:
        selector: &s {app: x}
        other: *s
      """;

  private static List<K8sObject> objects(String text) {
    return new ManifestLoader().loadText(new SourceFile("f.yaml", null), text).objects();
  }

  @Test
  void treesReadBackEqualWithAliasesOneNode() {
    PackedNodes nodes = new PackedNodes();
    List<K8sObject> originals = objects(FILE);
    List<Integer> at = new ArrayList<>();
    for (K8sObject o : originals) {
      at.add(nodes.put(o.root()));
    }
    nodes.seal();
    for (int i = 0; i < originals.size(); i++) {
      YNode read = nodes.get(at.get(i));
      assertSameShape(originals.get(i).root(), read);
      assertNotSame(read, nodes.get(at.get(i)), "read anew on each call");
    }
    YMap aliased = ((YMap) nodes.get(at.get(2))).mapAt("spec").orElseThrow();
    assertSame(aliased.get("selector").orElseThrow(), aliased.get("other").orElseThrow());
    assertNull(nodes.get(PackedNodes.NONE));
    assertNull(nodes.span(PackedNodes.NONE));
    assertEquals(PackedNodes.NONE, new PackedNodes().put(null));
  }

  @Test
  void nodesPutAloneBeforeInsideOrAfterTheirTree() {
    PackedNodes nodes = new PackedNodes();
    K8sObject web = objects(FILE).get(0);
    YMap spec = web.root().mapAt("spec").orElseThrow();
    YScalar specKey = web.root().keyNode("spec").orElseThrow();
    YNode port = ((YSeq) spec.get("ports").orElseThrow()).get(0);
    YScalar target = ((YMap) port).scalar("targetPort").orElseThrow();
    int before = nodes.put(target); // alone first: the tree then points back at it
    int tree = nodes.put(web.root());
    int inside = nodes.put(port); // inside the tree already written
    int key = nodes.put(specKey);
    int again = nodes.put(target);
    nodes.seal();
    assertSameShape(target, nodes.get(before));
    assertSameShape(web.root(), nodes.get(tree));
    assertSameShape(port, nodes.get(inside));
    assertSameShape(specKey, nodes.get(key));
    assertSameShape(target, nodes.get(again));
    assertEquals(before, again, "a node put alone before is found again");
    for (int n : List.of(before, tree, inside, key, again)) {
      assertEquals(nodes.get(n).span(), nodes.span(n));
      assertEquals(nodes.get(n).path(), nodes.path(n));
    }
  }

  @Test
  void everyDocumentOfTestdataReadsBackEqual() throws IOException {
    assertTrue(roundTrips(TestSupport.TESTDATA) > 100);
  }

  @Test
  void everyDocumentOfTheCorpusReadsBackEqual() throws IOException {
    if (Files.isDirectory(TestSupport.CORPUS)) {
      assertTrue(roundTrips(TestSupport.CORPUS) > 1000);
    }
  }

  /** Packs every object of every manifest under {@code dir} with a few of its inner nodes; returns how many. */
  private static int roundTrips(Path dir) throws IOException {
    List<Path> files = TestSupport.manifests(dir);
    int count = 0;
    ManifestLoader loader = new ManifestLoader();
    for (Path f : files) {
      PackedNodes nodes = new PackedNodes();
      List<YNode> kept = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (K8sObject o : loader.load(new SourceFile(f.toString(), f), Files.readAllBytes(f)).objects()) {
        List<YNode> inner = new ArrayList<>();
        YTree.forEachNode(o.root(), n -> {
          if (inner.size() < 64 && n.hashCode() % 7 == 0) {
            inner.add(n);
          }
        });
        kept.add(o.root());
        at.add(nodes.put(o.root()));
        for (YNode n : inner) {
          kept.add(n);
          at.add(nodes.put(n));
        }
        count++;
      }
      nodes.seal();
      for (int i = 0; i < kept.size(); i++) {
        assertSameShape(kept.get(i), nodes.get(at.get(i)));
        assertEquals(kept.get(i).span(), nodes.span(at.get(i)));
        assertEquals(kept.get(i).path(), nodes.path(at.get(i)));
        assertEquals(kept.get(i).path().inTree(), nodes.path(at.get(i)).inTree());
      }
    }
    return count;
  }

  /** Equal node for node, with spans, paths (and whether each path is in a tree) and tags alike. */
  static void assertSameShape(YNode o, YNode c) {
    assertEquals(o.getClass(), c.getClass());
    assertEquals(o.span(), c.span());
    assertEquals(o.path(), c.path());
    assertEquals(o.path().inTree(), c.path().inTree());
    assertEquals(o.path().toString(), c.path().toString());
    if (o instanceof YScalar s) {
      assertEquals(s, c);
      assertEquals(s.tag(), ((YScalar) c).tag());
    } else if (o instanceof YMap m) {
      List<YMap.Entry> ce = ((YMap) c).entries();
      assertEquals(m.entries().size(), ce.size());
      for (int i = 0; i < ce.size(); i++) {
        assertSameShape(m.entries().get(i).key(), ce.get(i).key());
        assertSameShape(m.entries().get(i).value(), ce.get(i).value());
      }
    } else {
      YSeq q = (YSeq) o;
      assertEquals(q.size(), ((YSeq) c).size());
      for (int i = 0; i < q.size(); i++) {
        assertSameShape(q.get(i), ((YSeq) c).get(i));
      }
    }
  }
}
