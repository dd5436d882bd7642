package dev.podlint.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The objects of one file, in file order (an unmodifiable list), with indexes built on first use,
 * so that what a pod looks up in its own file (a ConfigMap it mounts, its ServiceAccount, the
 * Services that select it) costs the size of the answer, not a pass over every object of the file:
 * a file with thousands of objects stays linear.
 *
 * <p>A file linted in parts keeps no trees: it holds a compact handle of each object (apiVersion,
 * kind, name, namespace, document and place, see {@link #handle}) and reads an object's document
 * again (from {@link Documents}) when its tree is asked for. {@link #get} always gives the whole
 * object; {@link #handles} is the cheap view for what needs only names.
 *
 * <p>When the file's text is known (as the loader gives a file), {@link #extents} tells where the
 * text of each node ends, for a tool that replaces it.
 */
public final class FileObjects extends AbstractList<K8sObject> implements RandomAccess {
  private static final FileObjects EMPTY = new FileObjects(List.of(), null);
  private static final Object IDENTITIES = new Object();

  /** Reads the objects of one document of the file again, in document order. */
  public interface Documents {
    List<K8sObject> objectsOf(int documentIndex);
  }

  /** The objects, when the file's trees are kept; else null. */
  private final List<K8sObject> objects;
  /** Compact handles, when they are not; else null. */
  private final List<Handle> handles;
  private final SourceFile file;
  private final Documents documents;
  private final TextExtents extents;
  private final Map<Object, Object> indexes = new ConcurrentHashMap<>();

  private FileObjects(List<K8sObject> objects, TextExtents extents) {
    this.objects = objects;
    this.handles = null;
    this.file = null;
    this.documents = null;
    this.extents = extents;
  }

  private FileObjects(SourceFile file, List<Handle> handles, Documents documents, TextExtents extents) {
    this.objects = null;
    this.handles = handles;
    this.file = file;
    this.documents = documents;
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

  /**
   * Collects the handles of a file whose trees are not kept; {@code documents} reads them again,
   * and {@code extents} knows the file's text.
   */
  public static Builder compact(SourceFile file, Documents documents, TextExtents extents) {
    return new Builder(file, documents, extents);
  }

  /** Where the nodes of the file's text end, when the file's text is known. */
  public Optional<TextExtents> extents() {
    return Optional.ofNullable(extents);
  }

  /** The whole object at {@code index} (for a file without trees, its document is read again). */
  @Override
  public K8sObject get(int index) {
    if (objects != null) {
      return objects.get(index);
    }
    Handle h = handles.get(index);
    List<K8sObject> read = documents.objectsOf(h.document);
    int first = index;
    while (first > 0 && handles.get(first - 1).document == h.document) {
      first--;
    }
    K8sObject o = index - first < read.size() ? read.get(index - first) : null;
    if (o == null || !o.kind().equals(h.kind) || !o.root().path().equals(h.path)) {
      throw new IllegalStateException("document " + h.document + " of " + file.displayName()
          + " read differently the second time");
    }
    return o;
  }

  @Override
  public int size() {
    return objects != null ? objects.size() : handles.size();
  }

  /**
   * A handle on the object at {@code index}: the same apiVersion, kind, name, namespace, file,
   * document, root span and path, the Helm template, and an empty tree. The object itself for a
   * file whose trees are kept.
   */
  public K8sObject handle(int index) {
    if (objects != null) {
      return objects.get(index);
    }
    Handle h = handles.get(index);
    return new K8sObject(h.apiVersion, h.kind, h.name, h.namespace,
        new YMap(List.of(), Span.of(h.startLine, h.startColumn, h.endLine, h.endColumn), h.path), file, h.document,
        h.renderedFrom);
  }

  /**
   * The objects of a list as handles, for what needs only their names and places (see
   * {@link #handle}): no document is read again. Other lists as they are.
   */
  public static List<K8sObject> handles(List<K8sObject> objects) {
    if (objects instanceof FileObjects f && f.objects == null) {
      return new AbstractList<>() {
        @Override
        public K8sObject get(int index) {
          return f.handle(index);
        }

        @Override
        public int size() {
          return f.size();
        }
      };
    }
    return objects;
  }

  /**
   * Data derived from the objects, built by {@code build} the first time {@code key} (compared
   * with {@code equals}; use a constant) is asked for and kept with the file. {@code build} must
   * be pure: two threads may both run it, and one result is kept. It gets this list: for a file
   * without trees, prefer {@link #handles} for what needs only names (each {@link #get} reads a
   * document again).
   */
  @SuppressWarnings("unchecked")
  public <T> T index(Object key, Function<List<K8sObject>, T> build) {
    Object found = indexes.get(key);
    if (found == null) {
      found = build.apply(this);
      Object raced = indexes.putIfAbsent(key, found);
      if (raced != null) {
        found = raced;
      }
    }
    return (T) found;
  }

  /**
   * Whether another object of the file has the identity ({@link K8sObject#identity}) of
   * {@code object}, an object of this file.
   */
  public boolean sharesIdentity(K8sObject object) {
    Set<String> shared = index(IDENTITIES, FileObjects::sharedIdentities);
    return shared.contains(object.identity());
  }

  private static Set<String> sharedIdentities(List<K8sObject> objects) {
    Set<String> seen = new HashSet<>();
    Set<String> shared = new HashSet<>();
    for (K8sObject o : handles(objects)) {
      if (!seen.add(o.identity())) {
        shared.add(o.identity());
      }
    }
    return shared;
  }

  /**
   * The objects of {@code kind} called {@code name}, in file order, from a list that may or may
   * not be file objects (a plain list is searched).
   */
  public static List<K8sObject> named(List<K8sObject> objects, String kind, String name) {
    if (objects instanceof FileObjects f) {
      Map<String, int[]> index = f.index(List.of(FileObjects.class, kind), l -> byName(l, kind));
      int[] at = index.get(name);
      if (at == null) {
        return List.of();
      }
      List<K8sObject> out = new ArrayList<>(at.length);
      for (int i : at) {
        out.add(f.get(i));
      }
      return out;
    }
    List<K8sObject> out = new ArrayList<>();
    for (K8sObject o : objects) {
      if (o.kind().equals(kind) && name.equals(o.name())) {
        out.add(o);
      }
    }
    return out;
  }

  /** Where the named objects of {@code kind} are, by name. */
  private static Map<String, int[]> byName(List<K8sObject> objects, String kind) {
    Map<String, int[]> out = new HashMap<>();
    List<K8sObject> all = handles(objects);
    for (int i = 0; i < all.size(); i++) {
      K8sObject o = all.get(i);
      if (o.name() != null && o.kind().equals(kind)) {
        int[] before = out.get(o.name());
        int[] now = before == null ? new int[1] : java.util.Arrays.copyOf(before, before.length + 1);
        now[now.length - 1] = i;
        out.put(o.name(), now);
      }
    }
    return out;
  }

  /** What a file without trees keeps of an object. */
  private record Handle(String apiVersion, String kind, String name, String namespace, int document, YPath path,
      SourceFile renderedFrom, int startLine, int startColumn, int endLine, int endColumn) {}

  /** Collects the handles of a file's objects in file order. */
  public static final class Builder {
    private final SourceFile file;
    private final Documents documents;
    private final TextExtents extents;
    private final List<Handle> handles = new ArrayList<>();
    /** One instance of each apiVersion, kind and namespace: files repeat them. */
    private final Map<String, String> shared = new HashMap<>();

    private Builder(SourceFile file, Documents documents, TextExtents extents) {
      this.file = file;
      this.documents = documents;
      this.extents = extents;
    }

    /** Adds the next object of the file (its tree is not kept). */
    public void add(K8sObject o) {
      Span s = o.root().span();
      handles.add(new Handle(share(o.apiVersion()), share(o.kind()), o.name(), share(o.namespace()),
          o.documentIndex(), o.root().path(), o.renderedFrom(), s.start().line(), s.start().column(), s.end().line(),
          s.end().column()));
    }

    private String share(String s) {
      return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }

    public FileObjects build() {
      return new FileObjects(file, List.copyOf(handles), documents, extents);
    }
  }
}
