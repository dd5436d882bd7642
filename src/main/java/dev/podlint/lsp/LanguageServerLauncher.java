package dev.podlint.lsp;

import dev.podlint.engine.CheckFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server on a pair of streams (standard input and output for {@code podlint lsp}). */
public final class LanguageServerLauncher {
  private LanguageServerLauncher() {}

  /**
   * Serves one client until it says {@code exit} or closes the input.
   *
   * @return the exit code: 0 when the client said {@code shutdown} first, else 1 (as the protocol says)
   */
  public static int serve(InputStream in, OutputStream out, CheckFactory checks) throws InterruptedException {
    ProtocolLog.to(System.err);
    PodlintLanguageServer server = new PodlintLanguageServer(checks);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    CompletableFuture<Integer> done = new CompletableFuture<>();
    server.exited().thenAccept(done::complete);
    Thread closed = new Thread(() -> {
      try {
        listening.get();
      } catch (ExecutionException | InterruptedException | java.util.concurrent.CancellationException e) {
        // the stream ended badly: the same as its end
      }
      done.complete(server.wasShutDown() ? 0 : 1);
    }, "podlint-lsp-input");
    closed.setDaemon(true);
    closed.start();
    try {
      return done.get();
    } catch (ExecutionException e) {
      return 1;
    }
  }
}
