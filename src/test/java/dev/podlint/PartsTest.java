package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Exemption;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.SourceFile;
import dev.podlint.report.JsonReporter;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file linted in parts (runs of its documents, in parallel; surveyed and read again part by part,
 * or read in one go and checked in groups) gives the report it gives linted in one go, byte for byte: findings, their order, suppressions and the judgement of suppressions,
 * fingerprints with their repeat numbers, fixes and related locations, in every format. Every
 * file is linted in parts of one document, and of a few hundred chars, against one go: each
 * fixture, the fixtures of every rule joined into one stream, and streams made to cross parts
 * (a pod whose ConfigMap and ServiceAccount come later, a suppression for the whole file at its
 * top, objects that share a name, documents that cannot be typed, a syntax error at the end); a
 * run whose pods mount the ConfigMaps of its other files; and {@code --show}, which leaves the same
 * findings out of a file's parts as out of its last findings.
 */
class PartsTest {
  @TempDir static Path dir;
  /** Streams for the command line in every format (smaller: each format is run three times). */
  static final List<Path> streams = new ArrayList<>();
  static Path joined;

  /**
   * Every {@code every}th rule fixture (and other test manifest) that loads without an error,
   * joined with {@code ---}.
   */
  static String joined(int every) throws IOException {
    StringBuilder all = new StringBuilder();
    List<Path> files = testFiles();
    for (int i = 0; i < files.size(); i += every) {
      Path p = files.get(i);
      String text;
      try {
        text = ManifestLoader.decodeText(Files.readAllBytes(p));
      } catch (IOException undecodable) {
        continue;
      }
      if (new ManifestLoader().loadText(new SourceFile("x", null), text).error().isEmpty()) {
        all.append(all.isEmpty() ? "" : "---\n").append(text).append(text.endsWith("\n") ? "" : "\n");
      }
    }
    return all.toString();
  }

