package dev.podlint.cli;

import dev.podlint.load.Inputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files a command is about to write, checked before anything is written or linted: no output
 * may be a file the run reads (named on the command line, found in a directory, or standard input
 * redirected from a file), nor the file of another output, whatever names them. Paths are compared
 * as the files they name: links followed and real paths for files that exist, and for a file still
 * to be made (a dangling link included) the path writing it would create.
 */
final class OutputTargets {
  private final Map<Path, String> inputs = new HashMap<>();
  private final Map<Path, String> claimed = new HashMap<>();

  /** The outputs of a run that reads {@code inputs}. */
  OutputTargets(Inputs.Expansion inputs) {
    this.inputs.putAll(inputs.realPaths());
    if (inputs.files().stream().anyMatch(f -> f.isStdin())) {
      Path stdin = Path.of("/dev/stdin"); // a file given with "< app.yaml" is an input too
      if (Files.isRegularFile(stdin)) {
        this.inputs.putIfAbsent(target(stdin), "standard input");
      }
    }
  }

  /**
   * Claims {@code path} for {@code what} ("the json report", "the proposal").
   *
   * @param shown the path as the user gave it, for the message
   * @throws UserException (a usage error) when the path is an input or claimed already
   */
  void claim(Path path, String shown, String what) {
    Path target = target(path);
    String input = inputs.get(target);
    if (input != null) {
      throw new UserException(ExitCodes.USAGE, "refusing to write " + what + " over input " + input
          + (shown.equals(input) ? "" : " (" + shown + " names it)"));
    }
    String other = claimed.putIfAbsent(target, what);
    if (other != null) {
      throw new UserException(ExitCodes.USAGE, other + " and " + what + " would both be written to " + shown);
    }
  }

  /** What was claimed the file {@code path} names, if anything. */
  Optional<String> claimant(Path path) {
    return Optional.ofNullable(claimed.get(target(path)));
  }

  /**
   * The file {@code path} names for writing: its real path when it exists, else (links followed,
   * also a dangling one) the path it would be created at, with its directory's real path.
   */
  static Path target(Path path) {
    try {
      if (Files.exists(path)) {
        return path.toRealPath();
      }
      Path p = AtomicFile.throughLinks(path);
      Path dir = p.getParent();
      return dir != null && Files.isDirectory(dir) ? dir.toRealPath().resolve(p.getFileName()) : p.normalize();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
