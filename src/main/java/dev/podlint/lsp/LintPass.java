package dev.podlint.lsp;

import dev.podlint.config.ConfigLocator;
import dev.podlint.config.ConfigProblem;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pass of the linter over the open documents: each document that holds Kubernetes objects is
 * linted with the configuration that applies to it, together with the other open documents and
 * the workspace's manifests under the same configuration, so that cross-object rules see them all.
 * The findings are the engine's, as {@code lint} reports them; the pass only picks those of the
 * open documents at or above the level shown.
 */
final class LintPass {
  /** What a pass found: an outcome per open document, and the problems of configuration files. */
  record Result(List<Outcome> outcomes, Map<Path, List<ConfigProblem>> configProblems) {}

  private final Configurations configurations;
  private final WorkspaceFiles workspace;
  private final List<Path> roots;
  private final Consumer<String> log;

  LintPass(Configurations configurations, WorkspaceFiles workspace, List<Path> roots, Consumer<String> log) {
    this.configurations = configurations;
    this.workspace = workspace;
    this.roots = List.copyOf(roots);
    this.log = log;
  }

  /** A document of the pass: what the editor has open, or a workspace file. */
  private record Input(SourceFile file, String text, OpenDocuments.Doc doc, String uri) {}

  /** The documents linted together: one configuration. */
  private static final class Group {
    final Configurations.Setup setup;
    final Map<SourceFile, Input> inputs = new LinkedHashMap<>();

    Group(Configurations.Setup setup) {
      this.setup = setup;
    }
  }

  Result run(List<OpenDocuments.Doc> docs, ClientSettings settings) {
    Map<Configurations.Setup, Group> groups = new IdentityHashMap<>();
    Map<Path, Configurations.Setup> byDir = new HashMap<>();
    Map<Path, List<ConfigProblem>> configProblems = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    Map<Path, OpenDocuments.Doc> openFiles = new HashMap<>();
    for (OpenDocuments.Doc d : docs) {
      try {
        add(d, groups, byDir, configProblems, outcomes, openFiles);
      } catch (RuntimeException | StackOverflowError e) {
        // a bug met before linting (never expected): the document says so, the others go on
        String error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        log.accept("podlint: internal error: " + d.uri() + ": " + error);
        outcomes.add(new Outcome(d.uri(), d.version(), d.text(), new LineMap(d.text()), false,
            List.of(new Outcome.Shown(DiagnosticFactory.internalError(error), null))));
      }
    }
    Map<Path, String> onDisk = Map.of();
    try {
      onDisk = groups.isEmpty() ? Map.of() : workspace.manifests(log);
    } catch (RuntimeException | StackOverflowError e) {
      log.accept("podlint: internal error while reading the workspace folder (its files are not seen): " + e);
    }
    if (!groups.isEmpty()) {
      for (Map.Entry<Path, String> e : onDisk.entrySet()) {
        Path p = e.getKey();
        if (openFiles.containsKey(p)) {
          continue; // the editor's text counts
        }
        Group g = groups.get(setup(p.getParent(), byDir, configProblems));
        if (g != null && !g.setup.configuration().exclusions().test(p)) {
          SourceFile f = new SourceFile(displayName(DocumentUris.uri(p), Optional.of(p)), p);
          g.inputs.put(f, new Input(f, e.getValue(), null, DocumentUris.uri(p)));
        }
      }
    }
    for (Group g : groups.values()) {
      outcomes.addAll(lint(g, settings));
    }
    return new Result(outcomes, configProblems);
  }

  /** Puts an open document into the group of its configuration, or gives it a quiet outcome. */
  private void add(OpenDocuments.Doc d, Map<Configurations.Setup, Group> groups,
      Map<Path, Configurations.Setup> byDir, Map<Path, List<ConfigProblem>> configProblems, List<Outcome> outcomes,
      Map<Path, OpenDocuments.Doc> openFiles) {
    Optional<Path> path = DocumentUris.path(d.uri());
    path.ifPresent(p -> openFiles.put(p, d));
    Outcome quiet = new Outcome(d.uri(), d.version(), d.text(), new LineMap(d.text()),
        KubernetesText.isJson(d.languageId(), d.uri()), List.of());
    if (path.isPresent() && ConfigLocator.NAMES.contains(String.valueOf(path.get().getFileName()))) {
      return; // podlint's configuration: its problems are published apart (Linting)
    }
    if (!KubernetesText.isYamlOrJson(d.languageId(), d.uri()) || !KubernetesText.holdsObjects(d.text())) {
      outcomes.add(quiet);
      return;
    }
    Configurations.Setup setup = setup(path.map(Path::getParent).orElse(roots.isEmpty() ? null : roots.get(0)),
        byDir, configProblems);
    if (path.isPresent() && setup.configuration().exclusions().test(path.get())) {
      outcomes.add(quiet); // excluded by the configuration: lint would not lint it either
      return;
    }
    SourceFile f = new SourceFile(displayName(d.uri(), path), path.orElse(null));
    groups.computeIfAbsent(setup, Group::new).inputs.put(f, new Input(f, d.text(), d, d.uri()));
  }

