package dev.podlint.load;

import dev.podlint.model.Position;
import dev.podlint.model.TextExtents;
import dev.podlint.model.YNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Where the nodes of a file end, from the text of each node's document alone: a document is
 * scanned when a tool first asks about one of its nodes (the last few kept), so that a file whose
 * documents few questions touch is not scanned whole, and no token of the whole file is held. The
 * answers are those of the whole file's scan: each document is scanned from the start of its first
 * line, with the positions of the file.
 */
final class DocumentExtents implements TextExtents {
  /** Documents whose tokens are kept. */
  private static final int KEPT = 8;

  private final ManifestText text;
  private final IntSupplier documents;
  private final IntFunction<Extent> extent;
  private final Map<Integer, TextExtents> scanned = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, TextExtents> eldest) {
      return size() > KEPT;
    }
  };

  /**
   * @param documents how many documents {@code text} has (asked on each question: a survey adds them as it reads)
   * @param extent where document {@code i} lies
   */
  DocumentExtents(ManifestText text, IntSupplier documents, IntFunction<Extent> extent) {
    this.text = text;
    this.documents = documents;
    this.extent = extent;
  }

  /** The extents of the document {@code node} belongs to. */
  private TextExtents of(YNode node) {
    int d = documentAt(node.span().start().line());
    TextExtents x;
    synchronized (scanned) {
      x = scanned.get(d);
    }
    if (x == null) {
      x = text.extents(extent.apply(d)); // scanned outside the lock, on the first question below
      synchronized (scanned) {
        TextExtents other = scanned.putIfAbsent(d, x);
        if (other != null) {
          x = other;
        }
      }
    }
    return x;
  }

  /**
   * The document a node that starts on {@code line} belongs to: the last one that starts on a
   * line before or at it.
   */
  private int documentAt(int line) {
    int lo = 0;
    int hi = documents.getAsInt(); // first document that starts after the line
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (extent.apply(mid).line() + 1 <= line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Math.max(0, lo - 1);
  }

  @Override
  public Position textEnd(YNode node) {
    return of(node).textEnd(node);
  }

  @Override
  public boolean inFlow(YNode node) {
    return of(node).inFlow(node);
  }

  @Override
  public Optional<Position> entryDash(YNode node) {
    return of(node).entryDash(node);
  }
}
