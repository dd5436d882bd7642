package dev.podlint.net;

import dev.podlint.model.SourceFile;
import dev.podlint.model.YScalar;

/**
 * A scalar being read for port facts: where it is, what it is, and what kind of evidence what it
 * says is.
 */
record Origin(SourceFile file, YScalar node, String source, boolean inObject, Evidence evidence, YScalar via) {
  /** A scalar of the pod's own object. */
  Origin(SourceFile file, YScalar node, String source, Evidence evidence) {
    this(file, node, source, true, evidence, node);
  }

  /** A scalar of a ConfigMap that the pod reads through {@code via}. */
  static Origin configMap(SourceFile file, YScalar node, String source, Evidence evidence, YScalar via) {
    return new Origin(file, node, source, false, evidence, via);
  }

  Seen at(int start, int end) {
    return new Seen(file, node, start, end, source, inObject, via);
  }

  Seen whole() {
    return at(-1, -1);
  }

  /** The same scalar described otherwise ({@code args --port}). */
  Origin as(String otherSource) {
    return new Origin(file, node, otherSource, inObject, evidence, via);
  }
}
