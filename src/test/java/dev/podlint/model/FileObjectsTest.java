package dev.podlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A file's objects and their indexes answer as a pass over the file would; paths share prefixes. */
class FileObjectsTest {
  private static final String FILE = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: conf, namespace: other}
      data: {a: "1"}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: conf}
      data: {a: "2"}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: conf, namespace: shop}
      data: {a: "3"}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: conf, namespace: shop}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        containers: [{name: app, image: nginx}]
      """;

  private static LoadedFile load() {
    return new ManifestLoader().loadText(new SourceFile("f.yaml", null), FILE);
  }

  private static Optional<String> data(PodView pod) {
    return pod.configMapData("conf").flatMap(d -> d.string("a"));
  }

  @Test
  void podsFindTheFirstObjectOfTheirNamespaceWithOrWithoutTheIndex() {
    LoadedFile loaded = load();
    assertEquals(FileObjects.class, loaded.objects().getClass());
    K8sObject pod = loaded.objects().get(4);
    // "other" does not match "shop"; the ConfigMap without a namespace matches any pod
    assertEquals(Optional.of("2"), data(PodView.of(pod, loaded.objects()).orElseThrow()));
    assertEquals(Optional.of("2"), data(PodView.of(pod, new ArrayList<>(loaded.objects())).orElseThrow()));
    assertEquals(Optional.empty(), PodView.of(pod, loaded.objects()).orElseThrow().fileObject("Secret", "nope"));
    assertSame(loaded.objects().get(3),
        PodView.of(pod, loaded.objects()).orElseThrow().fileObject("Secret", "conf").orElseThrow());
    assertEquals(List.of(loaded.objects().get(0), loaded.objects().get(1), loaded.objects().get(2)),
        FileObjects.named(loaded.objects(), "ConfigMap", "conf"));
  }

  @Test
  void anIndexIsBuiltOncePerFileAndAMemoOncePerPod() {
    LoadedFile loaded = load();
    Object key = new Object();
    AtomicInteger built = new AtomicInteger();
    PodView a = PodView.of(loaded.objects().get(4), loaded.objects()).orElseThrow();
    PodView b = PodView.of(loaded.objects().get(4), loaded.objects()).orElseThrow();
    java.util.function.Function<List<K8sObject>, Integer> size = l -> {
      built.incrementAndGet();
      return l.size();
    };
    assertEquals(5, (int) a.fileIndex(key, size));
    assertEquals(5, (int) b.fileIndex(key, size));
    assertEquals(1, built.get());
    assertEquals("x", a.memo(key, () -> "x"));
    assertEquals("x", a.memo(key, () -> "y"));
    assertEquals("y", b.memo(key, () -> "y"));
    assertSame(a.containers(), a.containers());
  }

  @Test
  void walksRememberVisitedNodesOnlyWhereAnAnchorMayShareThem() {
    ManifestLoader loader = new ManifestLoader();
    String plain = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: '1', y: '1'}\n";
    String anchored = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: &one '1', y: *one}\n";
    YMap tree = loader.loadText(new SourceFile("a.yaml", null), plain).objects().get(0).root();
    YMap shared = loader.loadText(new SourceFile("b.yaml", null), anchored).objects().get(0).root();
    assertEquals(true, tree.path().inTree());
    assertEquals(false, shared.path().inTree());
    assertEquals(tree.path(), shared.path());
    AtomicInteger nodes = new AtomicInteger();
    YTree.forEachNode(tree, n -> nodes.incrementAndGet());
    assertEquals(8, nodes.get()); // the maps and the values
    nodes.set(0);
    YTree.forEachNode(shared, n -> nodes.incrementAndGet()); // the aliased scalar once
    assertEquals(7, nodes.get());
  }

  @Test
  void pathsRenderCompareAndHashByTheirSegments() {
    YPath p = YPath.ROOT.key("spec").key("containers").index(1).key("a.b");
    assertEquals(List.of("spec", "containers", 1, "a.b"), p.segments());
    assertEquals("spec.containers[1][\"a.b\"]", p.toString());
    assertEquals("/spec/containers/1/a.b", p.toPointer());
    YPath q = YPath.ROOT.key("spec").key("containers").index(1).key("a.b");
    assertEquals(p, q);
    assertEquals(p.hashCode(), q.hashCode());
    assertEquals(p.segments().hashCode(), p.hashCode());
    assertNotEquals(p, YPath.ROOT.key("spec").key("containers").index(2).key("a.b"));
    assertNotEquals(p, YPath.ROOT.key("spec").key("containers").index(1));
    assertEquals(YPath.ROOT, YPath.ROOT);
    assertEquals(List.of().hashCode(), YPath.ROOT.hashCode());
    assertEquals("(top level)", YPath.ROOT.describe());
    assertEquals("[\"\"].x-y_z9", YPath.ROOT.key("").key("x-y_z9").toString());
  }
}
