package dev.podlint.lsp;

import dev.podlint.engine.CheckFactory;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP4J client talking to a podlint server in this JVM over a pair of pipes, as an editor
 * would over standard input and output: it records what the server publishes and logs.
 */
final class InProcessClient implements LanguageClient, AutoCloseable {
  /** A guard against a hang only (CI shares its cores): never a bound on speed. */
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private final Map<String, PublishDiagnosticsParams> published = new HashMap<>();
  final List<String> log = new ArrayList<>();
  final LanguageServer server;
  private final Map<String, Integer> versions = new HashMap<>();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final Pipe toServer;
  private final Pipe toClient;

  InProcessClient(CheckFactory checks, Path workspace) throws Exception {
    toServer = Pipe.open();
    toClient = Pipe.open();
    Thread t = new Thread(() -> {
      try {
        exitCode.complete(LanguageServerLauncher.serve(Channels.newInputStream(toServer.source()),
            Channels.newOutputStream(toClient.sink()), checks));
      } catch (Throwable e) {
        exitCode.completeExceptionally(e);
      }
    }, "podlint-lsp-under-test");
    t.setDaemon(true);
    t.start();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this,
        Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    if (workspace != null) {
      init.setWorkspaceFolders(List.of(new WorkspaceFolder(DocumentUris.uri(workspace), "workspace")));
    }
    server.initialize(init).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
  }

  void open(String uri, String languageId, String text) {
    versions.put(uri, 1);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
  }

  void change(String uri, String text) {
    int v = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
        List.of(new TextDocumentContentChangeEvent(text))));
  }

  void close(String uri) {
    versions.remove(uri);
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
  }

  /** The diagnostics published for the document's latest version (waits for them). */
  List<Diagnostic> diagnostics(String uri) throws InterruptedException {
    int want = versions.getOrDefault(uri, 0);
    long until = System.nanoTime() + HANG_GUARD.toNanos();
    synchronized (published) {
      while (true) {
        PublishDiagnosticsParams p = published.get(uri);
        if (p != null && p.getVersion() != null && p.getVersion() >= want) {
          return p.getDiagnostics();
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no diagnostics for version " + want + " of " + uri + " (log: " + log + ")");
        }
        published.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Forgets what was published for the document, so that the next wait is for a new publication. */
  void forget(String uri) {
    synchronized (published) {
      published.remove(uri);
    }
  }

  /** Waits until what is published for a URI (an open document or not) satisfies {@code wanted}. */
  List<Diagnostic> published(String uri, java.util.function.Predicate<List<Diagnostic>> wanted)
      throws InterruptedException {
    long until = System.nanoTime() + HANG_GUARD.toNanos();
    synchronized (published) {
      while (!published.containsKey(uri) || !wanted.test(published.get(uri).getDiagnostics())) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("not published for " + uri + ": " + published.get(uri));
        }
        published.wait(Math.max(1, left / 1_000_000));
      }
      return published.get(uri).getDiagnostics();
    }
  }

  int exit() throws Exception {
    server.shutdown().get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
    server.exit();
    return exitCode.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    toServer.sink().close(); // the server reads the end of its input and stops
    try {
      exitCode.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("the server did not stop at the end of its input", e);
    } finally {
      toClient.sink().close();
    }
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
    synchronized (published) {
      published.put(diagnostics.getUri(), diagnostics);
      published.notifyAll();
    }
  }

  @Override
  public void logMessage(MessageParams message) {
    synchronized (log) {
      log.add(message.getMessage());
    }
  }

  @Override
  public void showMessage(MessageParams messageParams) {
    logMessage(messageParams);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void telemetryEvent(Object object) {}
}
