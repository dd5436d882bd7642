package dev.podlint.cli;

import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleFormatException;
import java.nio.file.Path;
import java.util.List;

/** The catalog of a command: podlint's rules plus the user rules of {@code --rules-dir}. */
final class RuleDirs {
  private RuleDirs() {}

  /**
   * podlint's rules and the rule files of {@code dirs} (relative to {@code workingDir}). A rule
   * file that cannot be used is a usage error (exit code 2) listing each problem at its file, line
   * and column.
   */
  static RuleCatalog catalog(List<Path> dirs, Path workingDir) {
    try {
      return RuleCatalog.builtin().withDirectories(dirs, workingDir);
    } catch (RuleFormatException e) {
      throw new UserException(ExitCodes.USAGE, "invalid rule file: " + e.getMessage().replace("\n",
          "\npodlint: invalid rule file: "));
    }
  }
}
