package dev.podlint.load;

import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns command-line paths into the list of files to lint. Directories are walked recursively (see
 * {@link Walk}: links followed only inside the directories named, hidden directories below the
 * named one skipped) for {@code .yaml}, {@code .yml} and {@code .json} files. A file named
 * explicitly is linted whatever its extension. {@code -} is standard input. Each file is linted
 * once, however many names reach it (links, a directory named twice): under the first name in
 * sorted order.
 */
public final class Inputs {
  /**
   * The expanded inputs and the paths that could not be read.
   *
   * @param excluded paths named on the command line that the exclusions left out, as given
   * @param notFollowed a note for each symbolic link in a directory walked that leads out of the
   *     directories named, and was therefore not followed
   * @param realPaths the real path (links followed) of each file read from disk, to the name it is
   *     linted under
   */
  public record Expansion(List<SourceFile> files, List<InputProblem> problems, List<String> excluded,
      List<String> notFollowed, Map<Path, String> realPaths) {
    public Expansion(List<SourceFile> files, List<InputProblem> problems) {
      this(files, problems, List.of(), List.of(), Map.of());
    }

    /** The same expansion with only {@code subset} of its files to lint (a shard). */
    public Expansion withFiles(List<SourceFile> subset) {
      return new Expansion(subset, problems, excluded, notFollowed, realPaths);
    }

    /** The same expansion without the file whose real path is {@code real}: it is not read, nor an input. */
    public Expansion without(Path real) {
      String name = realPaths.get(real);
      if (name == null) {
        return this;
      }
      Map<Path, String> rest = new LinkedHashMap<>(realPaths);
      rest.remove(real);
      return new Expansion(files.stream().filter(f -> f.isStdin() || !f.displayName().equals(name)).toList(), problems,
          excluded, notFollowed, Collections.unmodifiableMap(rest));
    }
  }

  private Inputs() {}

  public static boolean isManifestName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  public static Expansion expand(List<String> args, Path workingDir) {
    return expand(args, workingDir, p -> false);
  }

  /**
   * Expands {@code args}, leaving out every file and directory {@code excluded} accepts (it is
   * given absolute, normalized paths); an excluded directory is not entered. Standard input is
   * never excluded.
   */
  public static Expansion expand(List<String> args, Path workingDir, Predicate<Path> excluded) {
    return expand(args, workingDir, excluded, null);
  }

  /** A file to lint and the argument it came from, before files reached twice are dropped. */
  private record Candidate(int arg, SourceFile file, Path real) {}

  /** A directory named on the command line. */
  private record Root(int arg, String shown, Path path, Path real) {}

  /**
   * As {@link #expand(List, Path, Predicate)}, with standard input reported as {@code stdinName}
   * (a path relative to {@code workingDir}, which SARIF makes relative to its source root) when it
   * is not null.
   */
  public static Expansion expand(List<String> args, Path workingDir, Predicate<Path> excluded, String stdinName) {
    List<Candidate> found = new ArrayList<>();
    List<Root> roots = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> paths = args.isEmpty() ? List.of(".") : args;
    for (int i = 0; i < paths.size(); i++) {
      String arg = paths.get(i);
      if (arg.equals("-")) {
        found.add(new Candidate(i, stdinName == null ? new SourceFile(SourceFile.STDIN, null)
            : SourceFile.stdin(stdinName, workingDir.resolve(stdinName).normalize()), null));
        continue;
      }
      Path p;
      try {
        p = workingDir.resolve(arg);
      } catch (InvalidPathException e) {
        problems.add(new InputProblem(arg, FileNames.unusableArgument()));
        continue;
      }
      if (Files.exists(p) && excluded.test(p.toAbsolutePath().normalize())) {
        skipped.add(arg);
        continue;
      }
      if (Files.isDirectory(p)) {
        roots.add(new Root(i, display(arg), p, realPath(p)));
      } else if (Files.isRegularFile(p)) {
        found.add(new Candidate(i, new SourceFile(display(arg), p.normalize()), realPath(p)));
      } else if (Files.exists(p)) {
        problems.add(new InputProblem(arg, "not a regular file or directory"));
      } else {
        problems.add(new InputProblem(arg, "no such file or directory"));
      }
    }
    List<String> notFollowed = new ArrayList<>();
    Walk walk = new Walk(roots.stream().map(Root::real).toList(), excluded, problems, notFollowed);
    // in sorted order, so that a directory reached from two of them is named the same whatever the
    // order of the arguments
    for (Root r : roots.stream().sorted(Comparator.comparing(Root::shown, Walk.ORDER)).toList()) {
      for (Walk.Found f : walk.walk(r.shown, r.path, r.real)) {
        found.add(new Candidate(r.arg, new SourceFile(f.shown(), f.path()), f.real()));
      }
    }
    return once(found, problems, skipped, notFollowed);
  }

  /** Every file once, under its first name in sorted order; in the order of the arguments. */
  private static Expansion once(List<Candidate> found, List<InputProblem> problems, List<String> skipped,
      List<String> notFollowed) {
    Map<Path, String> first = new HashMap<>();
    for (Candidate c : found) {
      if (c.real != null) {
        first.merge(c.real, c.file.displayName(), (a, b) -> Walk.ORDER.compare(a, b) <= 0 ? a : b);
      }
    }
    List<SourceFile> files = new ArrayList<>();
    Map<Path, String> realPaths = new LinkedHashMap<>();
    Set<SourceFile> stdin = new HashSet<>();
    for (Candidate c : found.stream().sorted(Comparator.comparingInt(Candidate::arg)
        .thenComparing(c -> c.file.displayName(), Walk.ORDER)).toList()) {
      if (c.real == null ? stdin.add(c.file)
          : c.file.displayName().equals(first.get(c.real)) && realPaths.putIfAbsent(c.real, first.get(c.real)) == null) {
        files.add(c.file);
      }
    }
    return new Expansion(List.copyOf(files), problems, List.copyOf(skipped), List.copyOf(notFollowed),
        Collections.unmodifiableMap(realPaths));
  }

  /** The real path of an existing file or directory; its absolute, normalized path should that fail. */
  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static String display(String arg) {
    String s = arg.replace('\\', '/');
    while (s.startsWith("./") && s.length() > 2) {
      s = s.substring(2);
    }
    return s;
  }
}
