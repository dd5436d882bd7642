package dev.podlint.load;

import dev.podlint.model.SourceFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns command-line paths into the list of files to lint. Directories are walked recursively
 * (following links, skipping hidden directories below the given one) for {@code .yaml},
 * {@code .yml} and {@code .json} files, in sorted order. A file named explicitly is linted
 * whatever its extension. {@code -} is standard input.
 */
public final class Inputs {
  /**
   * The expanded inputs and the paths that could not be read.
   *
   * @param excluded paths named on the command line that the exclusions left out, as given
   */
  public record Expansion(List<SourceFile> files, List<InputProblem> problems, List<String> excluded) {
    public Expansion(List<SourceFile> files, List<InputProblem> problems) {
      this(files, problems, List.of());
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

  /**
   * As {@link #expand(List, Path, Predicate)}, with standard input reported as {@code stdinName}
   * (a path relative to {@code workingDir}, which SARIF makes relative to its source root) when it
   * is not null.
   */
  public static Expansion expand(List<String> args, Path workingDir, Predicate<Path> excluded, String stdinName) {
    Set<SourceFile> files = new LinkedHashSet<>();
    List<InputProblem> problems = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> paths = args.isEmpty() ? List.of(".") : args;
    for (String arg : paths) {
      if (arg.equals("-")) {
        files.add(stdinName == null ? new SourceFile(SourceFile.STDIN, null)
            : SourceFile.stdin(stdinName, workingDir.resolve(stdinName).normalize()));
        continue;
      }
      Path p = workingDir.resolve(arg);
      if (Files.exists(p) && excluded.test(p.toAbsolutePath().normalize())) {
        skipped.add(arg);
        continue;
      }
      if (Files.isDirectory(p)) {
        walk(arg, p, files, problems, excluded);
      } else if (Files.isRegularFile(p)) {
        files.add(new SourceFile(display(arg), p.normalize()));
      } else if (Files.exists(p)) {
        problems.add(new InputProblem(arg, "not a regular file or directory"));
      } else {
        problems.add(new InputProblem(arg, "no such file or directory"));
      }
    }
    return new Expansion(List.copyOf(files), problems, List.copyOf(skipped));
  }

  private static String display(String arg) {
    String s = arg.replace('\\', '/');
    while (s.startsWith("./") && s.length() > 2) {
      s = s.substring(2);
    }
    return s;
  }

  private static void walk(String arg, Path dir, Set<SourceFile> files, List<InputProblem> problems,
      Predicate<Path> excluded) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          Path name = d.getFileName();
          if (!d.equals(dir) && name != null && name.toString().startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (!d.equals(dir) && excluded.test(d.toAbsolutePath().normalize())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (excluded.test(f.toAbsolutePath().normalize())) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isRegularFile() && isManifestName(f.getFileName().toString())) {
            found.add(f);
          } else if (attrs.isSymbolicLink() && isManifestName(f.getFileName().toString())) {
            problems.add(new InputProblem(relativeDisplay(arg, dir, f), "broken symbolic link"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          if (excluded.test(f.toAbsolutePath().normalize())) {
            return FileVisitResult.CONTINUE;
          }
          if (e instanceof FileSystemLoopException) {
            return FileVisitResult.CONTINUE; // a symlink loop: every real file is still reached once
          }
          if (isManifestName(f.getFileName() == null ? "" : f.getFileName().toString())
              || Files.isDirectory(f)) {
            problems.add(new InputProblem(relativeDisplay(arg, dir, f), describe(e)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new InputProblem(arg, describe(e)));
    }
    found.sort(null);
    for (Path f : found) {
      files.add(new SourceFile(relativeDisplay(arg, dir, f), f.normalize()));
    }
  }

  private static String relativeDisplay(String arg, Path dir, Path f) {
    String rel = dir.relativize(f).toString().replace('\\', '/');
    String base = display(arg);
    if (base.equals(".") || base.isEmpty()) {
      return rel;
    }
    return base.endsWith("/") ? base + rel : base + "/" + rel;
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