  static List<Path> testFiles() throws IOException {
    try (Stream<Path> s = Files.walk(TestSupport.TESTDATA)) {
      return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("/config/") && !p.toString().contains(TestSupport.CUSTOM_RULES))
          .sorted().toList();
    }
  }

  static final String LATER = """
      # podlint:ignore-file host-port-conflict
      # podlint:ignore-file automount-service-account-token -- the accounts are below
      # podlint:ignore-file missing-cpu-limit, naked-pod
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        serviceAccountName: runner
        containers:
          - name: app
            image: nginx:1.27   # podlint:ignore latest-image-tag
            env: [{name: DB, value: "localhost:5432"}]
            envFrom: [{configMapRef: {name: conf}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec: {containers: [{name: app, image: nginx}]}
      ---
      kind: 5
      apiVersion: v1
      metadata: {name: bad}
      ---
      kind: 5
      apiVersion: v1
      metadata: {name: bad}
      ---
      # podlint:ignore-file missing-memory-limit
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: conf}
      data: {url: "http://localhost:8080/x"}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: runner, namespace: shop}
      automountServiceAccountToken: false
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: two
        annotations: {podlint.io/ignore: "too-few-replicas, missing-pdb, privileged-container"}
      spec:
        replicas: 1
        selector: {matchLabels: {app: two}}
        template:
          metadata: {labels: {app: two}}
          spec:
            containers:
              - {name: web, image: nginx:1.27, ports: [{containerPort: 80}]}
              - {name: cache, image: redis:7.4, ports: [{containerPort: 6379}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: two}
      spec: {selector: {app: two}, ports: [{port: 6379, targetPort: 6379}]}
      ---
      key: [unclosed
      """;

  @BeforeAll
  static void streams() throws IOException {
    String sample = joined(8);
    write("sample.yaml", sample);
    write("later.yaml", LATER);
    write("later-crlf.yaml", LATER.replace("\n", "\r\n"));
    write("top-open.yaml", "# podlint:ignore-file host-port-conflict\n" + sample);
    write("repeats.yaml", (LATER.substring(0, LATER.indexOf("key: [unclosed")) + "---\n").repeat(3) + "x: 1\n");
    joined = dir.resolve("joined.yaml");
    Files.writeString(joined, joined(1));
  }

  static void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    streams.add(p);
  }

  /** A run with every rule of the catalogue and exemptions of every kind, in parts as the properties say. */
  static Linter linter(String above, String size) {
    return linter(above, size, true);
  }

  /**
   * A run with every rule of the catalogue and exemptions, one of them by name pattern when
   * {@code names} (which keeps a file read in one go from being checked in groups).
   */
  static Linter linter(String above, String size, boolean names) {
    RuleCatalog c = TestSupport.catalog().withDirectories(List.of(TestSupport.customRulesOf("regex-too-slow").get()));
    List<Exemption> exemptions = List.of(
        new Exemption(Set.of("missing-readiness-probe"), Set.of(), Set.of(),
            names ? BoundedRegex.compile("w.*", "t:1:1") : null, Set.of(), "a name", "t:1:1"),
        new Exemption(Set.of("missing-liveness-probe"), Set.of("Deployment"), Set.of(), null, Set.of("cache"),
            "a container", "t:2:1"));
    return withProperties(above, size, () -> TestSupport.linter(c, c.all().stream().filter(r -> !r.name().equals("x"))
        .map(RuleDefinition.class::cast).toList(), new LintOptions(LintOptions.DEFAULT.kubernetesVersion(), true,
        exemptions)));
  }

  /**
   * Runs {@code run} with the parts properties set, then sets them back as they were (a run of the
   * whole suite with every file in parts sets them for every test).
   */
  static <T> T withProperties(String above, String size, Supplier<T> run) {
    String aboveBefore = System.setProperty("podlint.parts.above", above);
    String sizeBefore = System.setProperty("podlint.parts.size", size);
    try {
      return run.get();
    } finally {
      restore("podlint.parts.above", aboveBefore);
      restore("podlint.parts.size", sizeBefore);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  static String json(LintResult r) throws IOException {
    return CollectedReport.write(new JsonReporter(), r, "test", TestSupport.ROOT, null) + "\ninternal errors: "
        + r.internalErrors();
  }

  @Test
  void everyTestFileAndStreamIsTheSameInParts() throws IOException {
    Linter whole = linter("1000000000", "1000000000");
    Linter single = linter("0", "1");
    Linter few = linter("0", "300");
    // read in one go, then checked in groups of documents (without an exemption by name pattern)
    Linter wholeNoNames = linter("1000000000", "1000000000", false);
    Linter readSingle = linter("1000000000", "1", false);
    Linter readFew = linter("1000000000", "300", false);
    Linter readNames = linter("1000000000", "1");
    List<Path> all = new ArrayList<>(testFiles());
    all.addAll(streams);
    all.add(joined);
    for (Path p : all) {
      String text;
      try {
        text = ManifestLoader.decodeText(Files.readAllBytes(p));
      } catch (IOException undecodable) {
        continue;
      }
      SourceFile f = new SourceFile(TestSupport.ROOT.relativize(p.toAbsolutePath()).toString(), null);
      String expected = json(whole.lintText(f, text));
      assertEquals(expected, json(single.lintText(f, text)), p + " in parts of one document");
      assertEquals(expected, json(few.lintText(f, text)), p + " in parts of a few hundred chars");
      assertEquals(expected, json(readNames.lintText(f, text)), p + " read whole, a name pattern: checked whole");
      String plain = json(wholeNoNames.lintText(f, text));
      assertEquals(plain, json(readSingle.lintText(f, text)), p + " read whole, checked a document at a time");
      assertEquals(plain, json(readFew.lintText(f, text)), p + " read whole, checked a few hundred chars at a time");
    }
  }

  @Test
  void theStreamsCrossPartsWhereItMatters() {
    LintResult r = linter("0", "1").lintText(new SourceFile("later.yaml", null), LATER);
    List<String> found = r.findings().stream().map(x -> x.span().start().line() + " " + x.rule().name()
        + (x.isSuppressed() ? " suppressed" : "") + (x.fingerprint().contains(":") ? " repeat" : "")
        + (x.fix() == null ? "" : " fix of " + x.fix().edits().size())).toList();
    String all = String.join("\n", found);
    // judged once the whole file is linted, but the first in the report
    assertEquals("1 unused-suppression", found.get(0), all);
    // the first pod's ServiceAccount, at the end of the file, switches the token off; the second
    // pod has none, and the suppression at the top covers it
    assertTrue(found.stream().noneMatch(x -> x.startsWith("7 automount")), all);
    assertTrue(found.contains("18 automount-service-account-token suppressed"), all);
    // the second Pod shop/web repeats the first one's fingerprints, and so do documents without a type
    assertTrue(found.contains("18 missing-cpu-request repeat"), all);
    assertTrue(found.contains("24 missing-api-version-or-kind repeat"), all);
    // the split of Deployment two retargets Service two, further down
    assertTrue(found.contains("50 unrelated-services-in-pod fix of 2"), all);
    // where reading stopped, known before the first part, reported after the last (then the cross-object rules)
    int end = found.indexOf("59 invalid-yaml");
    assertTrue(end > 0, all);
    List<Integer> lines = found.subList(0, end + 1).stream().map(x -> Integer.parseInt(x.split(" ")[0])).toList();
    assertEquals(lines.stream().sorted().toList(), lines, all);
  }

  @ParameterizedTest
  @MethodSource("dev.podlint.report.Formats#names")
  void everyFormatIsTheSameInParts(String format) throws Exception {
    List<String> paths = new ArrayList<>(DeterminismTest.inputs());
    streams.forEach(p -> paths.add(p.toString()));
    String expected = DeterminismTest.run(2, paths, format);
    assertTrue(expected.length() > 1000, expected);
    assertEquals(expected, withProperties("0", "1", () -> unchecked(() -> DeterminismTest.run(1, paths, format))),
        "one thread");
    assertEquals(expected, withProperties("0", "400", () -> unchecked(() -> DeterminismTest.run(2, paths, format))),
        "two threads");
  }

  /** A pod of a file linted in parts reads the ConfigMaps of the run's other files, as in one go. */
  @Test
  void aFileInPartsReadsTheConfigMapsOfOtherFiles() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(CrossFileConfigMapTest.CASES)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path d : dirs) {
      List<SourceFile> files = CrossFileConfigMapTest.files(d);
      String whole = describe(withProperties("1000000000", "1", () -> CrossFileConfigMapTest.lint(files, null)));
      assertEquals(whole, describe(withProperties("0", "1", () -> CrossFileConfigMapTest.lint(files, null))),
          d + " in parts of one document");
      // each file alone sees only its own ConfigMaps: the run's are what makes the difference
      String alone = describe(files.stream().flatMap(f -> CrossFileConfigMapTest.lint(List.of(f), null).stream())
          .toList());
      assertTrue(!whole.equals(alone), d + ": the other files' ConfigMaps change nothing\n" + whole);
    }
  }

  private static String describe(List<dev.podlint.engine.Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (dev.podlint.engine.Finding f : findings) {
      out.append(f.file().displayName()).append(':').append(f.span()).append(' ').append(f.rule().name())
          .append(' ').append(f.message()).append(f.isSuppressed() ? " suppressed" : "").append(' ')
          .append(f.fingerprint()).append('\n');
    }
    return out.toString();
  }

  /** {@code --show} leaves the same findings out of a file's parts as out of its last findings. */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void showLeavesTheSameFindingsOutInParts(String format) throws Exception {
    List<String> paths = new ArrayList<>(DeterminismTest.inputs());
    streams.forEach(p -> paths.add(p.toString()));
    String expected = withProperties("1000000000", "1",
        () -> unchecked(() -> DeterminismTest.run(2, paths, format, "--show", "error")));
    assertTrue(expected.length() > 1000, expected);
    assertTrue(!format.equals("text") || expected.contains(": error: ") && !expected.contains(": warning: "), expected);
    assertEquals(expected, withProperties("0", "1",
        () -> unchecked(() -> DeterminismTest.run(2, paths, format, "--show", "error"))));
  }

  interface Run {
    String get() throws Exception;
  }

  static String unchecked(Run r) {
    try {
      return r.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
