package dev.podlint.load;

import dev.podlint.model.Position;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Converts one composed document into podlint's immutable tree with 1-based spans; aliases map to
 * the node of their anchor. A document read again from the middle of its file gives the line its
 * text starts on, so that its spans are those of the whole file.
 */
final class Converter {
  static final String TOO_DEEP = "the document nests collections more than " + ManifestLoader.MAX_DEPTH + " deep";

  private final Map<Node, YNode> done = new IdentityHashMap<>();
  private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
  /**
   * Whether a node may be reached twice (an alias, or a merge key that hands out the nodes of the
   * mapping it merges), so that nodes must be recorded. Not without an anchor ({@code &}).
   */
  private final boolean shared;
  /** Lines before the text the marks count from (0 for a whole file). */
  private final int lineOffset;
  private int depth;

  Converter(boolean shared, int lineOffset) {
    this.shared = shared;
    this.lineOffset = lineOffset;
  }

  /** The tree of a document's root node. */
  YNode convertRoot(Node node) {
    return convert(node, shared ? YPath.ROOT : YPath.ROOT_OF_TREE);
  }

  YNode convert(Node node, YPath path) {
    YNode seen = shared ? done.get(node) : null;
    if (seen != null) {
      return seen;
    }
    if (!(node instanceof ScalarNode) && depth >= ManifestLoader.MAX_DEPTH) {
      throw new TreeProblem(TOO_DEEP, span(node).start());
    }
    depth++;
    try {
      return convertNew(node, path);
    } finally {
      depth--;
    }
  }

  private YNode convertNew(Node node, YPath path) {
    if (shared && inProgress.containsKey(node)) {
      throw new TreeProblem("a recursive alias refers to its own anchor", span(node).start());
    }
    if (shared) {
      inProgress.put(node, Boolean.TRUE);
    }
    Span span = span(node);
    YNode result;
    if (node instanceof ScalarNode s) {
      result = scalar(s, span, path);
    } else if (node instanceof SequenceNode seq) {
      // built as arrays and handed over as immutable lists, which the records keep without copying
      YNode[] items = new YNode[seq.getValue().size()];
      int i = 0;
      for (Node item : seq.getValue()) {
        items[i] = convert(item, path.index(i));
        i++;
      }
      result = new YSeq(List.of(items), span, path);
    } else {
      MappingNode map = (MappingNode) node;
      YMap.Entry[] entries = new YMap.Entry[map.getValue().size()];
      int i = 0;
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw new TreeProblem("a mapping key must be a scalar", span(t.getKeyNode()).start());
        }
        YScalar key = scalar(k, span(k), path);
        YNode value = convert(t.getValueNode(), path.key(k.getValue()));
        entries[i++] = new YMap.Entry(key, value);
      }
      result = new YMap(List.of(entries), span, path);
    }
    if (shared) {
      inProgress.remove(node);
      done.put(node, result);
    }
    return result;
  }

  /**
   * Types a scalar as Kubernetes reads it (YAML 1.1, see {@link Yaml11}) and notes whether the
   * YAML 1.2 Core reading (snakeyaml-engine's tag) disagrees. A tag written on the scalar is kept
   * and read as Go's reader reads it: {@code !!str} makes a string of anything, a standard tag
   * ({@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}) types the text as if it were
   * plain, quoted or not (see {@link YScalar#contradictsTag} for a text that does not fit), and
   * any other tag leaves the text a string.
   */
  private static YScalar scalar(ScalarNode s, Span span, YPath path) {
    Tag tag = s.getTag();
    if (!s.isResolved()) {
      return tagged(s, tag, span, path);
    }
    YScalar.Type core;
    if (tag.equals(Tag.INT)) {
      core = YScalar.Type.INT;
    } else if (tag.equals(Tag.FLOAT)) {
      core = YScalar.Type.FLOAT;
    } else if (tag.equals(Tag.BOOL)) {
      core = YScalar.Type.BOOL;
    } else if (tag.equals(Tag.NULL)) {
      core = YScalar.Type.NULL;
    } else {
      core = YScalar.Type.STRING;
    }
    if (!s.isPlain()) {
      return new YScalar(s.getValue(), core, true, false, span, path);
    }
    YScalar.Type kube = Yaml11.resolve(s.getValue());
    boolean ambiguous = kube != core || kube == YScalar.Type.INT && !sameInteger(s.getValue());
    return new YScalar(s.getValue(), kube, false, ambiguous, span, path);
  }

  /** A scalar with a tag written on it ({@code !!int "3"}, {@code !!str 3}, {@code !custom x}). */
  private static YScalar tagged(ScalarNode s, Tag tag, Span span, YPath path) {
    String value = s.getValue();
    String name = tag.getValue().startsWith(Tag.PREFIX) ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
        : tag.getValue();
    YScalar.Type type = YScalar.Type.STRING;
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
      type = Yaml11.resolve(value);
      if (tag.equals(Tag.FLOAT) && type == YScalar.Type.INT) {
        type = YScalar.Type.FLOAT; // Go makes a float64 of it
      }
    }
    // both readers follow the tag; only an octal 0755 still reads differently
    boolean ambiguous = type == YScalar.Type.INT && tag.equals(Tag.INT) && !sameInteger(value);
    return new YScalar(value, type, !s.isPlain(), ambiguous, span, path, name);
  }

  /** Whether YAML 1.2 Core (decimal, 0o, 0x) reads an integer as YAML 1.1 does (0755 is not). */
  private static boolean sameInteger(String v) {
    String digits = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
    return !(digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1)));
  }

  private Span span(Node n) {
    Optional<Mark> s = n.getStartMark();
    Optional<Mark> e = n.getEndMark();
    Position start = s.isPresent() ? position(s.get()) : new Position(1 + lineOffset, 1);
    Position end = e.isPresent() ? position(e.get()) : start;
    if (end.compareTo(start) < 0) {
      end = start;
    }
    return new Span(start, end);
  }

  private Position position(Mark m) {
    return new Position(m.getLine() + 1 + lineOffset, m.getColumn() + 1);
  }
}
