package dev.podlint.lsp;

import dev.podlint.bench.CorpusGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Measures the time from a change to its diagnostics, as an editor sees it: starts the server as
 * a process (default {@code bin/podlint lsp}), opens a generated manifest of about 200 lines and one
 * of about 5,000, warms the server up with edits, then times edits one at a time (the debounce
 * included). Not a test: BENCHMARKS.md says how to run it and what it measured.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/podlint.jar dev.podlint.lsp.LspLatency
 * [--debounce MS] [--edits N] [SERVER COMMAND...]}
 */
public final class LspLatency implements LanguageClient {
  private final Map<String, Integer> published = new HashMap<>();

  public static void main(String[] args) throws Exception {
    int debounce = ClientSettings.DEFAULT_DEBOUNCE;
    int edits = 60;
    List<String> command = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--debounce")) {
        debounce = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--edits")) {
        edits = Integer.parseInt(args[++i]);
      } else {
        command.add(args[i]);
      }
    }
    if (command.isEmpty()) {
      command = List.of("bin/podlint", "lsp");
    }
    Path dir = Files.createTempDirectory("podlint-lsp-latency");
    Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    LspLatency client = new LspLatency();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(),
        server.getOutputStream());
    launcher.startListening();
    LanguageServer s = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(DocumentUris.uri(dir), "bench")));
    init.setInitializationOptions(com.google.gson.JsonParser.parseString("{\"podlint\": {\"debounce\": " + debounce + "}}"));
    s.initialize(init).get(60, TimeUnit.SECONDS);
    s.initialized(new InitializedParams());
    System.out.println("server: " + String.join(" ", command) + "; debounce " + debounce + " ms; " + edits
        + " timed edits per manifest after " + edits / 2 + " to warm up");
    System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + "; load average before: " + load());
    for (int lines : List.of(200, 5_000)) {
      String text = manifest(lines);
      String uri = DocumentUris.uri(dir.resolve("manifest-" + lines + ".yaml"));
      s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
      client.await(uri, 1);
      int version = 1;
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < edits + edits / 2; i++) {
        version++;
        // one edit as a user makes it: a changed value in the middle of the file
        String edited = text.replaceFirst("replicas: \\d+", "replicas: " + (2 + version % 7));
        long start = System.nanoTime();
        s.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(edited))));
        client.await(uri, version);
        if (i >= edits / 2) {
          ms.add((System.nanoTime() - start) / 1e6);
        }
      }
      Collections.sort(ms);
      System.out.printf(Locale.ROOT, "%5d lines (%d chars): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
          text.split("\n", -1).length - 1, text.length(), ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.9)),
          ms.get(ms.size() - 1));
    }
    System.out.println("load average after: " + load());
    s.shutdown().get(60, TimeUnit.SECONDS);
    s.exit();
    server.waitFor(60, TimeUnit.SECONDS);
    server.destroy();
  }

  /** One file of generated workloads (podlint bench's generator) of about {@code lines} lines. */
  static String manifest(int lines) throws IOException {
    for (int docs = 2; ; docs += 2) {
      Path d = Files.createTempDirectory("podlint-lsp-latency-gen");
      Path file = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).write(d, docs, docs).get(0);
      String text = Files.readString(file);
      Files.delete(file);
      Files.delete(d);
      if (text.split("\n", -1).length > lines) {
        return text;
      }
    }
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  synchronized void await(String uri, int version) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (published.getOrDefault(uri, 0) < version) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("no diagnostics for version " + version + " of " + uri);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
    if (p.getVersion() != null) {
      published.merge(p.getUri(), p.getVersion(), Math::max);
      notifyAll();
    }
  }

  @Override
  public void logMessage(MessageParams message) {}

  @Override
  public void showMessage(MessageParams messageParams) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void telemetryEvent(Object object) {}
}
