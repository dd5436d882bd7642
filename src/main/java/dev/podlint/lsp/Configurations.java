package dev.podlint.lsp;

import dev.podlint.config.ConfigException;
import dev.podlint.config.ConfigFile;
import dev.podlint.config.ConfigLocator;
import dev.podlint.config.ConfigProblem;
import dev.podlint.config.Configuration;
import dev.podlint.engine.CheckFactory;
import dev.podlint.engine.Linter;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of each document: {@code .podlint.yaml} found from the document's directory up
 * (as {@code lint} finds it from the working directory), read once and read again when the file
 * changes (its modification time or size), with the linter it makes. A configuration with
 * problems is not used: the document is linted with podlint's defaults, and the problems are
 * reported.
 */
final class Configurations {
  /**
   * The settings a group of documents is linted with.
   *
   * @param file the configuration file, or empty for none
   * @param problems what is wrong with the file (then the configuration is podlint's defaults)
   */
  record Setup(Optional<Path> file, Configuration configuration, Linter linter, List<ConfigProblem> problems) {}

  /** A file's modification time and size: when either changes, it is read again. */
  private record Stamp(long modified, long size) {
    static Stamp of(Path p) {
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new Stamp(a.lastModifiedTime().toMillis(), a.size());
      } catch (IOException e) {
        return new Stamp(-1, -1);
      }
    }
  }

  private record Loaded(Stamp stamp, Setup setup) {}

  private final CheckFactory checks;
  private final Map<Path, Loaded> byFile = new HashMap<>();
  private Setup none;

  Configurations(CheckFactory checks) {
    this.checks = checks;
  }

  /** The setup for a document in {@code dir}; podlint's defaults for a document without a directory. */
  synchronized Setup forDirectory(Path dir) {
    if (dir == null) {
      return defaults();
    }
    Path file;
    try {
      file = ConfigLocator.find(dir).orElse(null);
    } catch (ConfigException e) {
      return new Setup(Optional.empty(), defaults().configuration(), defaults().linter(), e.problems());
    }
    if (file == null) {
      return defaults();
    }
    Stamp stamp = Stamp.of(file);
    Loaded loaded = byFile.get(file);
    if (loaded == null || !loaded.stamp().equals(stamp)) {
      loaded = new Loaded(stamp, load(file));
      byFile.put(file, loaded);
    }
    return loaded.setup();
  }

  /** Forgets every file read, so that the next question reads them again. */
  synchronized void forget() {
    byFile.clear();
  }

  private Setup defaults() {
    if (none == null) {
      Configuration c = Configuration.none(RuleCatalog.builtin());
      none = new Setup(Optional.empty(), c, linter(c), List.of());
    }
    return none;
  }

  private Setup load(Path file) {
    try {
      ConfigFile read = ConfigFile.read(file, file.getParent());
      List<Path> dirs = read.ruleDirectories();
      RuleCatalog catalog = RuleCatalog.builtin();
      try {
        catalog = dirs.isEmpty() ? catalog : catalog.withDirectories(dirs);
      } catch (RuleFormatException e) {
        return withProblems(file, List.of(new ConfigProblem(String.valueOf(file.getFileName()), null,
            "invalid rule file: " + e.getMessage())));
      }
      Configuration c = read.resolve(catalog, checks);
      return new Setup(Optional.of(file), c, linter(c), List.of());
    } catch (ConfigException e) {
      return withProblems(file, e.problems());
    } catch (IllegalArgumentException e) {
      return withProblems(file, List.of(new ConfigProblem(String.valueOf(file.getFileName()), null,
          String.valueOf(e.getMessage()))));
    }
  }

  private Setup withProblems(Path file, List<ConfigProblem> problems) {
    Setup d = defaults();
    return new Setup(Optional.of(file), d.configuration(), d.linter(), problems);
  }

  private Linter linter(Configuration c) {
    return Linter.withDefaults(c.catalog(), c.options(null, null), checks);
  }
}
