package dev.podlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the inventory keeps of a document is a copy equal to it (values, types, spans, paths and
 * whether a path is in a tree), with a node reached twice copied once, paths and strings shared
 * between documents, and equal labels one map.
 */
class CompactCopiesTest {
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
        ports: [{port: 5432, name: ~}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: aliased, namespace: shop}
      spec:
        selector: &s {app: x}
        other: *s
      """;

  private static List<K8sObject> objects() {
    return new ManifestLoader().loadText(new SourceFile("f.yaml", null), FILE).objects();
  }

  @Test
  void copiesAreEqualAndShareWhatRepeats() {
    CompactCopies copies = new CompactCopies();
    List<K8sObject> originals = objects();
    List<K8sObject> copied = new ArrayList<>();
    for (K8sObject o : originals) {
      K8sObject c = copies.object(o);
      assertEquals(o, c);
      assertNotSame(o.root(), c.root());
      assertSameShape(o.root(), c.root());
      copied.add(c);
    }
    YMap web = copied.get(0).root();
    YMap db = copied.get(1).root();
    // one path, one string for what repeats between documents
    YNode webApp = web.mapAt("spec", "selector").orElseThrow().get("app").orElseThrow();
    YNode dbApp = db.mapAt("spec", "selector").orElseThrow().get("app").orElseThrow();
    assertSame(webApp.path(), dbApp.path());
    assertSame(copied.get(0).kind(), copied.get(1).kind());
    assertSame(copied.get(0).namespace(), copied.get(1).namespace());
    // a node reached twice (an alias) is one copy, and a node copied again is the same copy
    YMap aliased = copied.get(2).root().mapAt("spec").orElseThrow();
    assertSame(aliased.get("selector").orElseThrow(), aliased.get("other").orElseThrow());
    YScalar port = originals.get(0).root().mapAt("spec").orElseThrow().get("ports").map(p -> ((YSeq) p).get(0))
        .map(p -> ((YMap) p).entries().get(0).key()).orElseThrow();
    assertSame(copies.node(port), copies.node(port));
    assertEquals(null, copies.node((YNode) null));
  }

  @Test
  void labelsKeepTheirOrderAndEqualOnesAreOneMap() {
    CompactCopies copies = new CompactCopies();
    Map<String, String> a = new LinkedHashMap<>();
    a.put(new String("app"), "web");
    a.put("tier", new String("front"));
    Map<String, String> b = new LinkedHashMap<>();
    b.put("tier", "front");
    b.put("app", "web");
    Map<String, String> first = copies.labels(a);
    assertSame(first, copies.labels(new LinkedHashMap<>(a)));
    Map<String, String> reordered = copies.labels(b);
    assertNotSame(first, reordered);
    assertEquals(List.of("app", "tier"), List.copyOf(first.keySet()));
    assertEquals(List.of("tier", "app"), List.copyOf(reordered.keySet()));
    assertSame("front", first.get("tier"));
    assertTrue(copies.labels(Map.of()).isEmpty());
  }

  /** Equal node for node, with spans and paths (and whether each path is in a tree) alike. */
  private static void assertSameShape(YNode o, YNode c) {
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
    assertFalse(o == c);
  }
}
