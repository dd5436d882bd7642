package dev.podlint.lsp;

import java.util.function.Consumer;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The {@code workspace/*} side of the server: new settings (the level shown, the debounce time)
 * and files changed on disk (manifests the cross-object rules see, configuration files) ask for a
 * pass.
 */
final class ManifestWorkspaceService implements WorkspaceService {
  private final Linting linting;
  private final Runnable filesChanged;
  private final Consumer<String> log;

  ManifestWorkspaceService(Linting linting, Runnable filesChanged, Consumer<String> log) {
    this.linting = linting;
    this.filesChanged = filesChanged;
    this.log = log;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    linting.settings(ClientSettings.read(params.getSettings(), linting.settings(), log));
    linting.schedule();
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    filesChanged.run();
    linting.schedule();
  }
}
