package dev.podlint.net;

import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YScalar;

/**
 * Where a fact about a port was seen, for messages and related locations.
 *
 * @param file the file that holds {@code node}: the pod's own, or the file of a ConfigMap it mounts
 * @param node the scalar that says it
 * @param start offset of the fact in the scalar's value (code units), -1 when it is the whole value
 * @param end end offset (exclusive), -1 when it is the whole value
 * @param source what the scalar is, for messages: {@code env PORT}, {@code args --port},
 *     {@code ConfigMap nginx-conf key default.conf}, {@code image redis}
 * @param inObject whether {@code node} belongs to the pod's own object (so it can be rewritten with it)
 * @param via the node of the pod's own object that brings the fact in: {@code node} itself, or for a
 *     ConfigMap the name of the volume mount or of the variable that reads it (where a finding about
 *     the pod can point)
 */
public record Seen(SourceFile file, YScalar node, int start, int end, String source, boolean inObject, YScalar via) {
  /** The fact as written: the part of the value, or the whole value. */
  public String text() {
    return start < 0 ? node.value() : node.value().substring(start, end);
  }

  /**
   * The span of the fact itself when it can be computed (a one-line scalar whose source text is
   * its value, plain or quoted without escapes), else the scalar's span.
   */
  public Span span() {
    return start < 0 ? node.span() : node.subSpan(start, end);
  }
}
