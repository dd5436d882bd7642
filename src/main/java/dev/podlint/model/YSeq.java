package dev.podlint.model;

import java.util.List;

/** A sequence node. */
public record YSeq(List<YNode> items, Span span, YPath path) implements YNode {
  public YSeq {
    items = List.copyOf(items);
  }

  public int size() {
    return items.size();
  }

  public YNode get(int index) {
    return items.get(index);
  }
}
