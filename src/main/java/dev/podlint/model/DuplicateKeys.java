package dev.podlint.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The one scan for keys given more than once in a mapping (YAML keeps the last, which hides the
 * first): manifests, configuration files and rule files all report them from here.
 */
public final class DuplicateKeys {
  /** A key of {@code map} given again: {@code key} repeats {@code first}. */
  public record Duplicate(YMap map, YScalar key, YScalar first) {}

  /** What is told of each duplicate. */
  public interface Visitor {
    void duplicate(Duplicate d);
  }

  private DuplicateKeys() {}

  /**
   * Tells {@code visitor} of every repeated key of every mapping below and including {@code root},
   * mapping by mapping in document order ({@link YTree#forEachNode}), each repeat once per mapping.
   */
  public static void forEach(YNode root, Visitor visitor) {
    YTree.forEachNode(root, n -> {
      if (n instanceof YMap m) {
        Map<String, YScalar> seen = new HashMap<>();
        for (YMap.Entry e : m.entries()) {
          YScalar first = seen.putIfAbsent(e.key().value(), e.key());
          if (first != null) {
            visitor.duplicate(new Duplicate(m, e.key(), first));
          }
        }
      }
    });
  }
}
