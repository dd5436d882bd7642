package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.Inputs;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision of the networking rules on real projects, as a regression list: every finding they
 * give on the real projects of the shared corpus (each project one run; linters' own fixtures
 * aside) is judged in {@code testdata/corpus/networking-judged.tsv}. A finding judged false that
 * comes back fails, as does one judged true that disappears or one nobody judged. kube-linter's
 * port fixtures are checked against {@code testdata/corpus/kube-linter-port-fixtures.tsv} and
 * against what kube-linter's own tests expect of them. Skipped without the corpus.
 */
class NetworkingCorpusTest {
  static final Path CORPUS = CorpusTest.CORPUS;
  /** Linters' test fixtures: deliberately broken inputs, not real projects. */
  static final Set<String> FIXTURES = Set.of("kube-linter", "kube-score", "polaris", "kubesec", "datree",
      "kubeconform", "monokle-core");
  static final List<String> KUBE_LINTER_PORT_FIXTURES = List.of("liveness-port.yml", "readiness-port.yml",
      "startup-port.yml", "ssh-port.yml");

  /** One row of a judged list. */
  record Judged(String key, boolean verdict, String reason) {}

  static Map<String, Judged> read(String name) throws IOException {
    Map<String, Judged> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(TestSupport.TESTDATA.resolve("corpus").resolve(name), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      assertEquals(6, f.length, name + ": file, line, column, rule, verdict, reason: " + line);
      assertTrue(f[4].equals("true") || f[4].equals("false"), name + ": verdict true or false: " + line);
      assertTrue(!f[5].isBlank(), name + ": every verdict has a reason: " + line);
      String key = f[0] + ":" + f[1] + ":" + f[2] + " " + f[3];
      assertTrue(out.put(key, new Judged(key, f[4].equals("true"), f[5])) == null, name + ": twice: " + key);
    }
    return out;
  }

  static List<Finding> lint(List<String> paths) {
    RuleCatalog c = TestSupport.catalog();
    List<RuleDefinition> rules = new ArrayList<>();
    rules.add(c.get(Linter.INVALID_YAML));
    CrossFileConfigMapTest.NETWORKING.forEach(r -> rules.add(c.get(r)));
    Inputs.Expansion in = Inputs.expand(paths, CORPUS);
    LintResult r = TestSupport.linter(c, rules).lint(in.files(), in.problems(), InputStream::nullInputStream);
    assertEquals(List.of(), r.internalErrors());
    return r.findings().stream().filter(f -> !f.rule().name().equals(Linter.INVALID_YAML)).toList();
  }

  static String key(Finding f) {
    return f.file().displayName().replace('\\', '/') + ":" + f.span().start().line() + ":" + f.span().start().column()
        + " " + f.rule().name();
  }

  static List<String> realProjects() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !FIXTURES.contains(n))
          .sorted().toList();
    }
  }

  @Test
  void realProjectsGiveExactlyTheJudgedTrueFindings() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
    Map<String, Judged> judged = read("networking-judged.tsv");
    List<String> found = new ArrayList<>();
    for (String project : realProjects()) {
      lint(List.of(project)).forEach(f -> found.add(key(f)));
    }
    List<String> problems = new ArrayList<>();
    Map<String, int[]> perRule = new TreeMap<>(); // findings, true
    for (String k : found) {
      Judged j = judged.get(k);
      if (j == null) {
        problems.add("not judged yet (read the manifest, add it to networking-judged.tsv): " + k);
      } else if (!j.verdict()) {
        problems.add("judged false, and back: " + k + " (" + j.reason() + ")");
      }
      int[] n = perRule.computeIfAbsent(k.substring(k.lastIndexOf(' ') + 1), r -> new int[2]);
      n[0]++;
      n[1] += j != null && j.verdict() ? 1 : 0;
    }
    for (Judged j : judged.values()) {
      if (j.verdict() && !found.contains(j.key())) {
        problems.add("judged true, and gone: " + j.key() + " (" + j.reason() + ")");
      }
    }
    perRule.forEach((rule, n) -> System.out.printf("%s: %d findings, %d true, %d false%n", rule, n[0], n[1], n[0] - n[1]));
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
    for (String rule : CrossFileConfigMapTest.NETWORKING) {
      int[] n = perRule.getOrDefault(rule, new int[2]);
      assertTrue(n[0] == 0 || n[1] * 100 >= 95 * n[0], rule + ": precision below 95%");
    }
  }

  @Test
  void kubeLinterPortFixturesFireAsKubeLintersTestsExpect() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
    Map<String, Judged> listed = read("kube-linter-port-fixtures.tsv");
    Set<String> found = new TreeSet<>();
    Set<String> fired = new TreeSet<>();
    for (String name : KUBE_LINTER_PORT_FIXTURES) {
      for (Finding f : lint(List.of("kube-linter/tests/checks/" + name))) {
        found.add(key(f));
        if (f.rule().name().equals("probe-port-undeclared")) {
          String c = container(f);
          assertTrue(c.startsWith("fire-"), "kube-linter expects no finding on " + c + ": " + f.message());
          fired.add(name + " " + c);
        }
      }
    }
    assertEquals(new TreeSet<>(listed.keySet()), found, "the findings on kube-linter's port fixtures");
    assertTrue(listed.values().stream().allMatch(Judged::verdict), "every listed finding is judged true");
    Set<String> expected = new TreeSet<>();
    for (String name : KUBE_LINTER_PORT_FIXTURES) {
      String text = Files.readString(CORPUS.resolve("kube-linter/tests/checks/" + name), StandardCharsets.UTF_8);
      for (String line : text.lines().toList()) {
        String t = line.strip();
        if (t.startsWith("- name: fire-") && text.contains("Probe:")) {
          expected.add(name + " " + t.substring("- name: ".length()));
        }
      }
    }
    assertEquals(expected, fired, "every fire-* container of a probe fixture has its finding");
  }

  /**
   * The name of the container a finding's path is in ({@code spec.template.spec.containers[3]...}),
   * read from its file again: a finding a run hands out keeps a handle of its object, not its tree.
   */
  private static String container(Finding f) throws IOException {
    List<K8sObject> objects = new ManifestLoader().load(f.file(), Files.readAllBytes(f.file().path())).objects();
    YNode n = objects.stream().filter(o -> o.documentIndex() == f.object().documentIndex()
        && o.root().span().equals(f.object().root().span())).findFirst().orElseThrow().root();
    Object previous = null;
    for (Object segment : f.path().segments()) {
      n = n instanceof YMap m && segment instanceof String k ? m.get(k).orElseThrow()
          : n instanceof YSeq s && segment instanceof Integer i ? s.items().get(i) : n;
      if ("containers".equals(previous) && segment instanceof Integer && n instanceof YMap c) {
        return c.string("name").orElseThrow();
      }
      previous = segment;
    }
    throw new AssertionError("no container on the path of " + f);
  }
}
