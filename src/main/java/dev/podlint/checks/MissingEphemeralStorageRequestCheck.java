package dev.podlint.checks;

/** missing-ephemeral-storage-request: a container without {@code resources.requests.ephemeral-storage} (see {@link MissingResource}). */
public final class MissingEphemeralStorageRequestCheck extends MissingResource {
  public MissingEphemeralStorageRequestCheck() {
    super("requests", "ephemeral-storage");
  }
}
