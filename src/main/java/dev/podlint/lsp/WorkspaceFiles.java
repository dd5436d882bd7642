package dev.podlint.lsp;

import dev.podlint.config.ConfigLocator;
import dev.podlint.load.FileReads;
import dev.podlint.load.Inputs;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The manifests of the workspace folders on disk, for the cross-object rules: the folders are
 * walked as {@code lint} walks a directory (hidden directories skipped, links followed only inside)
 * when first asked and again after {@link #rescan}; each file is read again when its modification
 * time or size changed. Only files that hold Kubernetes objects are kept, at most
 * {@link #MAX_FILES} files of at most {@link #MAX_FILE_CHARS} chars each, so that a huge folder
 * cannot slow every keystroke down.
 */
final class WorkspaceFiles {
  static final int MAX_FILES = 2_000;
  static final int MAX_FILE_CHARS = 4 << 20;

  private record Read(long modified, long size, String text) {}

  private final List<Path> roots;
  private final Predicate<Path> excluded;
  private List<Path> files;
  private final Map<Path, Read> cache = new HashMap<>();

  /**
   * @param excluded the paths to leave out (given absolute and normalized), besides podlint's own
   *     configuration files
   */
  WorkspaceFiles(List<Path> roots, Predicate<Path> excluded) {
    this.roots = List.copyOf(roots);
    this.excluded = excluded;
  }

  /** The folders' files are walked again at the next question (a file was created or deleted). */
  synchronized void rescan() {
    files = null;
  }

  /** The text of each manifest in the folders that holds Kubernetes objects, by absolute path. */
  synchronized Map<Path, String> manifests(Consumer<String> log) {
    if (files == null) {
      files = walk(log);
    }
    Map<Path, String> out = new LinkedHashMap<>();
    for (Path p : files) {
      String text = read(p);
      if (text != null) {
        out.put(p, text);
      }
    }
    cache.keySet().retainAll(files);
    return out;
  }

  private List<Path> walk(Consumer<String> log) {
    List<Path> found = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      Inputs.Expansion e = Inputs.expand(List.of(root.toString()), root,
          p -> excluded.test(p) || ConfigLocator.NAMES.contains(String.valueOf(p.getFileName())) && !Files.isDirectory(p));
      for (SourceFile f : e.files()) {
        if (f.path() != null) {
          found.add(f.path().toAbsolutePath().normalize());
        }
      }
    }
    if (found.size() > MAX_FILES) {
      log.accept("podlint: the workspace holds " + found.size() + " YAML and JSON files; the cross-object rules see "
          + "only the first " + MAX_FILES + " of them besides the open documents");
      found = new ArrayList<>(found.subList(0, MAX_FILES));
    }
    return found;
  }

  /** The file's text when it holds Kubernetes objects, else null. */
  private String read(Path p) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null;
    }
    Read r = cache.get(p);
    if (r == null || r.modified() != a.lastModifiedTime().toMillis() || r.size() != a.size()) {
      String text = null;
      if (a.isRegularFile() && a.size() <= MAX_FILE_CHARS * 2L) {
        try {
          String t = ManifestLoader.decodeText(FileReads.read(p, FileReads.MANIFEST_LIMIT));
          text = t.length() <= MAX_FILE_CHARS && KubernetesText.holdsObjects(t) ? t : null;
        } catch (IOException | RuntimeException | StackOverflowError e) {
          text = null; // unreadable or undecodable (or a bug): not seen, as if it were absent
        }
      }
      r = new Read(a.lastModifiedTime().toMillis(), a.size(), text);
      cache.put(p, r);
    }
    return r.text();
  }
}
