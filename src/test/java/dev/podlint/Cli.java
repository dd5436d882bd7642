package dev.podlint;

import dev.podlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process. */
final class Cli {
  record Run(int code, String out, String err) {}

  private Cli() {}

  static Run run(Path workingDir, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.Env env = new Main.Env(workingDir,
        new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)), Map.of(),
        false);
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(TestSupport.ROOT, null, args);
  }
}
