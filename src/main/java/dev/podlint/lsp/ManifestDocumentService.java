package dev.podlint.lsp;

import dev.podlint.config.ConfigLocator;
import dev.podlint.engine.Finding;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} side of the server: opening, changing, saving and closing documents
 * ask for a pass; hovers and code actions answer from the last pass over the document as it is.
 */
final class ManifestDocumentService implements TextDocumentService {
  private final OpenDocuments docs;
  private final Linting linting;
  private final Runnable filesChanged;

  /** @param filesChanged what to do when a file on disk may have changed (saved, closed) */
  ManifestDocumentService(OpenDocuments docs, Linting linting, Runnable filesChanged) {
    this.docs = docs;
    this.linting = linting;
    this.filesChanged = filesChanged;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var d = params.getTextDocument();
    docs.open(d.getUri(), d.getLanguageId(), d.getVersion(), d.getText());
    linting.schedule();
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
    if (changes.isEmpty()) {
      return;
    }
    // full synchronisation: the last change holds the whole text
    docs.change(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
        changes.get(changes.size() - 1).getText());
    linting.schedule();
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    docs.close(uri);
    linting.closed(uri);
    filesChanged.run(); // its text on disk counts again
    linting.schedule();
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    boolean config = DocumentUris.path(params.getTextDocument().getUri())
        .map(p -> ConfigLocator.NAMES.contains(String.valueOf(p.getFileName()))).orElse(false);
    if (config) {
      linting.schedule(); // the configuration is read again when its file changed
    }
    filesChanged.run();
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    Optional<Outcome> o = linting.current(params.getTextDocument().getUri());
    if (o.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Range at = new Range(params.getPosition(), params.getPosition());
    List<Finding> here = o.get().shown().stream()
        .filter(s -> s.finding() != null && CodeActions.meets(s.diagnostic().getRange(), at))
        .map(Outcome.Shown::finding).toList();
    if (here.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.completedFuture(new Hover(new MarkupContent(MarkupKind.MARKDOWN, HoverText.of(here))));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    Optional<Outcome> o = linting.current(params.getTextDocument().getUri());
    if (o.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<org.eclipse.lsp4j.Diagnostic> named = params.getContext() == null || params.getContext().getDiagnostics() == null
        ? List.of() : params.getContext().getDiagnostics();
    return CompletableFuture.completedFuture(CodeActions.of(o.get(), params.getRange(), named).stream()
        .map(Either::<Command, CodeAction>forRight).toList());
  }
}
