package dev.podlint.lsp;

import dev.podlint.Podlint;
import dev.podlint.engine.CheckFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * podlint as a language server: diagnostics for the Kubernetes manifests an editor has open,
 * hovers that explain them, and code actions that fix or suppress them. {@code initialize} learns
 * the workspace folders and the editor's settings; the rest is {@link ManifestDocumentService},
 * {@link ManifestWorkspaceService} and {@link Linting}.
 */
public final class PodlintLanguageServer implements LanguageServer, LanguageClientAware {
  private final CheckFactory checks;
  private final OpenDocuments docs = new OpenDocuments();
  private final Linting linting = new Linting(docs, this::log);
  private final ManifestDocumentService documents;
  private final ManifestWorkspaceService workspace;
  private volatile LanguageClient client;
  private volatile WorkspaceFiles files;
  private volatile boolean watchFiles;
  private volatile boolean shutDown;
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();

  /** A server whose Java rules are made by {@code checks}. */
  public PodlintLanguageServer(CheckFactory checks) {
    this.checks = checks;
    this.documents = new ManifestDocumentService(docs, linting, this::filesChanged);
    this.workspace = new ManifestWorkspaceService(linting, this::filesChanged, this::log);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    List<Path> roots = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        DocumentUris.path(f.getUri()).ifPresent(roots::add);
      }
    }
    if (roots.isEmpty() && params.getRootUri() != null) {
      DocumentUris.path(params.getRootUri()).ifPresent(roots::add);
    }
    linting.settings(ClientSettings.read(params.getInitializationOptions(), ClientSettings.DEFAULT, this::log));
    Configurations configurations = new Configurations(checks);
    files = new WorkspaceFiles(roots, p -> {
      Configurations.Setup s = configurations.forDirectory(p.getParent());
      return s.configuration().exclusions().test(p);
    });
    var caps = params.getCapabilities();
    watchFiles = caps != null && caps.getWorkspace() != null && caps.getWorkspace().getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    linting.start(new LintPass(configurations, files, roots, this::log), client);

    ServerCapabilities c = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    c.setTextDocumentSync(sync);
    c.setHoverProvider(true);
    c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return CompletableFuture.completedFuture(new InitializeResult(c, new ServerInfo("podlint", Podlint.version())));
  }

  @Override
  public void initialized(InitializedParams params) {
    if (watchFiles && client != null) {
      DidChangeWatchedFilesRegistrationOptions o = new DidChangeWatchedFilesRegistrationOptions(
          List.of(new FileSystemWatcher(Either.forLeft("**/*.{yaml,yml,json}"))));
      client.registerCapability(new RegistrationParams(List.of(
          new Registration("podlint-manifests", "workspace/didChangeWatchedFiles", o))));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    linting.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    linting.shutdown();
    exited.complete(shutDown ? 0 : 1);
  }

  /** Completes with the exit code ({@code 0} after {@code shutdown}, else 1) when the client says {@code exit}. */
  CompletableFuture<Integer> exited() {
    return exited;
  }

  boolean wasShutDown() {
    return shutDown;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  private void filesChanged() {
    WorkspaceFiles f = files;
    if (f != null) {
      f.rescan();
    }
  }

  /** A line for the editor's log of the server (never standard output: that is the protocol's). */
  void log(String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(message.contains("internal error") ? MessageType.Error : MessageType.Log,
          message));
    }
  }
}
