package dev.podlint.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of a few strings to strings, in the order given, as one array of keys and
 * values: a workload's labels cost a sixth of what a {@code LinkedHashMap} costs, and a run keeps
 * one set of them per workload. Lookups walk the array (label sets are small); keys are not null.
 */
final class SmallMap extends AbstractMap<String, String> {
  /** Keys at even indexes, each followed by its value. */
  private final String[] items;

  /** {@code m}'s entries, in its order, with its strings interned. */
  SmallMap(Map<String, String> m) {
    items = new String[m.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> e : m.entrySet()) {
      items[i++] = SharedValues.intern(e.getKey());
      items[i++] = SharedValues.intern(e.getValue());
    }
  }

  @Override
  public int size() {
    return items.length / 2;
  }

  @Override
  public String get(Object key) {
    for (int i = 0; i < items.length; i += 2) {
      if (items[i].equals(key)) {
        return items[i + 1];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (int i = 0; i < items.length; i += 2) {
      if (items[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < items.length; i += 2) {
      action.accept(items[i], items[i + 1]);
    }
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < items.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= items.length) {
              throw new NoSuchElementException();
            }
            next += 2;
            return new SimpleImmutableEntry<>(items[next - 2], items[next - 1]);
          }
        };
      }

      @Override
      public int size() {
        return items.length / 2;
      }
    };
  }
}
