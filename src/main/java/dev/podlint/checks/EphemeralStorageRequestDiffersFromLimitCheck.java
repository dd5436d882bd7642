package dev.podlint.checks;

import java.util.List;

/** ephemeral-storage-request-differs-from-limit: {@link RequestDiffersFromLimitCheck} for ephemeral storage. */
public final class EphemeralStorageRequestDiffersFromLimitCheck extends RequestDiffersFromLimitCheck {
  public EphemeralStorageRequestDiffersFromLimitCheck() {
    super(List.of("ephemeral-storage"));
  }
}
