package dev.podlint.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks the directories named on the command line for manifests ({@code .yaml}, {@code .yml},
 * {@code .json}), names sorted at every level, skipping hidden directories below the one named.
 * A symbolic link is followed only when its target lies inside a directory named on the command
 * line; one that leads out is not followed and noted. A directory reached by several names is
 * walked once, under the first of them in sorted order (the walk's order), so link loops end.
 * Whatever cannot be read (a directory that cannot be listed, an entry whose attributes cannot be
 * read, such as one deeper than the system's path limit) is an input problem, never skipped quietly.
 */
final class Walk {
  /** A manifest found: the name shown, the path it is read by, and its real path. */
  record Found(String shown, Path path, Path real) {}

  /** A directory to list. */
  private record Dir(String shown, Path path, Path real) {}

  /** Sorts names as the walk meets them: by path component, a directory before what it holds. */
  static final Comparator<String> ORDER = (a, b) -> {
    String[] x = a.split("/");
    String[] y = b.split("/");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  private final List<Path> roots;
  private final Predicate<Path> excluded;
  private final List<InputProblem> problems;
  private final List<String> notFollowed;
  private final Set<Path> walked = new HashSet<>();

  /**
   * @param roots the real paths of every directory named on the command line
   * @param excluded what the exclusions leave out (given absolute, normalized paths)
   */
  Walk(List<Path> roots, Predicate<Path> excluded, List<InputProblem> problems, List<String> notFollowed) {
    this.roots = roots;
    this.excluded = excluded;
    this.problems = problems;
    this.notFollowed = notFollowed;
  }

  /** The manifests under {@code dir}, named from {@code shown} ("." names them from the directory). */
  List<Found> walk(String shown, Path dir, Path real) {
    List<Found> found = new ArrayList<>();
    Deque<Dir> stack = new ArrayDeque<>();
    stack.push(new Dir(shown, dir, real));
    while (!stack.isEmpty()) {
      Dir d = stack.pop();
      if (!walked.add(d.real)) {
        continue; // a loop, or reached under an earlier name
      }
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(d.path)) {
        s.forEach(entries::add);
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        IOException cause = e instanceof IOException io ? io : ((java.nio.file.DirectoryIteratorException) e).getCause();
        problems.add(new InputProblem(d.shown, FileReads.reason(cause)));
        continue;
      }
      entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
      List<Dir> below = new ArrayList<>();
      for (Path e : entries) {
        visit(d, e, found, below);
      }
      for (int i = below.size() - 1; i >= 0; i--) {
        stack.push(below.get(i));
      }
    }
    return found;
  }

  private void visit(Dir d, Path e, List<Found> found, List<Dir> below) {
    String name = e.getFileName().toString();
    String shown = shownPrefix(d) + name;
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException x) {
      return; // removed since the directory was listed
    } catch (IOException x) {
      problems.add(new InputProblem(shown, FileReads.reason(x))); // e.g. "File name too long"
      return;
    }
    Path real = d.real.resolve(e.getFileName()); // the name's bytes, whatever the locale made of them
    boolean link = a.isSymbolicLink();
    if (link) {
      try {
        real = e.toRealPath();
        a = Files.readAttributes(e, BasicFileAttributes.class);
      } catch (IOException x) {
        if (Inputs.isManifestName(name)) {
          problems.add(new InputProblem(shown, "broken symbolic link"
              + (x instanceof NoSuchFileException ? "" : " (" + FileReads.reason(x) + ")")));
        }
        return;
      }
    }
    boolean directory = a.isDirectory();
    if (directory ? name.startsWith(".") : !Inputs.isManifestName(name)) {
      return;
    }
    if (excluded.test(e.toAbsolutePath().normalize())) {
      return;
    }
    if (FileNames.undecodable(e)) {
      problems.add(new InputProblem(shownPrefix(d) + FileNames.realName(e), FileNames.undecodableProblem()));
      return;
    }
    if (link && roots.stream().noneMatch(real::startsWith)) {
      notFollowed.add("not following " + shown + ": it links out of the directories named, to " + real);
      return;
    }
    if (directory) {
      below.add(new Dir(shown, e, real));
    } else if (a.isRegularFile()) {
      found.add(new Found(shown, e.normalize(), real));
    } else {
      problems.add(new InputProblem(shown, "not a regular file (a pipe, a device or a socket)"));
    }
  }

  private static String shownPrefix(Dir d) {
    return d.shown.equals(".") || d.shown.isEmpty() ? "" : d.shown.endsWith("/") ? d.shown : d.shown + "/";
  }
}