  private Configurations.Setup setup(Path dir, Map<Path, Configurations.Setup> byDir,
      Map<Path, List<ConfigProblem>> problems) {
    Configurations.Setup s = dir == null ? configurations.forDirectory(null)
        : byDir.computeIfAbsent(dir, configurations::forDirectory);
    s.file().ifPresent(f -> problems.put(f, s.problems()));
    return s;
  }

  /** Lints a group and gives the outcome of each of its open documents. */
  private List<Outcome> lint(Group g, ClientSettings settings) {
    Map<SourceFile, String> texts = new LinkedHashMap<>();
    g.inputs.forEach((f, in) -> texts.put(f, in.text()));
    Map<SourceFile, LineMap> lines = new HashMap<>();
    Map<SourceFile, List<Outcome.Shown>> shown = new HashMap<>();
    Severity level = settings.show() != null ? settings.show()
        : g.setup.configuration().show(null).map(Severity::parse).orElse(Severity.NOTE);
    List<String> errors = new ArrayList<>();
    try {
      LintResult r = g.setup.linter().lintTexts(texts);
      for (Finding f : r.findings()) {
        Input in = g.inputs.get(f.file());
        if (in == null || in.doc() == null || f.isSuppressed() || !f.severity().atLeast(level)) {
          continue;
        }
        LineMap map = lines.computeIfAbsent(f.file(), x -> new LineMap(in.text()));
        shown.computeIfAbsent(f.file(), x -> new ArrayList<>()).add(new Outcome.Shown(
            DiagnosticFactory.of(f, map, file -> place(file, g, lines)), f));
      }
      errors.addAll(r.internalErrors());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // past what the engine catches itself: every document of the group gets the error
      String what = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      g.inputs.values().stream().filter(in -> in.doc() != null).forEach(in -> errors.add(in.file().displayName() + ": " + what));
    }
    for (String e : errors) {
      log.accept("podlint: internal error: " + e);
      Input at = null;
      for (Input in : g.inputs.values()) {
        if (in.doc() != null && e.startsWith(in.file().displayName() + ": ")
            && (at == null || in.file().displayName().length() > at.file().displayName().length())) {
          at = in;
        }
      }
      if (at != null) {
        shown.computeIfAbsent(at.file(), x -> new ArrayList<>()).add(new Outcome.Shown(
            DiagnosticFactory.internalError(e.substring(at.file().displayName().length() + 2)), null));
      }
    }
    List<Outcome> out = new ArrayList<>();
    for (Input in : g.inputs.values()) {
      if (in.doc() != null) {
        OpenDocuments.Doc d = in.doc();
        out.add(new Outcome(d.uri(), d.version(), d.text(), lines.computeIfAbsent(in.file(), x -> new LineMap(d.text())),
            KubernetesText.isJson(d.languageId(), d.uri()),
            shown.getOrDefault(in.file(), List.of())));
      }
    }
    return out;
  }

  /** Where a related place's file is: a document of the group, else a file on disk. */
  private static Optional<DiagnosticFactory.Place> place(SourceFile file, Group g, Map<SourceFile, LineMap> lines) {
    Input in = g.inputs.get(file);
    if (in != null) {
      return Optional.of(new DiagnosticFactory.Place(in.uri(), lines.computeIfAbsent(file, x -> new LineMap(in.text()))));
    }
    if (file.path() != null && file.path().isAbsolute()) {
      return Optional.of(new DiagnosticFactory.Place(DocumentUris.uri(file.path()), null));
    }
    return Optional.empty();
  }

  /** The name a document is linted under: its path inside the workspace folder, else its full path or URI. */
  private String displayName(String uri, Optional<Path> path) {
    if (path.isEmpty()) {
      return uri;
    }
    for (Path root : roots) {
      if (path.get().startsWith(root) && !path.get().equals(root)) {
        return root.relativize(path.get()).toString();
      }
    }
    return path.get().toString();
  }
}
