package dev.podlint.load;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A first reading of a whole file that keeps no tree: where each document lies and a compact
 * handle of each object ({@link FileObjects#compact}), so that the file can then be read again in
 * parts, in parallel, while a pod can still look up a ConfigMap or ServiceAccount further down the
 * file (its document is read again, and the last few such documents are kept).
 */
public final class Survey {
  /** Documents read again for lookups that are kept (a pod's ConfigMap is often next to it). */
  private static final int KEPT = 32;

  private final ManifestText text;
  private int[] starts = new int[16];
  private int[] lines = new int[16];
  private int[] ends = new int[16];
  private int documents;
  private Optional<SyntaxError> error;
  private FileObjects objects;
  private final Map<Integer, List<K8sObject>> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, List<K8sObject>> eldest) {
      return size() > KEPT;
    }
  };

  private Survey(ManifestText text) {
    this.text = text;
  }

  /** Reads every document of {@code text} once. */
  public static Survey of(ManifestText text) {
    Survey s = new Survey(text);
    FileObjects.Builder handles = FileObjects.compact(text.file(), s::objectsOf, new DocumentExtents(text, () -> s.documents, s::extent));
    Reading reading = new Reading(text, true); // handles only: no tree beyond what makes the objects
    for (Document d = reading.next(); d != null; d = reading.next()) {
      s.add(d.extent());
      d.objects().forEach(handles::add);
    }
    s.error = reading.error();
    s.objects = handles.build();
    return s;
  }

  private void add(Extent e) {
    if (documents == starts.length) {
      starts = Arrays.copyOf(starts, documents * 2);
      lines = Arrays.copyOf(lines, documents * 2);
      ends = Arrays.copyOf(ends, documents * 2);
    }
    starts[documents] = e.start();
    lines[documents] = e.line();
    ends[documents] = e.end();
    documents++;
  }

  public ManifestText text() {
    return text;
  }

  /** How many documents were read. */
  public int documents() {
    return documents;
  }

  /** Where reading stopped early, if it did. */
  public Optional<SyntaxError> error() {
    return error;
  }

  /** The file's objects, as handles that read their documents again when asked for their trees. */
  public FileObjects objects() {
    return objects;
  }

  /** Where document {@code index} lies. */
  public Extent extent(int index) {
    return new Extent(starts[index], lines[index], ends[index]);
  }

  /**
   * Reads documents {@code from} (inclusive) to {@code to} (exclusive) again.
   *
   * @throws IllegalStateException when they do not read as they did
   */
  public List<Document> read(int from, int to) {
    List<Document> docs = text.read(extent(from), extent(to - 1), from);
    if (docs.size() != to - from) {
      throw new IllegalStateException("documents " + from + " to " + (to - 1) + " of " + text.file().displayName()
          + " read as " + docs.size() + " the second time");
    }
    return docs;
  }

  private List<K8sObject> objectsOf(int document) {
    synchronized (kept) {
      List<K8sObject> found = kept.get(document);
      if (found != null) {
        return found;
      }
    }
    List<K8sObject> read = read(document, document + 1).get(0).objects();
    synchronized (kept) {
      kept.put(document, read);
    }
    return read;
  }
}
