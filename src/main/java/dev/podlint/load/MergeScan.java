package dev.podlint.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Finds where a merge key ({@code <<: *a}) first merges a mapping that is still open around it, its
 * own or an enclosing one: snakeyaml-engine's merging never ends on that (it hung the loader), and
 * the Go YAML reader of Kubernetes refuses such an alias ("anchor value contains itself"). Read from
 * the parser's events, which neither recurse nor expand aliases, and only for text that can hold a
 * merge key. The cut is the start of the document with the problem.
 */
final class MergeScan {
  /** The tag snakeyaml-engine reads {@code <<} as, in its long form. */
  private static final String MERGE_TAG = Tag.MERGE.getValue();

  private MergeScan() {}

  /**
   * Whether {@code text} can hold a merge key: a plain {@code <<}, or a tag that resolves to the
   * merge tag, which is written with the word ({@code !!merge}, {@code !<tag:yaml.org,2002:merge>})
   * or hidden by %-escapes ({@code !!m%65rge}) or a {@code %TAG} handle ({@code !e!rge}), both
   * of which need a {@code %} and a {@code !}.
   */
  static boolean mayMerge(String text) {
    return text.contains("<<") || text.contains("merge") || text.indexOf('%') >= 0 && text.indexOf('!') >= 0;
  }

  /** A collection the parser is inside of. */
  private static final class Frame {
    final boolean mapping;
    final boolean mergeList; // a sequence that is the value of a merge key: its aliases are merged
    boolean open = true;
    boolean atKey = true; // a mapping: whether the next node is a key
    boolean mergeValue; // a mapping: whether the next node is the value of a merge key

    Frame(boolean mapping, boolean mergeList) {
      this.mapping = mapping;
      this.mergeList = mergeList;
    }

    boolean merges() {
      return mapping ? !atKey && mergeValue : mergeList;
    }

    /** A key or value of this mapping is complete. */
    void completed(boolean isMergeKey) {
      if (mapping) {
        mergeValue = atKey && isMergeKey;
        atKey = !atKey;
      }
    }
  }

  /** The first recursive merge of {@code text}, or null. */
  static Cut recursiveMerge(String text) {
    if (!mayMerge(text)) {
      return null;
    }
    ParserImpl parser = new ParserImpl(Settings.MANIFESTS, new StreamReader(Settings.MANIFESTS, text));
    Map<String, Frame> anchors = new HashMap<>(); // the latest node of each anchor: open or not
    Frame closed = new Frame(false, false);
    closed.open = false;
    Deque<Frame> stack = new ArrayDeque<>();
    int docStart = 0;
    // code point index to char index, advanced with the documents (not from the start each time)
    int cpSeen = 0;
    try {
      while (parser.hasNext()) {
        Event e = parser.next();
        Frame parent = stack.peek();
        switch (e.getEventId()) {
          case DocumentStart -> {
            if (e.getStartMark().isPresent()) {
              int cp = e.getStartMark().get().getIndex();
              docStart = text.offsetByCodePoints(docStart, cp - cpSeen);
              cpSeen = cp;
            }
            anchors.clear();
          }
          case MappingStart, SequenceStart -> {
            boolean mapping = e.getEventId() == Event.ID.MappingStart;
            Frame f = new Frame(mapping, !mapping && parent != null && parent.merges());
            ((NodeEvent) e).getAnchor().ifPresent(a -> anchors.put(a.getValue(), f));
            stack.push(f);
          }
          case MappingEnd, SequenceEnd -> {
            stack.pop().open = false;
            if (stack.peek() != null) {
              stack.peek().completed(false);
            }
          }
          case Scalar -> {
            ScalarEvent s = (ScalarEvent) e;
            s.getAnchor().ifPresent(a -> anchors.put(a.getValue(), closed));
            if (parent != null) {
              parent.completed(s.getTag().map(MERGE_TAG::equals).orElse(s.isPlain() && s.getValue().equals("<<")));
            }
          }
          case Alias -> {
            Frame target = anchors.get(((AliasEvent) e).getAlias().getValue());
            if (parent != null && parent.merges() && target != null && target.open && e.getStartMark().isPresent()) {
              return new Cut(docStart, new SyntaxError("a merge key (<<) merges a mapping that contains it",
                  SyntaxErrors.position(e.getStartMark().get())));
            }
            if (parent != null) {
              parent.completed(false);
            }
          }
          default -> { }
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // the composer reports the error; no recursive merge before it
    }
    return null;
  }
}
