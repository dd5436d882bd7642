package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.Comment;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.YamlSyntaxException;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions, documents and encodings as the loader sees them. */
class LoaderTest {
  final ManifestLoader loader = new ManifestLoader();
  final SourceFile file = new SourceFile("t.yaml", null);

  LoadedFile load(String text) {
    return loader.loadText(file, text);
  }

  static YNode at(K8sObject o, String... keys) {
    YNode cur = o.root();
    for (String k : keys) {
      cur = k.matches("\\d+") ? cur.asSeq().get(Integer.parseInt(k)) : cur.asMap().get(k).orElseThrow();
    }
    return cur;
  }

  @Test
  void blockAndFlowPositionsAreOneBased() {
    LoadedFile f = load("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n"
        + "    - name: web\n      ports: [{containerPort: 80}, {containerPort: 81}]\n");
    K8sObject o = f.objects().get(0);
    assertEquals("a", o.name());
    YNode port = at(o, "spec", "containers", "0", "ports", "1", "containerPort");
    assertEquals(new Position(7, 52), port.span().start());
    YMap container = (YMap) at(o, "spec", "containers", "0");
    assertEquals(new Position(6, 7), container.span().start(), "a block mapping starts at its first key");
    assertEquals("spec.containers[0].ports[1].containerPort", port.path().toString());
    assertEquals("/spec/containers/0/ports/1/containerPort", port.path().toPointer());
  }

  @Test
  void columnsCountCodePoints() {
    LoadedFile f = load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {\"\uD83D\uDE80\u00e9\": x, k: v}\n");
    YScalar v = (YScalar) at(f.objects().get(0), "metadata", "labels", "k");
    assertEquals(new Position(5, 24), v.span().start(), "the emoji counts as one column");
  }

  @Test
  void multiDocumentListsJsonAndNonKubernetesDocuments() {
    String text = "---\n# Source: chart/templates/a.yaml\n---\napiVersion: v1\nkind: List\nitems:\n"
        + "  - {apiVersion: v1, kind: Pod, metadata: {name: a}}\n  - {apiVersion: v1, kind: Pod, metadata: {name: b}}\n"
        + "---\njust a string\n---\n- a\n- list\n---\n{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\","
        + " \"metadata\": {\"name\": \"c\", \"namespace\": \"n\"}}\n---\nfoo: bar\n";
    LoadedFile f = load(text);
    assertTrue(f.error().isEmpty(), f.error().toString());
    assertEquals(List.of("Pod/-/a", "Pod/-/b", "Deployment/n/c"),
        f.objects().stream().map(K8sObject::identity).toList());
    assertEquals(4, f.objects().get(2).documentIndex(), "documents are counted from 0, empty ones included");
  }

  @Test
  void aliasesAndMergeKeysResolveToTheAnchoredNodes() {
    String text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n"
        + "    - &base\n      name: web\n      image: nginx:1\n      resources: &res\n        limits: {memory: 1Gi}\n"
        + "    - <<: *base\n      name: sidecar\n      resources: *res\n";
    K8sObject o = load(text).objects().get(0);
    PodView pod = PodView.of(o).orElseThrow();
    assertEquals(List.of("web", "sidecar"), pod.containers().stream().map(c -> c.name()).toList());
    YNode first = pod.containers().get(0).resources().orElseThrow();
    YNode second = pod.containers().get(1).resources().orElseThrow();
    assertSame(first, second, "an alias yields the anchored node");
    assertEquals("nginx:1", pod.containers().get(1).image().orElseThrow(), "merged from <<: *base");
    assertEquals(8, pod.containers().get(1).node().get("image").orElseThrow().span().start().line(),
        "merged values keep the anchor's position");
  }

