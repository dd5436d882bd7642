package dev.podlint.cli;

import dev.podlint.model.EditDistance;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Tells a mistyped command from a path: {@code podlint lnt k8s} means {@code podlint lint k8s},
 * not a lint of a file called {@code lnt}. The first word is taken for a command typo when it
 * names nothing in the working directory, looks like a word (no path separator, no dot) and is
 * close to a command: one edit for words of up to four letters, two for longer ones (a swap of
 * two letters, as in {@code explian}, is two edits).
 */
final class CommandTypos {
  private CommandTypos() {}

  /** The command {@code word} is probably a typo of, if any. */
  static Optional<String> suggestion(String word, Path workingDir, Collection<String> commands) {
    if (word.isEmpty() || word.startsWith("-") || word.contains("/") || word.contains("\\") || word.contains(".")) {
      return Optional.empty();
    }
    try {
      if (Files.exists(workingDir.resolve(word))) {
        return Optional.empty();
      }
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return EditDistance.closest(word, commands, word.length() <= 4 ? 1 : 2);
  }
}
