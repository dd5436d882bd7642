package dev.podlint.model;

import java.util.List;

/**
 * Where a node sits inside its document, as a list of map keys and sequence indexes. Rendered as
 * {@code spec.template.spec.containers[1].ports[0].containerPort} for people and as an RFC 6901
 * pointer for machines.
 *
 * <p>Equality and hash code depend on the segments only. A path shares its prefix with its parent (every node of a document has one, so copying the
 * prefix would cost the depth per node); the segment list and the dotted form are built on first
 * use and kept.
 */
public final class YPath {
  public static final YPath ROOT = new YPath(null, null, false);
  /**
   * The root of a document in which no node is reached twice (no alias, no merge key): equal to
   * {@link #ROOT}, and it tells walks below it that they need not remember where they have been.
   */
  public static final YPath ROOT_OF_TREE = new YPath(null, null, true);

  private final YPath parent;
  /** The last key ({@link String}) or index ({@link Integer}); null for the root. */
  private final Object segment;
  private final int size;
  private final boolean tree;
  // computed on first use; racy but safe: each is immutable and built the same way by every thread
  private List<Object> segments;
  private String text;
  private int hash;

  private YPath(YPath parent, Object segment, boolean tree) {
    this.parent = parent;
    this.segment = segment;
    this.size = parent == null ? 0 : parent.size + 1;
    this.tree = tree;
  }

  public YPath key(String key) {
    return new YPath(this, key, tree);
  }

  public YPath index(int index) {
    return new YPath(this, index, tree);
  }

  /**
   * Whether the node at this path is known to sit in a plain tree: its document was read from
   * text without anchors, so no node below it is shared (see {@link #ROOT_OF_TREE}). False when
   * unknown.
   */
  public boolean inTree() {
    return tree;
  }

  public List<Object> segments() {
    List<Object> s = segments;
    if (s == null) {
      Object[] all = new Object[size];
      YPath p = this;
      for (int i = size - 1; i >= 0; i--) {
        all[i] = p.segment;
        p = p.parent;
      }
      s = List.of(all);
      segments = s;
    }
    return s;
  }

  public boolean isRoot() {
    return size == 0;
  }

  /** Dotted form: {@code spec.containers[0].name}; keys with dots or brackets are quoted. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = render();
      text = t;
    }
    return t;
  }

  private String render() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments()) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        String k = (String) s;
        if (isPlain(k)) {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(k);
        } else {
          sb.append("[\"").append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    }
    return sb.toString();
  }

  private static boolean isPlain(String k) {
    if (k.isEmpty()) {
      return false;
    }
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i); // a surrogate is neither letter nor digit: such keys are quoted
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** The dotted form for messages, {@code (top level)} for the root. */
  public String describe() {
    return isRoot() ? "(top level)" : toString();
  }

  /** RFC 6901 JSON pointer, e.g. {@code /spec/containers/0/name}. */
  public String toPointer() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments()) {
      sb.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof YPath p) || p.size != size) {
      return false;
    }
    for (YPath a = this, b = p; a != b && a.size > 0; a = a.parent, b = b.parent) {
      if (!a.segment.equals(b.segment)) {
        return false;
      }
    }
    return true;
  }

  /** The hash of {@link #segments()} (as {@link List#hashCode()}). */
  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && size > 0) {
      h = segments().hashCode();
      hash = h;
    }
    return size == 0 ? 1 : h;
  }
}