  @Test
  void aMergeKeyMayNotMergeAMappingThatContainsIt() throws Exception {
    // snakeyaml-engine's merging looped forever on these (found by fuzzing); a later anchor of the
    // same name, a merge of a closed mapping and a quoted "<<" (an ordinary key) stay fine
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
    String message = "a merge key (<<) merges a mapping that contains it";
    for (String[] c : new String[][] {
        {"a: &x\n  k: v\n  <<: *x\n", "7:7"},
        {"a: &x\n  <<: [*x]\n", "6:8"},
        {"a: &x\n  b:\n    <<: *x\n", "7:9"},
        {"a: &y\n  !!merge k: *y\n", "6:14"}}) {
      LoadedFile f = load(pod + "---\n" + c[0]);
      assertEquals(1, f.objects().size(), c[0]);
      assertEquals(message + " at " + c[1], f.error().map(e -> e.problem() + " at " + e.position()).orElse("none"), c[0]);
      YamlSyntaxException e = assertThrows(YamlSyntaxException.class, () -> loader.parseDocuments(pod + "---\n" + c[0]));
      assertEquals(c[1], e.error().position().toString(), c[0]);
    }
    for (String ok : List.of("a: &x {k: &x {z: 1}, <<: *x}\n", "b: &b {k: v}\nc: {<<: *b}\n", "a: &x\n  '<<': 1\n")) {
      assertTrue(load(pod + "---\n" + ok).error().isEmpty(), ok);
    }
  }

