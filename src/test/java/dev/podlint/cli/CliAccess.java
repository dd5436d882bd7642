package dev.podlint.cli;

import dev.podlint.model.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What tests outside this package use of its package-private parts. */
public final class CliAccess {
  private CliAccess() {}

  /** {@code podlint advise --apply}'s write of one file that was {@code read} as these bytes. */
  public static int rewrite(Path file, byte[] read, byte[] edited, PrintWriter err) {
    return AdviseCommand.rewrite(new SourceFile(file.getFileName().toString(), file), read, edited, err);
  }

  /** Applies a unified diff strictly (every context and removed line where the hunk says). */
  public static String patch(String before, String diff) {
    return UnifiedDiffTest.patch(before, diff);
  }
}
