package dev.podlint.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.advise.YamlWriter.Commented;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.YamlSyntaxException;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class YamlWriterTest {
  final ManifestLoader loader = new ManifestLoader();

  /** Strings that are easy to write wrongly. */
  static final List<String> TRICKY = List.of(
      // empty and blank
      "", " ", "   ", "\t", " leading", "trailing ", "  both  ",
      // numbers in either YAML version
      "8080", "0", "-1", "+1", "1.0", "1.", ".5", "-.5", "1e3", "1E3", "1e-3", "6.02e+23", "0x1F", "0X1f", "0o17",
      "0b101", "08", "0755", "1_000", "1_000.5", "+1_0", "1:20", "190:20:30.15", "-1:20", ".inf", "-.Inf", "+.INF",
      ".nan", ".NaN", "0x", "1__0",
      // booleans and nulls in either version and any case
      "true", "True", "TRUE", "false", "False", "yes", "Yes", "YES", "yEs", "no", "NO", "on", "On", "ON", "off", "Off",
      "oFF", "y", "Y", "n", "N", "null", "Null", "NULL", "nULL", "~",
      // timestamps, merge and value keys
      "2001-12-14", "2001-1-2", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z",
      "<<", "=",
      // indicators
      "-", "--", "---", "--- x", "...", "... x", "- item", "-item", "--flag", "-1x", "?", "? q", "?q", ":", "::", ":x",
      ": x", "#", "# comment", "#hash", "&anchor", "*alias", "!tag", "!!str", "|", "|-", ">", ">-", "'single'",
      "\"double\"", "%TAG", "@at", "`tick`", ",comma", "[list]", "[]", "{map}", "{}", "]", "}",
      // indicators inside
      "key: value", "key:value", "a:", "a: ", "a:b:c", "http://example.com/a?b=c#frag", "a #b", "a#b", "a # b",
      "a, b", "a[0]", "x{y}", "a - b", "it's", "say \"hi\"", "back\\slash", "a\\nb", "50%", "a|b", "a>b", "a&b",
      "a*b", "a!b", "a@b", "a`b", "image:tag", "nginx:1.25", "10.0.0.1", "1.2.3", "0.1.0-beta", "v1", "500m",
      "256Mi", "1Gi", "30 1 * * *", "*/5 * * * *", "sh -c 'echo hi'", "$(VAR)", "${VAR}", "{{ .Values.x }}",
      "key with trailing colon:", "k:\tv",
      // control characters, tabs and unusual spaces
      "a\tb", "tab\t", "nul\0", "bell\u0007", "esc\u001B", "del\u007F", "c1\u0080", "nel\u0085x", "ls\u2028x",
      "ps\u2029x", "bom\uFEFF", "\uFEFFbom", "nbsp\u00A0", "\u00A0nbsp", "a\u00A0b", "em\u2003space",
      "\u3000ideo", "cr\rlf", "crlf\r\n", "\r\n", "nonchar\uFFFE", "lone\uD800surrogate",
      // unicode
      "é café", "日本語", "Ünïcödé: x", "emoji 🚀", "🚀", "🚀: rocket", "-🚀", "\uD83D\uDE80\n🚀",
      // several lines
      "line1\nline2", "line1\nline2\n", "a\n\n", "a\n\n\n", "\nleading newline", "\n\nx\n", "  indented\nnext",
      "\n  indented after blank", "\tfirst tab line\nsecond", "x\n\ty", "trailing space \nx", "x\ntrailing tab\t",
      "x\n \ny", "\n", "\n\n", "a: b\nc: d", "- a\n- b\n", "# not a comment\n---\n...\n", "%YAML 1.2\nx",
      "#!/bin/sh\nset -eu\nfor f in /etc/*.conf; do\n  echo \"$f: ok\" # note\ndone\n",
      "script with\ttab\n\tindented by tab\n", "emoji\n🚀\n", "bell\u0007\nnext", "nel\u0085\nnext",
      // long
      "long ".repeat(300).strip());

  static String read(YNode n) {
    YScalar s = (YScalar) n;
    assertTrue(s.isString(), () -> "not read as a string: " + s.value() + " (" + s.type() + ")");
    assertFalse(s.ambiguous(), () -> "flagged ambiguous: " + s.value());
    return s.value();
  }

  YNode parse(String text) {
    try {
      return loader.parseDocument(text);
    } catch (YamlSyntaxException e) {
      throw new AssertionError("not valid YAML: " + e.getMessage() + "\n" + text, e);
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void trickyStringsRoundTripAsValuesKeysAndItems() {
    for (String s : TRICKY) {
      Map<String, Object> root = map(
          "value", s,
          "list", List.of(s, List.of(s), map("k", s)),
          "nested", map("deep", List.of(map("x", s, "y", "after"))));
      root.put(s, "key");
      root.put("end", new Commented(List.of(s), s));
      String text = YamlWriter.document(List.of(s), root);
      try {
        YMap m = (YMap) parse(text);
        assertEquals(List.of("value", "list", "nested", s, "end"),
            m.entries().stream().map(e -> read(e.key())).toList());
        assertEquals(s, read(m.get("value").orElseThrow()));
        YSeq list = m.seq("list").orElseThrow();
        assertEquals(s, read(list.get(0)));
        assertEquals(s, read(((YSeq) list.get(1)).get(0)));
        assertEquals(s, read(((YMap) list.get(2)).get("k").orElseThrow()));
        YMap deep = (YMap) m.mapAt("nested").orElseThrow().seq("deep").orElseThrow().get(0);
        assertEquals(s, read(deep.get("x").orElseThrow()));
        assertEquals("after", read(deep.get("y").orElseThrow()));
        assertEquals("key", read(m.get(s).orElseThrow()));
        assertEquals(s, read(m.get("end").orElseThrow()));
        assertEquals(s, read(parse(YamlWriter.document(List.of(), s))), "as a document root");
      } catch (AssertionError e) {
        throw new AssertionError("for " + escaped(s) + ":\n" + text, e);
      }
    }
  }

  static String escaped(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp > 0x7E ? String.format("\\u%04X", cp) : Character.toString(cp)));
    return b.append('"').toString();
  }

  /** How a string value is written after "v:" (the format decisions). */
  static String written(String s) {
    String doc = YamlWriter.document(List.of(), Map.of("v", s));
    assertTrue(doc.startsWith("v:"), doc);
    return doc.substring(2);
  }

  @Test
  void plainWhenBothYamlVersionsReadTheSameString() {
    for (String s : List.of("hello", "hello world", "-item", "--flag", "?q", ":x", "a:b:c", "a#b", "it's",
        "say \"hi\"", "back\\slash", "nginx:1.25", "10.0.0.1", "1.2.3", "500m", "v1", "yEs?", "é café", "日本語",
        "emoji 🚀", "http://example.com/a?b=c#frag", "30 1 * * *", "$(VAR)", "a\u00A0b")) {
      assertEquals(" " + s + "\n", written(s), s);
    }
  }

  @Test
  void doubleQuotedWhenAReaderWouldSeeSomethingElse() {
    for (String s : List.of("", " ", "8080", "1.0", "0x1F", "08", "1e3", "1_000", ".5", "+1", "1:20", ".inf",
        "true", "yes", "No", "ON", "off", "y", "N", "yEs", "null", "Null", "NULL", "~", "2001-12-14", "<<", "=",
        "- item", "-", "---", "...", "? q", ": x", "#x", "&a", "*a", "!t", "|", ">", "'q'", "%x", "@x", "`x`",
        ",x", "[x]", "{x}", "key: value", "a #b", "a:", " leading", "trailing ")) {
      assertEquals(" \"" + s + "\"\n", written(s), s);
    }
  }

  @Test
  void escapesInDoubleQuotes() {
    assertEquals(" \"a\\tb\"\n", written("a\tb"));
    assertEquals(" \"q\\\"b\\\\s: x\"\n", written("q\"b\\s: x"));
    assertEquals(" \"bell\\u0007 nul\\u0000 del\\u007F nel\\u0085 ls\\u2028 bom\\uFEFF\"\n",
        written("bell\u0007 nul\0 del\u007F nel\u0085 ls\u2028 bom\uFEFF"));
    assertEquals(" \"cr\\u000D\\nlf\"\n", written("cr\r\nlf"));
    assertEquals(" \"é: 🚀\"\n", written("é: 🚀"), "printable non-ASCII stays as it is");
    assertEquals(" \"\\n\"\n", written("\n"), "no line with text: no block");
    assertEquals(" \"x \\ny\"\n", written("x \ny"), "a trailing space: no block");
    assertEquals(" \"x\\n\\t\"\n", written("x\n\t"), "a trailing tab: no block");
    assertEquals(" \"a\\u0007\\nb\"\n", written("a\u0007\nb"), "a control character: no block");
  }

  @Test
  void literalBlocksKeepLinesAndTrailingNewlines() {
    assertEquals(" |-\n  a\n  b\n", written("a\nb"));
    assertEquals(" |\n  a\n  b\n", written("a\nb\n"));
    assertEquals(" |+\n  a\n\n", written("a\n\n"));
    assertEquals(" |+\n  a\n\n\n", written("a\n\n\n"));
    assertEquals(" |-\n\n  a\n\n  b\n", written("\na\n\nb"));
    assertEquals(" |2-\n    a\n  b\n", written("  a\nb"));
    assertEquals(" |2\n\n    a\n", written("\n  a\n"));
    assertEquals(" |2-\n  \ta\n  b\n", written("\ta\nb"));
    assertEquals(" |\n  #!/bin/sh\n  echo \"$HOME: ok\" # note\n  ---\n", written("#!/bin/sh\necho \"$HOME: ok\" # note\n---\n"));
    assertEquals("- |-\n  a\n  b\n", YamlWriter.document(List.of(), List.of("a\nb")));
    assertEquals("|\n  a\n  b\n", YamlWriter.document(List.of(), "a\nb\n"), "a literal block as the root");
    assertEquals("k:\n  - x: |-\n      a\n      b\n",
        YamlWriter.document(List.of(), map("k", List.of(map("x", "a\nb")))));
  }

  @Test
  void otherJavaValues() {
    Map<String, Object> root = map("int", 8080, "long", -5L, "big", new BigInteger("123456789012345678901234567890"),
        "dec", new BigDecimal("0.50"), "decInt", new BigDecimal("1E+3"), "double", 1.5, "inf", Double.NEGATIVE_INFINITY,
        "t", true, "f", false, "null", null, "emptyMap", Map.of(), "emptyList", List.of());
    String text = YamlWriter.document(List.of(), root);
    assertEquals("""
        int: 8080
        long: -5
        big: 123456789012345678901234567890
        dec: 0.50
        decInt: 1000
        double: 1.5
        inf: -.inf
        t: true
        f: false
        "null": null
        emptyMap: {}
        emptyList: []
        """, text);
    YMap m = (YMap) parse(text);
    assertEquals(YScalar.Type.INT, m.scalar("int").orElseThrow().type());
    assertEquals(YScalar.Type.FLOAT, m.scalar("big").orElseThrow().type(), "beyond 64 bits Kubernetes reads a float");
    assertEquals(YScalar.Type.FLOAT, m.scalar("dec").orElseThrow().type());
    assertEquals(YScalar.Type.FLOAT, m.scalar("inf").orElseThrow().type());
    assertEquals(YScalar.Type.BOOL, m.scalar("f").orElseThrow().type());
    assertEquals(YScalar.Type.NULL, m.scalar("null").orElseThrow().type());
    assertEquals(YScalar.Type.STRING, m.entries().get(9).key().type(), "the key \"null\" of a Map<String, ?>");
    assertTrue(m.map("emptyMap").orElseThrow().isEmpty());
    assertEquals(0, m.seq("emptyList").orElseThrow().size());
  }

  @Test
  void nonStringScalarsKeepTheirType() {
    String source = """
        int: 1
        hex: 0x1F
        octal: 0755
        underscores: 1_000
        negative: -3
        float: 1.5
        exp: 1e3
        inf: .inf
        yes: yes
        bool: TRUE
        tilde: ~
        empty:
        tagged: !!int "42"
        taggedOdd: !!int "forty-two"
        quoted: "8080"
        1: int key
        true: bool key
        """;
    YMap in = (YMap) parse(source);
    String text = YamlWriter.document(List.of(), in);
    assertEquals("""
        int: 1
        hex: 0x1F
        octal: 0755
        underscores: 1_000
        negative: -3
        float: 1.5
        exp: 1e3
        inf: .inf
        yes: yes
        bool: TRUE
        tilde: null
        empty: null
        tagged: 42
        taggedOdd: forty-two
        quoted: "8080"
        1: int key
        true: bool key
        """, text, "a typed scalar whose text is not of its type is written as a string");
    YMap back = (YMap) parse(text);
    for (int i = 0; i < in.entries().size(); i++) {
      YMap.Entry a = in.entries().get(i);
      YMap.Entry b = back.entries().get(i);
      assertEquals(a.key().type(), b.key().type(), a.key().value());
      assertEquals(a.key().value(), b.key().value());
      YScalar va = (YScalar) a.value();
      YScalar vb = (YScalar) b.value();
      if (a.key().value().equals("taggedOdd")) {
        assertEquals(YScalar.Type.STRING, vb.type());
        continue;
      }
      assertEquals(va.type(), vb.type(), a.key().value());
      if (!va.isNull()) {
        assertEquals(va.value(), vb.value());
      }
    }
  }

  @Test
  void deploymentWithCommentsAndDocuments() {
    Map<String, Object> container = map(
        "name", "app",
        "image", "registry.example.com/shop/app:1.2",
        "ports", List.of(new Commented(List.of("the port the probes use"), map("containerPort", 8080, "name", "http"))),
        "env", List.of(map("name", "DEBUG", "value", "false"), map("name", "MODE", "value", "on")),
        "args", List.of(),
        "resources", Map.of());
    Map<String, Object> deployment = map(
        "apiVersion", "apps/v1",
        "kind", "Deployment",
        "metadata", map("name", "shop-app", "labels", map("app.kubernetes.io/name", "shop-app")),
        "spec", map(
            "replicas", new Commented(List.of("one replica to start with", "scale it up\nwhen it holds"), 1),
            "template", map("spec", map("containers", List.of(container,
                map("name", new Commented(List.of("a sidecar"), "log-shipper"), "command",
                    List.of("sh", "-c", "tail -F /var/log/app.log\n")))))));
    String deploymentText = YamlWriter.document(List.of("Proposed by podlint advise.", "", "Review before use."),
        deployment);
    String service = YamlWriter.document(List.of(),
        new Commented(List.of("exposes shop-app"), map("apiVersion", "v1", "kind", "Service",
            "spec", map("ports", List.of(map("port", 80, "targetPort", "http"))))));
    String all = YamlWriter.documents(List.of(deploymentText, service));
    assertEquals("""
        # Proposed by podlint advise.
        #
        # Review before use.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop-app
          labels:
            app.kubernetes.io/name: shop-app
        spec:
          # one replica to start with
          # scale it up
          # when it holds
          replicas: 1
          template:
            spec:
              containers:
                - name: app
                  image: registry.example.com/shop/app:1.2
                  ports:
                    # the port the probes use
                    - containerPort: 8080
                      name: http
                  env:
                    - name: DEBUG
                      value: "false"
                    - name: MODE
                      value: "on"
                  args: []
                  resources: {}
                -
                  # a sidecar
                  name: log-shipper
                  command:
                    - sh
                    - -c
                    - |
                      tail -F /var/log/app.log
        ---
        # exposes shop-app
        apiVersion: v1
        kind: Service
        spec:
          ports:
            - port: 80
              targetPort: http
        """, all);
    LoadedFile f = loader.loadText(new SourceFile("advice.yaml", null), all);
    assertTrue(f.error().isEmpty(), () -> f.error().toString());
    assertEquals(2, f.documents());
    YMap sidecar = f.objects().get(0).root().mapAt("spec", "template", "spec").orElseThrow().maps("containers").get(1);
    assertEquals("tail -F /var/log/app.log\n", sidecar.seq("command").orElseThrow().get(2).asScalar().value());
  }

  @Test
  void listsInListsCommentsAndRoots() {
    assertEquals("- - a\n  - b\n- []\n- {}\n- null\n", YamlWriter.document(List.of(),
        Arrays.asList(List.of("a", "b"), List.of(), Map.of(), null)));
    assertEquals("# one\n- a\n# two\n- b\n", YamlWriter.document(List.of(),
        List.of(new Commented(List.of("one"), "a"), new Commented(List.of("two"), "b"))));
    assertEquals("-\n  # first\n  - a\n", YamlWriter.document(List.of(),
        List.of(List.of(new Commented(List.of("first"), "a")))));
    assertEquals("# outer\n# inner\nk: v\n", YamlWriter.document(List.of(),
        map("k", new Commented(List.of("outer"), new Commented(List.of("inner"), "v")))));
    assertEquals("# h\n# root\n{}\n", YamlWriter.document(List.of("h"), new Commented(List.of("root"), Map.of())));
    assertEquals("null\n", YamlWriter.document(null, null));
    assertEquals("\"yes\"\n", YamlWriter.document(List.of(), "yes"));
    assertEquals("# a\\u0007b\n# c\n#\n# d\n", YamlWriter.document(List.of("a\u0007b  \r\nc\r\rd"), null)
        .replace("null\n", ""), "comment lines: breaks split, trailing spaces dropped, control characters escaped");
    assertEquals("a\n---\nb\n---\nc\n", YamlWriter.documents(List.of("a\n", "b", YamlWriter.document(List.of(), "c"))));
    assertEquals("", YamlWriter.documents(List.of()));
  }

  @Test
  void longKeysAreExplicit() {
    String key = "k".repeat(2000);
    String text = YamlWriter.document(List.of(), List.of(map(key, "v", "short", List.of(1))));
    assertEquals("- ? " + key + "\n  : v\n  short:\n    - 1\n", text);
    YMap m = (YMap) ((YSeq) parse(text)).get(0);
    assertEquals("v", read(m.get(key).orElseThrow()));
  }

  @Test
  void rejectsWhatItCannotWrite() {
    assertThrows(IllegalArgumentException.class, () -> YamlWriter.document(List.of(), map("k", new Object())));
    Map<Object, Object> listKey = new LinkedHashMap<>();
    listKey.put(List.of("a"), "v");
    assertThrows(IllegalArgumentException.class, () -> YamlWriter.document(List.of(), listKey));
  }

  @Test
  void realManifestsRoundTrip() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(TestSupport.TESTDATA)) {
      // testdata/hostile holds binary, invalid UTF-8 and UTF-16 files on purpose (HostileInputTest)
      files = s.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(TestSupport.TESTDATA.resolve("hostile")))
          .sorted().toList();
    }
    int compared = 0;
    for (Path p : files) {
      LoadedFile f = loader.loadText(new SourceFile(p.toString(), p), Files.readString(p));
      for (K8sObject o : f.objects()) {
        String text = YamlWriter.document(List.of("from " + p.getFileName()), o.root());
        assertSameTree(o.root(), parse(text), p + "\n" + text);
        compared++;
      }
    }
    assertTrue(compared > 100, "objects compared: " + compared);
  }

  static void assertSameTree(YNode a, YNode b, String where) {
    assertEquals(a.getClass(), b.getClass(), () -> a.path() + " in " + where);
    if (a instanceof YMap ma) {
      YMap mb = (YMap) b;
      assertEquals(ma.entries().size(), mb.entries().size(), () -> a.path() + " in " + where);
      for (int i = 0; i < ma.entries().size(); i++) {
        assertSameTree(ma.entries().get(i).key(), mb.entries().get(i).key(), where);
        assertSameTree(ma.entries().get(i).value(), mb.entries().get(i).value(), where);
      }
    } else if (a instanceof YSeq sa) {
      YSeq sb = (YSeq) b;
      assertEquals(sa.size(), sb.size(), () -> a.path() + " in " + where);
      for (int i = 0; i < sa.size(); i++) {
        assertSameTree(sa.get(i), sb.get(i), where);
      }
    } else {
      YScalar x = (YScalar) a;
      YScalar y = (YScalar) b;
      assertEquals(x.type(), y.type(), () -> x.path() + " " + x.value() + " in " + where);
      if (!x.isNull()) {
        assertEquals(x.value(), y.value(), () -> x.path() + " in " + where);
      }
      if (x.isString() && !x.ambiguous()) {
        // writing never makes a string ambiguous (it may quote one that was: 1e400, too large to be a number)
        assertFalse(y.ambiguous(), () -> x.path() + " " + x.value() + " in " + where);
      }
    }
  }

  /** Keeps the table honest: each entry once (a duplicate would hide a missing case). */
  @Test
  void trickyTableHasNoDuplicates() {
    List<String> seen = new ArrayList<>();
    for (String s : TRICKY) {
      assertFalse(seen.contains(s), () -> "twice: " + escaped(s));
      seen.add(s);
    }
  }

  /** Mappings written as items of a block list, in place of one: the first after its dash, the others below. */
  @Test
  void itemsTakeThePlaceOfOneItem() throws YamlSyntaxException {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kind", "A");
    a.put("spec", Map.of("ports", List.of(Map.of("port", 80))));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("kind", "B");
    String plain = YamlWriter.items(List.of(new Commented(List.of(), a), new Commented(List.of("second"), b)), 2, 4);
    assertEquals("kind: A\n    spec:\n      ports:\n        - port: 80\n  # second\n  - kind: B\n", plain);
    String text = "items:\n  - " + YamlWriter.items(List.of(new Commented(List.of("first", "why"), a),
        new Commented(List.of(), b)), 2, 4) + "  - kind: C\n";
    assertEquals("items:\n  - # first\n    # why\n    kind: A\n    spec:\n      ports:\n        - port: 80\n"
        + "  - kind: B\n  - kind: C\n", text);
    YMap root = (YMap) loader.parseDocument(text);
    assertEquals(List.of("A", "B", "C"), root.maps("items").stream().map(m -> m.string("kind").orElseThrow()).toList());
  }
}
