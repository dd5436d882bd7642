package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A pod reads the ConfigMaps it mounts from any file of the run (testdata/cross-file/: each
 * directory is one run, its files carry the markers), and the same files linted one by one do
 * not see them.
 */
class CrossFileConfigMapTest {
  static final Path CASES = TestSupport.TESTDATA.resolve("cross-file");
  static final List<String> NETWORKING = List.of("container-port-conflict", "host-port-conflict",
      "duplicate-port-name", "probe-port-undeclared", "localhost-port-unbound", "service-target-port-unknown",
      "unrelated-services-in-pod");

  static List<Finding> lint(List<SourceFile> files, byte[] stdin) {
    RuleCatalog c = TestSupport.catalog();
    List<RuleDefinition> enabled = new ArrayList<>();
    enabled.add(c.get(Linter.INVALID_YAML));
    NETWORKING.forEach(r -> enabled.add(c.get(r)));
    LintResult r = TestSupport.linter(c, enabled).lint(files, List.of(),
        () -> stdin == null ? InputStream.nullInputStream() : new ByteArrayInputStream(stdin));
    assertEquals(List.of(), r.internalErrors());
    assertEquals(List.of(), r.inputProblems());
    return r.findings();
  }

  static List<SourceFile> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted()
          .map(p -> new SourceFile(TestSupport.ROOT.relativize(p).toString().replace('\\', '/'), p)).toList();
    }
  }

  @TestFactory
  Stream<DynamicNode> eachDirectoryIsOneRun() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(CASES)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(dirs.size() >= 4, "cases under " + CASES);
    return dirs.stream().map(d -> dynamicTest(d.getFileName().toString(), () -> {
      List<SourceFile> files = files(d);
      List<Finding> found = lint(files, null);
      StringBuilder problems = new StringBuilder();
      for (SourceFile f : files) {
        String text = Files.readString(f.path(), StandardCharsets.UTF_8);
        List<Finding> own = found.stream().filter(x -> x.file().equals(f)).toList();
        String diff = Expectations.compare(text, Expectations.parse(text), own);
        if (!diff.isEmpty()) {
          problems.append(f.displayName()).append(":\n").append(diff).append('\n');
        }
      }
      if (!problems.isEmpty()) {
        fail(problems.toString());
      }
    }));
  }

  private static List<String> rules(List<Finding> found) {
    return found.stream().map(f -> f.rule().name() + " " + f.file().displayName() + ":" + f.span().start()).toList();
  }

  @Test
  void alonePodsDoNotSeeTheConfigMapsOfOtherFiles() throws IOException {
    SourceFile proxy = files(CASES.resolve("nginx-proxy-configmap")).get(1);
    assertTrue(proxy.displayName().endsWith("deployment.yaml"), proxy.displayName());
    assertEquals(List.of("unrelated-services-in-pod " + proxy.displayName() + ":17:7"), rules(lint(List.of(proxy), null)),
        "without the proxy configuration nginx and the app look independent");

    SourceFile probe = files(CASES.resolve("probe-listen-configmap")).get(1);
    List<Finding> alone = lint(List.of(probe), null);
    assertEquals(1, alone.size(), alone.toString());
    assertTrue(alone.get(0).message().contains("declares 8081 only"), alone.get(0).message());

    SourceFile site = files(CASES.resolve("localhost-configmap")).get(1);
    assertEquals(List.of(), lint(List.of(site), null), "a ConfigMap podlint cannot see says nothing");
  }

  @Test
  void aReferenceInAnotherFilesConfigMapIsRelatedThere() throws IOException {
    List<Finding> found = lint(files(CASES.resolve("localhost-configmap")), null);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertTrue(f.file().displayName().endsWith("localhost-configmap/deployment.yaml"), f.file().displayName());
    assertEquals(1, f.related().size(), f.related().toString());
    Finding.Related rel = f.related().get(0);
    assertTrue(rel.file().displayName().endsWith("localhost-configmap/configmap.yaml"), rel.file().displayName());
    assertEquals(6, rel.span().start().line(), "the ConfigMap key's text");
    assertEquals("127.0.0.1:9000 is written here (ConfigMap blog-site key site.conf)", rel.message());
  }

  @Test
  void adviseReadsTheConfigMapsOfEveryInput() {
    String dir = "testdata/cross-file/nginx-proxy-configmap/";
    Cli.Run together = Cli.run("advise", dir + "deployment.yaml", dir + "configmap.yaml");
    assertEquals("", together.out(), "nginx proxies to the app: nothing to split");
    assertTrue(together.err().contains("no pod holds independent services"), together.err());
    Cli.Run alone = Cli.run("advise", dir + "deployment.yaml");
    assertTrue(alone.out().contains("name: shop-app"), "without its configuration nginx looks independent:\n"
        + alone.out());
  }

  @Test
  void standardInputIsReadOnceAndItsConfigMapsCount() throws IOException {
    List<SourceFile> files = files(CASES.resolve("probe-listen-configmap"));
    byte[] configMap = Files.readAllBytes(files.get(0).path());
    List<Finding> found = lint(List.of(new SourceFile(SourceFile.STDIN, null), files.get(1)), configMap);
    assertEquals(List.of(), rules(found), "the ConfigMap on standard input says where the server listens");
  }
}
