package dev.podlint.config;

import java.util.List;

/** A configuration that cannot be used, with every problem found in it, in file order. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).toString()
        : problems.size() + " problems, the first: " + problems.get(0), null, false, false);
    this.problems = problems.stream().sorted().toList();
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
