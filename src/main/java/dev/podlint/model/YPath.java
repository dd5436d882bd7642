package dev.podlint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a node sits inside its document, as a list of map keys and sequence indexes. Rendered as
 * {@code spec.template.spec.containers[1].ports[0].containerPort} for people and as an RFC 6901
 * pointer for machines.
 */
public final class YPath {
  public static final YPath ROOT = new YPath(List.of());

  private final List<Object> segments;

  private YPath(List<Object> segments) {
    this.segments = segments;
  }

  public YPath key(String key) {
    return append(key);
  }

  public YPath index(int index) {
    return append(index);
  }

  private YPath append(Object segment) {
    List<Object> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(segment);
    return new YPath(Collections.unmodifiableList(next));
  }

  public List<Object> segments() {
    return segments;
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** Dotted form: {@code spec.containers[0].name}; keys with dots or brackets are quoted. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        String k = (String) s;
        boolean plain = !k.isEmpty() && k.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        if (plain) {
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

  /** The dotted form for messages, {@code (top level)} for the root. */
  public String describe() {
    return isRoot() ? "(top level)" : toString();
  }

  /** RFC 6901 JSON pointer, e.g. {@code /spec/containers/0/name}. */
  public String toPointer() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      sb.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof YPath p && p.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
