package dev.podlint.checks;

/** missing-ephemeral-storage-limit: a container without {@code resources.limits.ephemeral-storage} (see {@link MissingResource}). */
public final class MissingEphemeralStorageLimitCheck extends MissingResource {
  public MissingEphemeralStorageLimitCheck() {
    super("limits", "ephemeral-storage");
  }
}
