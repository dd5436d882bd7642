package dev.podlint.lsp;

import dev.podlint.config.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Keeps the editor's diagnostics current: a change asks for a pass, which runs on one thread of its
 * own once no further change came for the debounce time (changes meanwhile make one pass), then
 * publishes what it found for each open document that did not change since, and keeps it for
 * hovers and code actions. Nothing a pass meets ends the server: an error is logged and the next
 * change tries again.
 */
final class Linting {
  private final OpenDocuments docs;
  private final Consumer<String> log;
  private volatile LintPass pass;
  private volatile LanguageClient client;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "podlint-lsp-lint");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  /** The configuration files whose problems are published. */
  private final Map<Path, List<ConfigProblem>> configProblems = new HashMap<>();
  private volatile ClientSettings settings;
  private ScheduledFuture<?> pending;

  Linting(OpenDocuments docs, Consumer<String> log) {
    this.docs = docs;
    this.log = log;
    this.settings = ClientSettings.DEFAULT;
  }

  /** Starts linting (the server is initialized): passes before this do nothing. */
  void start(LintPass pass, LanguageClient client) {
    this.client = client;
    this.pass = pass;
  }

  ClientSettings settings() {
    return settings;
  }

  void settings(ClientSettings s) {
    settings = s;
  }

  /** Asks for a pass after the debounce time; a pass asked for earlier and not started yet is this one. */
  synchronized void schedule() {
    if (pass == null || thread.isShutdown()) {
      return;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    pending = thread.schedule(this::pass, settings.debounceMillis(), TimeUnit.MILLISECONDS);
  }

  /** A document was closed: its diagnostics go. */
  synchronized void closed(String uri) {
    outcomes.remove(uri);
    if (pass != null && !thread.isShutdown()) {
      thread.execute(() -> publish(uri, List.of(), null));
    }
  }

  /** What the last pass found in the document, if the document has not changed since. */
  Optional<Outcome> current(String uri) {
    Outcome o = outcomes.get(uri);
    Optional<OpenDocuments.Doc> d = docs.get(uri);
    return o != null && d.isPresent() && d.get().version() == o.version() ? Optional.of(o) : Optional.empty();
  }

  /**
   * Lints no more: a pass asked for is dropped, one running finishes (never interrupted: an
   * interrupt while it writes to the client could close the connection).
   */
  synchronized void shutdown() {
    if (pending != null) {
      pending.cancel(false);
    }
    thread.shutdown();
  }

  private void pass() {
    try {
      LintPass.Result r = pass.run(docs.snapshot(), settings);
      for (Outcome o : r.outcomes()) {
        Optional<OpenDocuments.Doc> d = docs.get(o.uri());
        if (d.isEmpty() || d.get().version() != o.version()) {
          continue; // changed meanwhile: the pass that change asked for publishes
        }
        outcomes.put(o.uri(), o);
        publish(o.uri(), o.diagnostics(), o.version());
      }
      configProblems(r.configProblems());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      log.accept("podlint: internal error while linting: " + e);
    }
  }

  /** Publishes the problems of configuration files, and clears those that went. */
  private void configProblems(Map<Path, List<ConfigProblem>> now) {
    for (Map.Entry<Path, List<ConfigProblem>> e : now.entrySet()) {
      if (e.getValue().equals(configProblems.get(e.getKey()))) {
        continue;
      }
      List<Diagnostic> diags = new ArrayList<>();
      for (ConfigProblem p : e.getValue()) {
        Position at = p.at() == null ? new Position(0, 0) : new Position(p.at().line() - 1, p.at().column() - 1);
        diags.add(new Diagnostic(new Range(at, at), p.message() + "; podlint's defaults apply until it is fixed",
            DiagnosticSeverity.Error, DiagnosticFactory.SOURCE));
        log.accept("podlint: " + p);
      }
      configProblems.put(e.getKey(), e.getValue());
      publish(DocumentUris.uri(e.getKey()), diags, null);
    }
  }

  private void publish(String uri, List<Diagnostic> diagnostics, Integer version) {
    PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, diagnostics);
    p.setVersion(version);
    client.publishDiagnostics(p);
  }
}