  @Test
  void aMergeTagHiddenByEscapesOrATagHandleIsFoundToo() {
    // the merge tag written without the word "merge" looped snakeyaml-engine's merging forever
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
    String message = "a merge key (<<) merges a mapping that contains it";
    for (String[] c : new String[][] {
        {"---\na: &y\n  !!m%65rge k: *y\n", "6:16"},
        {"---\na: &y\n  !<tag:yaml.org,2002:m%65rge> k: *y\n", "6:35"},
        {"...\n%TAG !e! tag:yaml.org,2002:me\n---\na: &y\n  !e!rge k: *y\n", "8:13"}}) {
      LoadedFile f = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> load(pod + c[0]), c[0]);
      assertEquals(1, f.objects().size(), c[0]);
      assertEquals(message + " at " + c[1], f.error().map(e -> e.problem() + " at " + e.position()).orElse("none"), c[0]);
    }
    assertTrue(load(pod + "---\nb: '50%'\nc: !!str x\n").error().isEmpty(), "a % and a ! alone are no merge");
  }

  @Test
  void syntaxErrorsStopTheFileButEarlierDocumentsRemain() {
    LoadedFile f = load("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\n"
        + "metadata:\n  name: b: c\n");
    assertEquals(1, f.objects().size());
    assertEquals(new Position(8, 10), f.error().orElseThrow().position());
    assertTrue(f.error().get().problem().contains("mapping values are not allowed"), f.error().get().problem());
  }

  @Test
  void encodings() {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
    assertEquals(1, loader.load(file, ("\uFEFF" + yaml).getBytes(StandardCharsets.UTF_8)).objects().size());
    byte[] utf16 = ("\uFEFF" + yaml).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(1, loader.load(file, utf16).objects().size(), "UTF-16 with a BOM");
    byte[] bad = (yaml + "  x: \u00e9\n").getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xFF;
    LoadedFile f = loader.load(file, bad);
    assertEquals(new Position(4, 6), f.error().orElseThrow().position());
    assertTrue(f.error().get().problem().contains("not valid UTF-8"));
    assertEquals(0, load("").objects().size());
    assertTrue(load("").error().isEmpty());
  }

  @Test
  void aByteOrderMarkMayStartEveryDocument() {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
    LoadedFile f = load("\uFEFF" + pod + "---\n\uFEFF" + pod.replace("name: a", "name: b"));
    assertEquals(List.of("Pod/-/a", "Pod/-/b"), f.objects().stream().map(K8sObject::identity).toList());
  }

  @Test
  void utf16WithoutAByteOrderMarkIsRecognised() {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
    assertEquals(1, loader.load(file, yaml.getBytes(StandardCharsets.UTF_16LE)).objects().size());
    assertEquals(1, loader.load(file, yaml.getBytes(StandardCharsets.UTF_16BE)).objects().size());
  }

  @Test
  void syntaxErrorsPointAtTheirCause() {
    // a non-scalar key: at the key
    assertEquals(new Position(3, 5), load("a: 1\nb:\n  ? [x]\n  : y\n").error().orElseThrow().position());
    assertEquals(new Position(3, 1), load("a: 1\n---\n{x: 1}: 2\n").error().orElseThrow().position());
    // a control character: where it is
    var ctl = load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\u0001b\"\n").error().orElseThrow();
    assertEquals(new Position(4, 11), ctl.position());
    assertTrue(ctl.problem().contains("U+0001"), ctl.problem());
    // an unclosed quote noticed at the end of the stream: at the opening quote, not past the last line
    assertEquals(new Position(1, 4), load("a: \"unterminated\nb: c\n").error().orElseThrow().position());
  }

  @Test
  void crlfKeepsLinesAndColumns() {
    LoadedFile f = load("apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\n");
    assertEquals(new Position(4, 9), at(f.objects().get(0), "metadata", "name").span().start());
  }

  @Test
  void aDocumentOverTheSizeLimitIsAnErrorNotACrash() {
    StringBuilder big = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n");
    String line = "  x: \"" + "a".repeat(ManifestLoader.LINE_LIMIT / 2) + "\"\n";
    for (int i = 0; big.length() <= ManifestLoader.CODE_POINT_LIMIT; i++) {
      big.append(line.replace("x:", "x" + i + ":"));
    }
    LoadedFile f = load(big.toString());
    assertTrue(f.error().isPresent());
    assertTrue(f.error().get().problem().contains("a document is larger than"), f.error().get().problem());
    assertEquals(new Position(10, ManifestLoader.CODE_POINT_LIMIT - 57 - 5 * (line.length() + 1) + 1),
        f.error().get().position(), "where the limit is crossed");
  }

  @Test
  void aLineOverTheLineLimitIsAnErrorAtTheLimit() {
    String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: \""
        + "a".repeat(ManifestLoader.LINE_LIMIT) + "\"\n";
    LoadedFile f = load(big);
    assertEquals("a line is longer than 1048576 code points, the limit podlint reads", f.error().get().problem());
    assertEquals(new Position(5, ManifestLoader.LINE_LIMIT + 1), f.error().get().position());
  }

  @Test
  void commentsComeFromTheScannerNotFromHashesInStrings() {
    String text = "# podlint: header\n"
        + "apiVersion: v1  # end of line\n"
        + "kind: Pod\n"
        + "metadata:\n"
        + "  name: \"a # not a comment\"\n"
        + "  labels: {app: 'b # nor this'}  # in flow\n"
        + "  annotations:\n"
        + "    script: |  # block header\n"
        + "      # inside a block scalar\n"
        + "      echo\n"
        + "    # own line, indented\n"
        + "    x: \"\u00e9\uD83D\uDE00 # quoted\"  # after unicode\n"; // columns count code points
    for (String t : List.of(text, text.replace("\n", "\r\n"))) {
      LoadedFile f = load(t);
      List<String> seen = f.comments().stream()
          .map(c -> c.position() + (c.ownLine() ? " own " : " eol ") + c.text().strip()).toList();
      assertEquals(List.of("1:1 own podlint: header", "2:17 eol end of line", "6:34 eol in flow",
          "8:16 eol block header", "11:5 own own line, indented", "12:23 eol after unicode"), seen, t);
    }
  }

  @Test
  void commentsKnowTheirDocumentAndWhetherTheyLeadIt() {
    LoadedFile f = load("# podlint lead 0\n---\n# lead 0 after marker\na: 1  # inside 0\n# trailing 0\n"
        + "---\n# lead 1\nb: 2\n...\n# lead 2 after end marker\nc: 3\n");
    List<String> seen = f.comments().stream()
        .map(c -> c.document() + (c.leading() ? " leading " : " inside ") + c.text().strip()).toList();
    assertEquals(List.of("0 leading podlint lead 0", "0 leading lead 0 after marker", "0 inside inside 0",
        "0 inside trailing 0", "1 leading lead 1", "2 leading lead 2 after end marker"), seen);
    assertEquals(List.of(1, 6, 10), f.documentLines());
  }

  @Test
  void commentsAreReadOnlyWhereTheyCanMatterAndUpToASyntaxError() {
    assertEquals(List.of(), load("a: 1  # a comment\n").comments(), "no mention of podlint: not scanned");
    LoadedFile broken = load("# podlint:ignore-file invalid-yaml\na: [1,\n# after\n");
    assertTrue(broken.error().isPresent());
    assertEquals("podlint:ignore-file invalid-yaml", broken.comments().get(0).text().strip());
    Comment first = broken.comments().get(0);
    assertTrue(first.leading() && first.ownLine() && first.document() == 0, first.toString());
  }
}
