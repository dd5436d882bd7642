package dev.podlint.model;

/** How a container runs inside its pod. */
public enum ContainerRole {
  /** An entry of {@code containers}. */
  REGULAR,
  /** An entry of {@code initContainers}: runs alone, to completion, before the regular ones. */
  INIT,
  /** An entry of {@code initContainers} with {@code restartPolicy: Always}: runs beside the others. */
  SIDECAR;

  /** The role a rule file names ({@code regular}, {@code init}, {@code sidecar}: the constant's name in lower case). */
  public static java.util.Optional<ContainerRole> parse(String word) {
    for (ContainerRole r : values()) {
      if (r.name().toLowerCase(java.util.Locale.ROOT).equals(word)) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  public String label() {
    return switch (this) {
      case REGULAR -> "container";
      case INIT -> "init container";
      case SIDECAR -> "native sidecar";
    };
  }
}
