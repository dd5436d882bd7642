package dev.podlint.model;

/** How a container runs inside its pod. */
public enum ContainerRole {
  /** An entry of {@code containers}. */
  REGULAR,
  /** An entry of {@code initContainers}: runs alone, to completion, before the regular ones. */
  INIT,
  /** An entry of {@code initContainers} with {@code restartPolicy: Always}: runs beside the others. */
  SIDECAR;

  public String label() {
    return switch (this) {
      case REGULAR -> "container";
      case INIT -> "init container";
      case SIDECAR -> "native sidecar";
    };
  }
}
