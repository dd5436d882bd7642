package dev.podlint.advise;

import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies model nodes into values {@link YamlWriter} writes (maps, lists and the original scalars,
 * which keep their types), with the values of some scalars replaced: the rewritten
 * {@code localhost} references of one workload.
 */
final class NodeCopy {
  static final NodeCopy PLAIN = new NodeCopy(new IdentityHashMap<>());

  private final Map<YScalar, String> rewrites;

  /** {@code rewrites} is keyed by identity and read, never changed. */
  NodeCopy(IdentityHashMap<YScalar, String> rewrites) {
    this.rewrites = rewrites;
  }

  /** The entries that count (the last of a key given twice), in order; empty for null. */
  Map<String, Object> map(YMap m) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (m != null) {
      for (YMap.Entry e : m.effectiveEntries()) {
        out.put(e.key().value(), copy(e.value()));
      }
    }
    return out;
  }

  Object copy(YNode n) {
    if (n instanceof YMap m) {
      return map(m);
    }
    if (n instanceof YSeq s) {
      List<Object> out = new ArrayList<>();
      s.items().forEach(i -> out.add(copy(i)));
      return out;
    }
    YScalar s = (YScalar) n;
    String r = rewrites.get(s);
    return r != null ? r : s;
  }

  /** The entries of {@code m} whose values are scalars, as text (labels, selectors); empty for null. */
  static Map<String, String> strings(YMap m) {
    Map<String, String> out = new LinkedHashMap<>();
    if (m != null) {
      for (YMap.Entry e : m.effectiveEntries()) {
        if (e.value() instanceof YScalar s && !s.isNull()) {
          out.put(e.key().value(), s.value());
        }
      }
    }
    return out;
  }

  /** A writer value as text: a scalar's value, a string, or a number; null for anything else. */
  static String text(Object v) {
    Object u = v instanceof YamlWriter.Commented c ? c.value() : v;
    if (u instanceof YScalar s) {
      return s.isNull() ? null : s.value();
    }
    return u instanceof String || u instanceof Number ? String.valueOf(u) : null;
  }
}
