package dev.podlint.cli;

import dev.podlint.checks.Checks;
import dev.podlint.lsp.LanguageServerLauncher;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code podlint lsp}: the language server, over standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    description = {
        "Runs podlint as a language server (the Language Server Protocol over standard input and output), for "
            + "editors: diagnostics while you type, explanations on hover, fixes and suppressions as code actions.",
        "",
        "Start it from the editor, not by hand; docs/editors.md shows how for VS Code, Neovim, Emacs, Helix and "
            + "IntelliJ. Messages for people go to the editor's log."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the editor asked the server to shut down, then to exit",
        "1:the editor exited, or closed the connection, without asking it to shut down first"})
public final class LspCommand implements Callable<Integer> {
  private final Main.Env env;

  LspCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    // standard output carries the protocol alone: anything else printed there would break it
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      return LanguageServerLauncher.serve(env.stdin(), protocol, Checks.BUILTIN);
    } finally {
      System.setOut(stdout);
    }
  }
}
