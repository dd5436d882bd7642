package dev.podlint.config;

import dev.podlint.model.Position;

/**
 * One thing wrong with a configuration file.
 *
 * @param file the file as shown to the user
 * @param at where the problem is, or null when it concerns the whole file (it cannot be read)
 * @param message what is wrong, starting with the field when there is one ({@code rules.x: ...})
 */
public record ConfigProblem(String file, Position at, String message) implements Comparable<ConfigProblem> {
  /** Compiler style: {@code .podlint.yaml:4:3: error: rules.x: unknown rule}. */
  @Override
  public String toString() {
    return file + (at == null ? "" : ":" + at) + ": error: " + message;
  }

  @Override
  public int compareTo(ConfigProblem o) {
    if (at == null || o.at == null) {
      return at == null ? (o.at == null ? 0 : -1) : 1;
    }
    return at.compareTo(o.at);
  }
}
