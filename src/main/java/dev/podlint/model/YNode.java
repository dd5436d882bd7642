package dev.podlint.model;

/**
 * A node of podlint's own immutable YAML tree. Every node knows where it is in the source (span)
 * and in its document (path). Aliased content is shared: an alias yields the anchored node, so it
 * keeps the anchor's span and path.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
  Span span();

  YPath path();

  default YMap asMap() {
    return this instanceof YMap m ? m : null;
  }

  default YSeq asSeq() {
    return this instanceof YSeq s ? s : null;
  }

  default YScalar asScalar() {
    return this instanceof YScalar s ? s : null;
  }
}
