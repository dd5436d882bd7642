package dev.podlint.load;

import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Converts one composed document into podlint's immutable tree with 1-based spans; aliases map to
 * the node of their anchor. A document read again from the middle of its file gives the line its
 * text starts on, so that its spans are those of the whole file. Used for the documents
 * {@link EventBuilder} leaves to snakeyaml-engine's composer: merge keys and the documents it
 * refuses (a non-scalar key, an alias it cannot take, collections nested too deeply).
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

  private static YScalar scalar(ScalarNode s, Span span, YPath path) {
    return Scalars.of(s.getValue(), s.getTag(), s.isResolved(), s.isPlain(), span, path);
  }

  private Span span(Node n) {
    return EventBuilder.span(n.getStartMark(), n.getEndMark(), lineOffset);
  }
}
