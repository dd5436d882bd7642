package dev.podlint.engine;

import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes the cross-object inventory keeps of a part of a run, as bytes: each node's kind,
 * scalar value and tag (an index into the part's strings, which are interned), its span (lines as
 * differences, a byte or two each) and its path (left out where it follows from the parent's, as
 * it nearly always does). A node kept as objects costs some 70 bytes for a scalar and more for a
 * collection; packed, a dozen. Nodes are {@link #put put} while a part is checked, on its thread,
 * and read back with {@link #get} (a copy equal to the original, made anew on each call) by the
 * cross-object rules once the part is {@link #seal sealed}. A node put twice (an alias, or a node a
 * summary keeps that lies inside a tree kept whole) is written once; reading it back gives one
 * copy per {@link #get} call, so an alias inside a tree stays one node there.
 */
final class PackedNodes {
  /** The number {@link #put} gives for null, and {@link #get} takes for it. */
  static final int NONE = -1;

  private static final int SCALAR = 0;
  private static final int MAP = 1;
  private static final int SEQ = 2;
  private static final int SEEN = 3;
  /** The node's path is its parent's with its key or index (or, for a key, the map's). */
  private static final int DERIVED = 4;
  /** The node is reached again (an alias, or {@link #put} again): a reader reads it once. */
  private static final int AGAIN = 0x40;
  /** In {@link #written}: a node put at the top, whose span and path need no parent. */
  private static final int TOP = Integer.MIN_VALUE;
  private static final YScalar.Type[] TYPES = YScalar.Type.values();

  private byte[] bytes = new byte[256];
  private int size;
  private String[] strings = new String[16];
  private int stringCount;
  /** While the part is checked: the index of each string and the offset of each node written. */
  private Map<String, Integer> stringIndex = new HashMap<>();
  private Map<YNode, int[]> written = new IdentityHashMap<>();

  /** Writes {@code n} and everything below it; returns where it is, or {@link #NONE} for null. */
  int put(YNode n) {
    if (n == null) {
      return NONE;
    }
    int[] first = written.get(n);
    if (first != null && first[1] == TOP) {
      return first[0]; // read back alone as it is
    }
    int at = size;
    write(n, null, 0);
    return at;
  }

  /**
   * Writes each of {@code list} (none null), one after the other; returns where the first is, for
   * {@link #getAll}. One number stands for the whole list.
   */
  int putAll(List<? extends YNode> list) {
    int at = size;
    for (YNode n : list) {
      write(n, null, 0);
    }
    return at;
  }

  /** Gives up what only writing needs and trims the bytes: the part is done. Idempotent. */
  void seal() {
    if (written != null) {
      bytes = Arrays.copyOf(bytes, size);
      strings = Arrays.copyOf(strings, stringCount);
      written = null;
      stringIndex = null;
    }
  }

  /** A copy of the node written at {@code at}, equal to the one put; null for {@link #NONE}. */
  YNode get(int at) {
    if (at == NONE) {
      return null;
    }
    return new Reader(at).node(null, 0);
  }

  /** Copies of the {@code count} nodes {@link #putAll written together} at {@code at}. */
  List<YNode> getAll(int at, int count) {
    Reader r = new Reader(at);
    List<YNode> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(r.node(null, 0));
    }
    return out;
  }

  /** The span of the node written at {@code at}, without reading the rest of it; null for {@link #NONE}. */
  Span span(int at) {
    if (at == NONE) {
      return null;
    }
    Reader r = new Reader(at);
    int header = r.bytes[r.pos++] & 0xff;
    if ((header & 3) != SEEN) {
      return r.span(0);
    }
    int first = r.varint();
    int line = r.varint();
    r.pos = first + 1;
    return r.span(line);
  }

  /** The path of the node written at {@code at} by {@link #put}, without reading the rest of it. */
  YPath path(int at) {
    Reader r = new Reader(at);
    int header = r.bytes[r.pos++] & 0xff;
    if ((header & 3) == SEEN) {
      r.varint();
      r.varint();
    } else {
      r.span(0); // a node put alone has its own path
    }
    return r.path();
  }

  // ---- writing ----

  /** {@code expected} is the path {@code n} has when it follows from its parent's (null at the top). */
  private void write(YNode n, YPath expected, int baseLine) {
    int[] seen = written.get(n);
    if (seen != null) {
      bytes[seen[0]] |= AGAIN;
      writeByte(SEEN);
      writeVarint(seen[0]);
      writeVarint(seen[1] == TOP ? 0 : seen[1]);
      writePath(n.path());
      return;
    }
    written.put(n, new int[] {size, expected == null ? TOP : baseLine});
    boolean derived = expected != null && expected.equals(n.path()) && expected.inTree() == n.path().inTree();
    int flags = derived ? DERIVED : 0;
    if (n instanceof YScalar s) {
      writeByte(SCALAR | flags | s.type().ordinal() << 3);
      writeSpan(s.span(), baseLine);
      if (!derived) {
        writePath(s.path());
      }
      writeVarint(string(s.value()) << 3 | (s.quoted() ? 4 : 0) | (s.ambiguous() ? 2 : 0) | (s.tag() != null ? 1 : 0));
      if (s.tag() != null) {
        writeVarint(string(s.tag()));
      }
    } else if (n instanceof YMap m) {
      writeByte(MAP | flags);
      writeSpan(m.span(), baseLine);
      if (!derived) {
        writePath(m.path());
      }
      writeVarint(m.entries().size());
      int line = m.span().start().line();
      for (YMap.Entry e : m.entries()) {
        write(e.key(), m.path(), line);
        write(e.value(), m.path().key(e.key().value()), line);
      }
    } else {
      YSeq q = (YSeq) n;
      writeByte(SEQ | flags);
      writeSpan(q.span(), baseLine);
      if (!derived) {
        writePath(q.path());
      }
      writeVarint(q.size());
      int line = q.span().start().line();
      for (int i = 0; i < q.size(); i++) {
        write(q.get(i), q.path().index(i), line);
      }
    }
  }

  private void writeSpan(Span s, int baseLine) {
    int line = s.start().line();
    int delta = line - baseLine;
    writeVarint(delta << 1 ^ delta >> 31);
    writeVarint(s.start().column());
    writeVarint(s.end().line() - line);
    writeVarint(s.end().column());
  }

  private void writePath(YPath p) {
    List<Object> segments = p.segments();
    writeVarint(segments.size() << 1 | (p.inTree() ? 1 : 0));
    for (Object s : segments) {
      writeVarint(s instanceof Integer i ? i << 1 | 1 : string((String) s) << 1);
    }
  }

  private int string(String s) {
    Integer known = stringIndex.get(s);
    if (known != null) {
      return known;
    }
    if (stringCount == strings.length) {
      strings = Arrays.copyOf(strings, stringCount * 2);
    }
    strings[stringCount] = SharedValues.intern(s);
    stringIndex.put(s, stringCount);
    return stringCount++;
  }

  private void writeByte(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, size * 2);
    }
    bytes[size++] = (byte) b;
  }

  private void writeVarint(int v) {
    while ((v & ~0x7f) != 0) {
      writeByte(v & 0x7f | 0x80);
      v >>>= 7;
    }
    writeByte(v);
  }

  // ---- reading ----

  /** Reads one node written at an offset, with the nodes it reached twice read once. */
  private final class Reader {
    final byte[] bytes = PackedNodes.this.bytes;
    int pos;
    private Map<Integer, YNode> read;

    Reader(int pos) {
      this.pos = pos;
    }

    YNode node(YPath expected, int baseLine) {
      int start = pos;
      int header = bytes[pos++] & 0xff;
      int kind = header & 3;
      if (kind == SEEN) {
        int at = varint();
        int line = varint();
        YPath path = path();
        YNode known = read == null ? null : read.get(at);
        if (known != null) {
          return known;
        }
        int back = pos;
        pos = at;
        YNode n = node(path, line);
        pos = back;
        return n;
      }
      Span span = span(baseLine);
      YPath path = (header & DERIVED) != 0 ? expected : path();
      YNode n;
      if (kind == SCALAR) {
        int value = varint();
        String tag = (value & 1) != 0 ? strings[varint()] : null;
        n = new YScalar(strings[value >>> 3], TYPES[header >>> 3 & 7], (value & 4) != 0, (value & 2) != 0, span, path,
            tag);
      } else if (kind == MAP) {
        int count = varint();
        List<YMap.Entry> entries = new ArrayList<>(count);
        int line = span.start().line();
        for (int i = 0; i < count; i++) {
          YScalar key = (YScalar) node(path, line);
          entries.add(new YMap.Entry(key, node(path.key(key.value()), line)));
        }
        n = new YMap(entries, span, path);
      } else {
        int count = varint();
        List<YNode> items = new ArrayList<>(count);
        int line = span.start().line();
        for (int i = 0; i < count; i++) {
          items.add(node(path.index(i), line));
        }
        n = new YSeq(items, span, path);
      }
      if ((header & AGAIN) != 0) {
        if (read == null) {
          read = new HashMap<>();
        }
        read.put(start, n);
      }
      return n;
    }

    Span span(int baseLine) {
      int zigzag = varint();
      int line = baseLine + (zigzag >>> 1 ^ -(zigzag & 1));
      int column = varint();
      int endLine = line + varint();
      return Span.of(line, column, endLine, varint());
    }

    YPath path() {
      int head = varint();
      YPath p = (head & 1) != 0 ? YPath.ROOT_OF_TREE : YPath.ROOT;
      for (int i = 0; i < head >>> 1; i++) {
        int s = varint();
        p = (s & 1) != 0 ? p.index(s >>> 1) : p.key(strings[s >>> 1]);
      }
      return p;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[pos++];
        v |= (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }
  }
}
