package dev.podlint.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The objects of one file, in file order (an unmodifiable list), with indexes built on first use,
 * so that what a pod looks up in its own file (a ConfigMap it mounts, its ServiceAccount, the
 * Services that select it) costs the size of the answer, not a pass over every object of the file:
 * a file with thousands of objects stays linear.
 */
public final class FileObjects extends AbstractList<K8sObject> implements RandomAccess {
  private static final FileObjects EMPTY = new FileObjects(List.of(), null);
  private static final Object BY_KIND_AND_NAME = new Object();

  private final List<K8sObject> objects;
  private final TextExtents extents;
  private final Map<Object, Object> indexes = new ConcurrentHashMap<>();

  private FileObjects(List<K8sObject> objects, TextExtents extents) {
    this.objects = objects;
    this.extents = extents;
  }

  /** {@code objects} as file objects (a copy, unless it is one already). */
  public static FileObjects of(List<K8sObject> objects) {
    if (objects instanceof FileObjects f) {
      return f;
    }
    return objects.isEmpty() ? EMPTY : new FileObjects(List.copyOf(objects), null);
  }

  /** The objects of a file whose text {@code extents} knows (as the loader gives them). */
  public static FileObjects of(List<K8sObject> objects, TextExtents extents) {
    return new FileObjects(List.copyOf(objects), extents);
  }

  /** Where the nodes of the file's text end, when the file's text is known. */
  public Optional<TextExtents> extents() {
    return Optional.ofNullable(extents);
  }

  @Override
  public K8sObject get(int index) {
    return objects.get(index);
  }

  @Override
  public int size() {
    return objects.size();
  }

  /**
   * Data derived from the objects, built by {@code build} the first time {@code key} (compared
   * with {@code equals}; use a constant) is asked for and kept with the file. {@code build} must
   * be pure: two threads may both run it, and one result is kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T index(Object key, Function<List<K8sObject>, T> build) {
    Object found = indexes.get(key);
    if (found == null) {
      found = build.apply(objects);
      Object raced = indexes.putIfAbsent(key, found);
      if (raced != null) {
        found = raced;
      }
    }
    return (T) found;
  }

  /**
   * The objects of {@code kind} called {@code name}, in file order, from a list that may or may
   * not be file objects (a plain list is searched).
   */
  public static List<K8sObject> named(List<K8sObject> objects, String kind, String name) {
    if (objects instanceof FileObjects f) {
      Map<String, List<K8sObject>> index = f.index(BY_KIND_AND_NAME, FileObjects::byKindAndName);
      return index.getOrDefault(kind + "\u0000" + name, List.of());
    }
    List<K8sObject> out = new ArrayList<>();
    for (K8sObject o : objects) {
      if (o.kind().equals(kind) && name.equals(o.name())) {
        out.add(o);
      }
    }
    return out;
  }

  private static Map<String, List<K8sObject>> byKindAndName(List<K8sObject> objects) {
    Map<String, List<K8sObject>> out = new HashMap<>();
    for (K8sObject o : objects) {
      if (o.name() != null) {
        out.computeIfAbsent(o.kind() + "\u0000" + o.name(), k -> new ArrayList<>(1)).add(o);
      }
    }
    return out;
  }
}
