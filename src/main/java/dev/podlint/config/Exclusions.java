package dev.podlint.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The {@code exclude} patterns of a configuration, relative to its directory. */
public final class Exclusions implements Predicate<Path> {
  /** No exclusions. */
  public static final Exclusions NONE = new Exclusions(null, List.of());

  /**
   * One pattern and where it was written.
   *
   * @param origin {@code file:line:col} of the pattern in the configuration
   */
  public record Exclude(Glob glob, String origin) {}

  private final Path base;
  private final List<Exclude> patterns;

  /** Patterns relative to {@code base} (an absolute directory). */
  public Exclusions(Path base, List<Exclude> patterns) {
    this.base = base == null ? null : base.toAbsolutePath().normalize();
    this.patterns = List.copyOf(patterns);
  }

  public List<Exclude> patterns() {
    return patterns;
  }

  /** The first pattern that excludes {@code path}; paths outside the base directory never match. */
  public Optional<Exclude> match(Path path) {
    if (patterns.isEmpty()) {
      return Optional.empty();
    }
    Path p = path.toAbsolutePath().normalize();
    if (!p.startsWith(base) || p.equals(base)) {
      return Optional.empty();
    }
    String rel = base.relativize(p).toString().replace('\\', '/');
    for (Exclude e : patterns) {
      if (e.glob().matches(rel)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean test(Path path) {
    return match(path).isPresent();
  }
}
