package dev.podlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.checks.Checks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server survives every file of the hostile-input suite (testdata/hostile and the cases
 * HostileInputTest generates) opened in turn, each without an object also behind one so that it is
 * linted rather than left quiet, with the same files in its workspace folder beside a link loop and
 * a FIFO; at the end it still lints the control manifest.
 */
class HostileDocumentsTest {
  static final String HEADER = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: header}\n---\n";

  @TempDir Path workspace;

  /** The generated cases of HostileInputTest, by file name. */
  static Map<String, String> generated() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("deep-flow.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    cases.put("deep-block.yaml", "key:\n  " + "- ".repeat(10_000) + "x\n");
    cases.put("huge-scalar.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: " + "x".repeat(50 << 20) + "\n");
    StringBuilder big = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: before}\n---\n"
        + "apiVersion: v1\nkind: ConfigMap\ndata:\n");
    for (int i = 0; big.length() < 4 * 1024 * 1024; i++) {
      big.append("  k").append(i).append(": ").append("v".repeat(100)).append('\n');
    }
    cases.put("over-the-size-limit.yaml", big.toString());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      many.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\n");
    }
    cases.put("many.yaml", many.toString());
    cases.put("tabs.yaml", "apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n");
    return cases;
  }

  @Test
  void everyHostileDocumentInTurnAndTheServerStillLints() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(TestSupport.TESTDATA.resolve("hostile"))) {
      for (Path p : files.sorted().toList()) {
        // as an editor shows bytes that are not UTF-8: with replacement characters
        cases.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
      }
    }
    cases.putAll(generated());
    for (Map.Entry<String, String> e : cases.entrySet()) {
      if (e.getValue().length() < 1 << 20) {
        Files.writeString(workspace.resolve(e.getKey()), e.getValue());
      }
    }
    Files.createDirectories(workspace.resolve("loop"));
    Files.createSymbolicLink(workspace.resolve("loop/again"), workspace.resolve("loop"));
    new ProcessBuilder("mkfifo", workspace.resolve("fifo.yaml").toString()).start().waitFor();

    List<String> brokeTheParser = new ArrayList<>();
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, workspace)) {
      for (Map.Entry<String, String> e : cases.entrySet()) {
        // behind a header too when it holds no object of its own (else the server leaves it quiet)
        List<String> texts = KubernetesText.holdsObjects(e.getValue()) ? List.of(e.getValue())
            : List.of(e.getValue(), HEADER + e.getValue());
        for (String text : texts) {
          String uri = DocumentUris.uri(workspace.resolve(text == e.getValue() ? "open" : "behind").resolve(e.getKey()));
          c.open(uri, "yaml", text);
          List<Diagnostic> ds = c.diagnostics(uri);
          if (ds.stream().anyMatch(d -> "PL000".equals(d.getCode().getLeft()))) {
            brokeTheParser.add(e.getKey());
          }
          assertTrue(ds.stream().noneMatch(d -> DiagnosticFactory.INTERNAL_ERROR.equals(d.getCode().getLeft())),
              e.getKey() + ": " + ds);
          c.close(uri);
        }
      }
      String control = Files.readString(TestSupport.TESTDATA.resolve("hostile/control.yaml"));
      String uri = DocumentUris.uri(workspace.resolve("open/last-control.yaml"));
      c.open(uri, "yaml", control);
      List<Diagnostic> ds = c.diagnostics(uri);
      assertTrue(ds.stream().anyMatch(d -> "PL010".equals(d.getCode().getLeft()) && d.getRange().getStart().getLine() == 15
          && d.getRange().getStart().getCharacter() == 8), ds.toString());
      synchronized (c.log) {
        assertTrue(c.log.stream().noneMatch(l -> l.contains("internal error")), c.log.toString());
      }
      assertEquals(0, c.exit());
    }
    // behind a Kubernetes object, what breaks the parser is an invalid-yaml diagnostic
    assertTrue(brokeTheParser.containsAll(List.of("alias-bomb.yaml", "binary.yaml", "recursive-merge-key.yaml",
        "deep-flow.yaml", "deep-block.yaml", "huge-scalar.yaml", "over-the-size-limit.yaml", "tabs.yaml")),
        brokeTheParser.toString());
  }
}
