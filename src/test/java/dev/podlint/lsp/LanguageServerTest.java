package dev.podlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.checks.Checks;
import dev.podlint.engine.Check;
import dev.podlint.engine.CheckFactory;
import dev.podlint.engine.LintOptions;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server end to end: an LSP4J client in this JVM drives it over pipes, as an editor would. */
class LanguageServerTest {
  static final String CONFLICT = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: web
            image: nginx:1.27.3
            ports:
              - containerPort: 80
          - name: status
            image: registry.example.com/ops/status-page:0.4.0
            ports:
              - containerPort: 80
      """;

  static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: shop
      spec:
        selector:
          app: shop
        ports:
          - port: 80
            targetPort: 8080
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: admin
      spec:
        selector:
          matchLabels: {app: admin}
        template:
          metadata:
            labels: {app: admin}
          spec:
            containers:
              - name: admin
                image: registry.example.com/shop/admin:1.0.0
      """;

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        selector:
          matchLabels: {app: shop}
        template:
          metadata:
            labels: {app: shop}
          spec:
            containers:
              - name: web
                image: registry.example.com/shop/web:1.0.0
                ports: [{containerPort: 8080}]
      """;

  @TempDir Path dir;

  static String uri(Path p) {
    return DocumentUris.uri(p);
  }

  static List<Diagnostic> of(List<Diagnostic> ds, String code) {
    return ds.stream().filter(d -> code.equals(d.getCode().getLeft())).toList();
  }

  static List<Either<Command, CodeAction>> actions(InProcessClient c, String uri, Diagnostic d) throws Exception {
    return c.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
        d.getRange(), new CodeActionContext(List.of(d)))).get(InProcessClient.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
  }

  /** The text with the edits of an action applied (the editor's part). */
  static String apply(String text, CodeAction a, String uri) {
    LineMap lines = new LineMap(text);
    List<TextEdit> edits = new ArrayList<>(a.getEdit().getChanges().get(uri));
    edits.sort(Comparator.comparing((TextEdit e) -> lines.offset(e.getRange().getStart())).reversed());
    String out = text;
    for (TextEdit e : edits) {
      out = out.substring(0, lines.offset(e.getRange().getStart())) + e.getNewText()
          + out.substring(lines.offset(e.getRange().getEnd()));
    }
    return out;
  }

  @Test
  void aConflictIsADiagnosticAtItsPlaceWithRuleLinkRelatedPlaceHoverAndActions() throws Exception {
    Path file = dir.resolve("pod.yaml");
    Files.writeString(file, CONFLICT);
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      c.open(uri(file), "yaml", CONFLICT);
      List<Diagnostic> conflicts = of(c.diagnostics(uri(file)), "PL001");
      assertEquals(1, conflicts.size(), conflicts.toString());
      Diagnostic d = conflicts.get(0);
      // line 14 (1-based), column 11 of "- containerPort: 80": the second declaration's value or key
      assertEquals(13, d.getRange().getStart().getLine(), d.toString());
      assertTrue(d.getRange().getStart().getCharacter() >= 10, d.toString());
      assertEquals(DiagnosticSeverity.Error, d.getSeverity());
      assertEquals("podlint", d.getSource());
      assertEquals("https://podlint.dev/rules#container-port-conflict", d.getCodeDescription().getHref());
      assertEquals(1, d.getRelatedInformation().size(), d.toString());
      assertEquals(uri(file), d.getRelatedInformation().get(0).getLocation().getUri());
      assertEquals(9, d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());

      Hover h = c.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri(file)),
          d.getRange().getStart())).get(60, TimeUnit.SECONDS);
      String hover = h.getContents().getRight().getValue();
      assertTrue(hover.contains("PL001 container-port-conflict"), hover);
      assertTrue(hover.contains("**Why**") && hover.contains("**How to fix**"), hover);
      assertNull(c.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri(file)),
          new Position(0, 0))).get(60, TimeUnit.SECONDS), "no hover where there is no finding");

      List<Either<Command, CodeAction>> actions = actions(c, uri(file), d);
      CodeAction here = actions.stream().map(Either::getRight)
          .filter(a -> a.getTitle().startsWith("Suppress container-port-conflict here")).findFirst().orElseThrow();
      String suppressed = apply(CONFLICT, here, uri(file));
      assertTrue(suppressed.contains("            # podlint:ignore container-port-conflict <reason>\n"
          + "            - containerPort: 80\n                protocol") || suppressed.lines()
          .anyMatch(l -> l.strip().equals("# podlint:ignore container-port-conflict <reason>")), suppressed);
      c.change(uri(file), suppressed);
      assertEquals(List.of(), of(c.diagnostics(uri(file)), "PL001"), "suppressed");
      assertEquals(List.of(), of(c.diagnostics(uri(file)), "PL060"), "the suppression is used");

      c.change(uri(file), CONFLICT);
      assertEquals(1, of(c.diagnostics(uri(file)), "PL001").size(), "back after the edit");
      Diagnostic again = of(c.diagnostics(uri(file)), "PL001").get(0);
      CodeAction inFile = actions(c, uri(file), again).stream().map(Either::getRight)
          .filter(a -> a.getTitle().startsWith("Suppress container-port-conflict in this file")).findFirst().orElseThrow();
      String whole = apply(CONFLICT, inFile, uri(file));
      assertTrue(whole.startsWith("# podlint:ignore-file container-port-conflict <reason>\n"), whole);
      c.change(uri(file), whole);
      assertEquals(List.of(), of(c.diagnostics(uri(file)), "PL001"));
      assertEquals(0, c.exit());
    }
  }

  @Test
  void thePodSplitOfAdviseIsACodeAction() throws Exception {
    Path file = dir.resolve("two.yaml");
    String text = Files.readString(dev.podlint.TestSupport.TESTDATA.resolve("advise/two-pods.yaml"));
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      c.open(uri(file), "yaml", text);
      List<Diagnostic> flagged = of(c.diagnostics(uri(file)), "PL018");
      assertEquals(2, flagged.size(), flagged.toString());
      CodeAction split = actions(c, uri(file), flagged.get(0)).stream().map(Either::getRight)
          .filter(a -> Boolean.TRUE.equals(a.getIsPreferred())).findFirst().orElseThrow();
      String after = apply(text, split, uri(file));
      assertTrue(after.contains("kind: Service"), after);
      c.change(uri(file), after);
      assertEquals(1, of(c.diagnostics(uri(file)), "PL018").size(), "one pod split, the other still flagged");
    }
  }

  @Test
  void documentsWithoutKubernetesObjectsStayQuietAndBrokenOnesGetInvalidYaml() throws Exception {
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      String workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n";
      c.open(uri(dir.resolve("ci.yaml")), "yaml", workflow);
      assertEquals(List.of(), c.diagnostics(uri(dir.resolve("ci.yaml"))));
      c.open(uri(dir.resolve("notes.md")), "markdown", CONFLICT);
      assertEquals(List.of(), c.diagnostics(uri(dir.resolve("notes.md"))));
      String broken = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n";
      c.open(uri(dir.resolve("broken.yaml")), "yaml", broken);
      List<Diagnostic> ds = c.diagnostics(uri(dir.resolve("broken.yaml")));
      assertEquals(1, of(ds, "PL000").size(), ds.toString());
      assertEquals(DiagnosticSeverity.Error, of(ds, "PL000").get(0).getSeverity());
    }
  }

  @Test
  void crossObjectRulesSeeOtherOpenDocumentsAndWorkspaceFiles() throws Exception {
    Path svc = dir.resolve("service.yaml");
    Path deploy = dir.resolve("deployment.yaml");
    Files.writeString(svc, SERVICE);
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      c.open(uri(svc), "yaml", SERVICE);
      assertEquals(1, of(c.diagnostics(uri(svc)), "PL024").size(), "no workload yet");
      c.open(uri(deploy), "yaml", DEPLOYMENT); // not saved: only the editor has it
      c.diagnostics(uri(deploy));
      c.change(uri(svc), SERVICE);
      assertEquals(List.of(), of(c.diagnostics(uri(svc)), "PL024"), "the open deployment counts");
      c.close(uri(deploy));
      c.change(uri(svc), SERVICE + "\n");
      assertEquals(1, of(c.diagnostics(uri(svc)), "PL024").size(), "closed and never saved: gone");
      Files.writeString(deploy, DEPLOYMENT);
      c.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
          List.of(new FileEvent(uri(deploy), FileChangeType.Created))));
      c.change(uri(svc), SERVICE);
      assertEquals(List.of(), of(c.diagnostics(uri(svc)), "PL024"), "the workspace file counts");
    }
  }

  @Test
  void theConfigurationIsFoundFromTheDocumentUpAndReadAgainWhenItChanges() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("apps/web"));
    Path file = sub.resolve("pod.yaml");
    Files.writeString(dir.resolve(".podlint.yaml"), "rules:\n  container-port-conflict: off\n");
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      c.open(uri(file), "yaml", CONFLICT);
      assertEquals(List.of(), of(c.diagnostics(uri(file)), "PL001"), "off in the configuration");
      assertFalse(of(c.diagnostics(uri(file)), "PL010").isEmpty(), "other rules still run");
      Files.writeString(dir.resolve(".podlint.yaml"), "rules:\n  container-port-conflict: warning\n");
      Files.setLastModifiedTime(dir.resolve(".podlint.yaml"),
          java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
      c.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
          List.of(new FileEvent(uri(dir.resolve(".podlint.yaml")), FileChangeType.Changed))));
      c.change(uri(file), CONFLICT);
      List<Diagnostic> now = of(c.diagnostics(uri(file)), "PL001");
      assertEquals(1, now.size(), now.toString());
      assertEquals(DiagnosticSeverity.Warning, now.get(0).getSeverity(), "the configured level");

      // a broken configuration: reported on its file, and the defaults apply meanwhile
      Files.writeString(dir.resolve(".podlint.yaml"), "rules:\n  no-such-rule: off\n");
      Files.setLastModifiedTime(dir.resolve(".podlint.yaml"),
          java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
      c.change(uri(file), CONFLICT);
      assertEquals(DiagnosticSeverity.Error, of(c.diagnostics(uri(file)), "PL001").get(0).getSeverity());
      c.published(uri(dir.resolve(".podlint.yaml")),
          config -> config.stream().anyMatch(d -> d.getMessage().getLeft().contains("no-such-rule")));
    }
  }

  @Test
  void theLevelShownFollowsTheEditorSettings() throws Exception {
    Path file = dir.resolve("pod.yaml");
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      c.open(uri(file), "yaml", CONFLICT);
      Set<DiagnosticSeverity> all = c.diagnostics(uri(file)).stream().map(Diagnostic::getSeverity).collect(Collectors.toSet());
      assertTrue(all.contains(DiagnosticSeverity.Warning), all.toString());
      com.google.gson.JsonObject settings = com.google.gson.JsonParser.parseString("{\"podlint\": {\"show\": \"error\"}}")
          .getAsJsonObject();
      c.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
      c.change(uri(file), CONFLICT);
      Set<DiagnosticSeverity> errors = c.diagnostics(uri(file)).stream().map(Diagnostic::getSeverity)
          .collect(Collectors.toSet());
      assertEquals(Set.of(DiagnosticSeverity.Error), errors);
    }
  }

  /** Java checks as podlint's, except that latest-image-tag fails on every object (a bug). */
  static final CheckFactory FAILING = new CheckFactory() {
    @Override
    public Optional<Class<? extends Record>> paramsType(RuleDefinition rule) {
      return Checks.BUILTIN.paramsType(rule);
    }

    @Override
    public void verify(RuleCatalog catalog) {
      Checks.BUILTIN.verify(catalog);
    }

    @Override
    public Check create(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules) {
      if (rule.name().equals("latest-image-tag")) {
        return (Check.ObjectCheck) (o, out) -> {
          throw new IllegalStateException("a bug for the test");
        };
      }
      return Checks.BUILTIN.create(rule, options, rules);
    }
  };

  @Test
  void anInternalErrorInOneRuleIsOneDiagnosticAndALogLine() throws Exception {
    Path file = dir.resolve("pod.yaml");
    try (InProcessClient c = new InProcessClient(FAILING, dir)) {
      c.open(uri(file), "yaml", CONFLICT);
      List<Diagnostic> ds = c.diagnostics(uri(file));
      List<Diagnostic> errors = of(ds, DiagnosticFactory.INTERNAL_ERROR);
      assertEquals(1, errors.size(), ds.toString());
      assertTrue(errors.get(0).getMessage().getLeft().contains("latest-image-tag") && errors.get(0).getMessage().getLeft()
          .contains("a bug for the test"), errors.toString());
      assertEquals(1, of(ds, "PL001").size(), "the other rules ran");
      synchronized (c.log) {
        assertTrue(c.log.stream().anyMatch(l -> l.contains("internal error") && l.contains("latest-image-tag")), c.log.toString());
      }
      c.change(uri(file), CONFLICT.replace("web", "web2"));
      assertEquals(1, of(c.diagnostics(uri(file)), "PL001").size(), "the server goes on");
    }
  }

  @Test
  void aJsonManifestGetsDiagnosticsAndNoCommentActions() throws Exception {
    String json = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"j\"},\n"
        + " \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"nginx:latest\"}]}}\n";
    Path file = dir.resolve("pod.json");
    try (InProcessClient c = new InProcessClient(Checks.BUILTIN, dir)) {
      c.open(uri(file), "json", json);
      List<Diagnostic> latest = of(c.diagnostics(uri(file)), "PL040");
      assertEquals(1, latest.size(), c.diagnostics(uri(file)).toString());
      assertEquals(1, latest.get(0).getRange().getStart().getLine());
      assertTrue(actions(c, uri(file), latest.get(0)).stream().map(Either::getRight)
          .noneMatch(a -> a.getTitle().startsWith("Suppress")));
    }
  }

  @Test
  void rangesCountUtf16UnitsAsTheProtocolDoes() {
    LineMap m = new LineMap("a: \"\uD83D\uDE00x\"\r\nb: 1\n");
    // code point column 6 is the x after the emoji: UTF-16 character 6 (the emoji takes two units)
    assertEquals(new Position(0, 6), m.position(new dev.podlint.model.Position(1, 6)));
    assertEquals(new dev.podlint.model.Position(1, 6), m.position(new Position(0, 6)));
    assertEquals(new Position(1, 3), m.position(new dev.podlint.model.Position(2, 4)));
    assertEquals("b: 1", m.line(1));
    assertNotNull(m.range(dev.podlint.model.Span.of(9, 1, 9, 2)), "clamped, not thrown");
  }

  @Test
  void theEditorSettingsAreReadLeniently() {
    List<String> problems = new ArrayList<>();
    ClientSettings s = ClientSettings.read(com.google.gson.JsonParser.parseString(
        "{\"show\": \"loud\", \"debounce\": 20}"), ClientSettings.DEFAULT, problems::add);
    assertEquals(new ClientSettings(null, 20), s);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(ClientSettings.DEFAULT, ClientSettings.read(null, ClientSettings.DEFAULT, problems::add));
  }
}
