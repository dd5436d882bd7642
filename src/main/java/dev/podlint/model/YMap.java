package dev.podlint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mapping node. Entries keep their source order and duplicate keys (for lookups the last one
 * wins; see {@link #get}). Keys are scalars; non-scalar keys are rejected by the loader.
 */
public record YMap(List<Entry> entries, Span span, YPath path) implements YNode {
  /** One key/value pair. */
  public record Entry(YScalar key, YNode value) {}

  public YMap {
    entries = List.copyOf(entries);
  }

  /**
   * The value of {@code key}. When a key is given twice, the LAST one wins, as with the Go YAML
   * decoder the API server uses via sigs.k8s.io/yaml.
   */
  public Optional<YNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  public Optional<Entry> entry(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      if (e.key().value().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The entries that count: one per key, the last one given, in the order the keys first appear.
   */
  public List<Entry> effectiveEntries() {
    if (!hasDuplicateKeys()) {
      return entries; // nearly always
    }
    java.util.LinkedHashMap<String, Entry> last = new java.util.LinkedHashMap<>();
    for (Entry e : entries) {
      last.merge(e.key().value(), e, (a, b) -> b);
    }
    return List.copyOf(last.values());
  }

  private boolean hasDuplicateKeys() {
    int n = entries.size();
    if (n > 16) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Entry e : entries) {
        if (!seen.add(e.key().value())) {
          return true;
        }
      }
      return false;
    }
    for (int i = 1; i < n; i++) {
      String k = entries.get(i).key().value();
      for (int j = 0; j < i; j++) {
        if (k.equals(entries.get(j).key().value())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The key node of {@code key}, for reporting at a key. */
  public Optional<YScalar> keyNode(String key) {
    return entry(key).map(Entry::key);
  }

  public Optional<YMap> map(String key) {
    return get(key).map(YNode::asMap);
  }

  public Optional<YSeq> seq(String key) {
    return get(key).map(YNode::asSeq);
  }

  public Optional<YScalar> scalar(String key) {
    return get(key).map(YNode::asScalar);
  }

  /** The text of a non-null scalar value at {@code key}. */
  public Optional<String> string(String key) {
    return scalar(key).filter(s -> !s.isNull()).map(YScalar::value);
  }

  /** Follows a chain of map keys. */
  public Optional<YMap> mapAt(String... keys) {
    YMap cur = this;
    for (String k : keys) {
      Optional<YMap> next = cur.map(k);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      cur = next.get();
    }
    return Optional.of(cur);
  }

  /** Maps inside the sequence at {@code key}; non-map items are skipped. */
  public List<YMap> maps(String key) {
    List<YMap> out = new ArrayList<>();
    seq(key).ifPresent(s -> s.items().forEach(n -> {
      if (n instanceof YMap m) {
        out.add(m);
      }
    }));
    return out;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
