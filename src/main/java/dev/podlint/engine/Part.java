package dev.podlint.engine;

import dev.podlint.model.BoundedRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What linting a part of a file (a run of its documents) gives the in-order half of a run: its
 * findings (hashed, not yet suppressed), the suppressions its objects' annotations hold, its share
 * of the cross-object inventory, and which user patterns ran out of steps.
 */
final class Part {
  /** Its number in the file. */
  final int index;
  /** The patterns that had run out of steps before it (see {@link BoundedRegex#startScope(Set)}). */
  final Set<BoundedRegex> startedWith;
  final List<Finding> findings = new ArrayList<>();
  final List<String> internalErrors = new ArrayList<>();
  Suppressions.FileDirectives annotations;
  Inventory inventory;
  /** The patterns that had run out of steps once it was linted. */
  Set<BoundedRegex> gaveUp;

  Part(int index, Set<BoundedRegex> startedWith) {
    this.index = index;
    this.startedWith = Set.copyOf(startedWith);
    this.gaveUp = this.startedWith;
  }
}
