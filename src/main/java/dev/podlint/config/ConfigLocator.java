package dev.podlint.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the configuration file for a run: {@code .podlint.yaml} (or {@code .podlint.yml}) in the
 * working directory or the nearest parent directory that has one. The search stops at the root of
 * the repository the working directory is in (the first directory, going up, that holds a
 * {@code .git} directory or file), so a file outside the repository never changes how the
 * repository is linted; outside a repository it goes up to the filesystem root.
 */
public final class ConfigLocator {
  /** The file names podlint looks for, in order. */
  public static final List<String> NAMES = List.of(".podlint.yaml", ".podlint.yml");

  private ConfigLocator() {}

  /**
   * The configuration file that applies in {@code workingDir}, if any.
   *
   * @throws ConfigException when one directory holds both names, since it is unclear which one counts
   */
  public static Optional<Path> find(Path workingDir) {
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path yaml = dir.resolve(NAMES.get(0));
      Path yml = dir.resolve(NAMES.get(1));
      boolean hasYaml = isConfigFile(yaml);
      boolean hasYml = isConfigFile(yml);
      if (hasYaml && hasYml) {
        throw new ConfigException(new ConfigProblem(ConfigFile.display(yml, workingDir), null,
            "both " + NAMES.get(0) + " and " + NAMES.get(1) + " exist in " + dir
                + "; keep one of them, since podlint would not know which one counts"));
      }
      if (hasYaml || hasYml) {
        return Optional.of(hasYaml ? yaml : yml);
      }
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.empty(); // the repository root: the search stops here
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code p} is there and not a directory: a link to a FIFO, a device or nowhere is found
   * too, so that reading it reports the problem instead of the configuration being left out quietly.
   */
  private static boolean isConfigFile(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p);
  }
}
