package dev.podlint.load;

import dev.podlint.model.Position;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Builds podlint's tree of each document straight from snakeyaml-engine's parser events, without
 * composing snakeyaml nodes: the tree, spans and paths {@link Converter} makes of the composed
 * document, aliases mapping to the node of their anchor. A document with what only the composer
 * and the converter decide (a merge key, a key that is not a plain scalar value, an alias of an
 * unknown or still open anchor or over the limit of {@link Settings#MAX_COLLECTION_ALIASES},
 * collections nested {@link ManifestLoader#MAX_DEPTH} deep) is read again from its first event by
 * them, so that its tree, or the error and its position, is theirs.
 *
 * <p>For a survey ({@link Survey}) it can build only what makes a document's objects
 * ({@link DocumentObjects}): the keys of each object, its {@code apiVersion} and {@code kind}, the
 * {@code name} and {@code namespace} of its {@code metadata} and the items of its {@code items};
 * every other value is a placeholder. Its events are read all the same, so the documents, their
 * extents and the errors are those of a full reading.
 */
final class EventBuilder {
  private final MarkedParser parser;
  /** Whether a node may be reached twice (the text has an anchor): see {@link Converter}. */
  private final boolean shared;
  /** Lines before the text the marks count from (0 for a whole file). */
  private final int lineOffset;
  /** The nodes of the current document's anchors, by name: the latest of each, as the composer keeps them. */
  private final Map<Anchor, Anchored> anchors = new HashMap<>();
  /** Aliases of collections in the current document. */
  private int collectionAliases;
  /** Whether only what makes objects is built (never for text with anchors). */
  private final boolean objectsOnly;

  /** Stands for a value that is not built when only objects are. */
  private static final YScalar SKIPPED = new YScalar("", YScalar.Type.STRING, false, false, Span.point(1, 1),
      YPath.ROOT);

  /** What is built of a collection and what is below it. */
  private enum Level {
    /** Everything. */
    FULL,
    /** A mapping that may be an object: its keys; its values by {@link #below}. */
    OBJECT,
    /** An object's metadata: its keys, its name and namespace. */
    METADATA,
    /** An object's items: the objects among them. */
    ITEMS,
    /** Nothing (the events are still read). */
    SKIPPED;

    /** The level of a collection (or whether a scalar is built, when not SKIPPED) that is a value at {@code key}. */
    Level below(String key, boolean mapping) {
      return switch (this) {
        case FULL -> FULL;
        case OBJECT -> switch (key) {
          case "apiVersion", "kind" -> FULL;
          case "metadata" -> mapping ? METADATA : SKIPPED;
          case "items" -> mapping ? SKIPPED : ITEMS;
          default -> SKIPPED;
        };
        case METADATA -> key.equals("name") || key.equals("namespace") ? FULL : SKIPPED;
        case ITEMS -> mapping ? OBJECT : SKIPPED;
        case SKIPPED -> SKIPPED;
      };
    }
  }

  /** An anchored node: a collection is open until its end event. */
  private static final class Anchored {
    final boolean collection;
    YNode node;

    Anchored(boolean collection, YNode node) {
      this.collection = collection;
      this.node = node;
    }
  }

  /** A collection being read. */
  private static final class Open {
    final boolean mapping;
    final Level level;
    final YPath path;
    final Mark start;
    final Anchored anchored;
    final List<YNode> items;
    final List<YMap.Entry> entries;
    /** A mapping's key whose value comes next, or null when a key comes next. */
    YScalar key;

    Open(boolean mapping, Level level, YPath path, Mark start, Anchored anchored) {
      this.mapping = mapping;
      this.level = level;
      this.path = path;
      this.start = start;
      this.anchored = anchored;
      this.items = mapping || level == Level.SKIPPED ? null : new ArrayList<>();
      this.entries = mapping && level != Level.SKIPPED ? new ArrayList<>() : null;
    }

    /** The level of the value that comes next, a collection or not. */
    Level below(boolean mapping) {
      return level == Level.FULL || level == Level.SKIPPED ? level : level.below(this.mapping ? key.value() : null, mapping);
    }

    /** The path of the node that comes next in this collection. */
    YPath next() {
      return mapping ? path.key(key.value()) : path.index(items.size());
    }
  }

  EventBuilder(MarkedParser parser, boolean shared, int lineOffset) {
    this(parser, shared, lineOffset, false);
  }

  /**
   * @param objectsOnly whether to build only what makes objects (ignored when {@code shared}: an
   *     alias may bring any node into an object)
   */
  EventBuilder(MarkedParser parser, boolean shared, int lineOffset, boolean objectsOnly) {
    this.parser = parser;
    this.shared = shared;
    this.lineOffset = lineOffset;
    this.objectsOnly = objectsOnly && !shared;
  }

  /** Whether another document follows (the composer's {@code hasNext}). */
  boolean hasNext() {
    if (parser.checkEvent(Event.ID.StreamStart)) {
      parser.next();
    }
    return !parser.checkEvent(Event.ID.StreamEnd);
  }

  /**
   * The tree of the next document, its events read up to and including its DocumentEnd.
   *
   * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException for text that is not YAML, or a
   *     document the composer refuses
   * @throws TreeProblem for a document that composes but makes no tree
   */
  YNode next() {
    parser.next(); // DocumentStart
    YNode root = document();
    if (root == null) {
      parser.rewind();
      return new Converter(shared, lineOffset).convertRoot(new Composer(Settings.MANIFESTS, parser).next());
    }
    parser.next(); // DocumentEnd
    return root;
  }

  /** The root of the document whose DocumentStart was read, or null to leave the document to the composer. */
  private YNode document() {
    anchors.clear();
    collectionAliases = 0;
    List<Open> stack = new ArrayList<>();
    Open top = null;
    while (true) {
      Event e = parser.next();
      boolean atKey = top != null && top.mapping && top.key == null;
      YNode built;
      switch (e.getEventId()) {
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) e;
          if (top != null && top.level == Level.SKIPPED) {
            if (atKey && (s.getAnchor().isPresent() || mayMerge(s) && Scalars.tag(s).equals(Tag.MERGE))) {
              return null;
            }
            top.key = atKey ? SKIPPED : null;
            continue;
          }
          if (!atKey && (top == null ? objectsOnly : top.below(false) == Level.SKIPPED)) {
            built = SKIPPED;
            break;
          }
          Tag tag = Scalars.tag(s);
          if (atKey) {
            if (s.getAnchor().isPresent() || tag.equals(Tag.MERGE)) {
              return null; // an anchored key becomes a node of its own only where an alias of it is converted
            }
            top.key = Scalars.of(s.getValue(), tag, Scalars.resolved(s), s.isPlain(), span(e.getStartMark(), e.getEndMark()),
                top.path);
            continue;
          }
          built = Scalars.of(s.getValue(), tag, Scalars.resolved(s), s.isPlain(), span(e.getStartMark(), e.getEndMark()),
              top == null ? root() : top.next());
          Optional<Anchor> anchor = s.getAnchor();
          if (anchor.isPresent()) {
            anchors.put(anchor.get(), new Anchored(false, built));
          }
        }
        case Alias -> {
          Anchored a = anchors.get(((AliasEvent) e).getAlias());
          if (atKey || a == null || a.node == null
              || a.collection && ++collectionAliases > Settings.MAX_COLLECTION_ALIASES) {
            return null; // the composer's error, or the converter's recursive alias
          }
          built = a.node;
        }
        case SequenceStart, MappingStart -> {
          if (atKey || stack.size() >= ManifestLoader.MAX_DEPTH) {
            return null;
          }
          Optional<Anchor> anchor = ((NodeEvent) e).getAnchor();
          Anchored anchored = null;
          if (anchor.isPresent()) {
            anchored = new Anchored(true, null);
            anchors.put(anchor.get(), anchored);
          }
          boolean mapping = e.getEventId() == Event.ID.MappingStart;
          Level level = top == null ? objectsOnly ? mapping ? Level.OBJECT : Level.SKIPPED : Level.FULL
              : top.below(mapping);
          YPath path = level == Level.SKIPPED ? null : top == null ? root() : top.next();
          top = new Open(mapping, level, path, e.getStartMark().orElse(null), anchored);
          stack.add(top);
          continue;
        }
        case SequenceEnd, MappingEnd -> {
          Open done = stack.remove(stack.size() - 1);
          top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
          if (done.level == Level.SKIPPED) {
            built = SKIPPED;
          } else {
            Span span = span(Optional.ofNullable(done.start), e.getEndMark());
            built = done.mapping ? new YMap(done.entries, span, done.path) : new YSeq(done.items, span, done.path);
          }
          if (done.anchored != null) {
            done.anchored.node = built;
          }
        }
        default -> throw new IllegalStateException("unexpected event in a document: " + e);
      }
      if (top == null) {
        return built;
      }
      if (top.level == Level.SKIPPED) {
        top.key = null;
      } else if (top.mapping) {
        top.entries.add(new YMap.Entry(top.key, built));
        top.key = null;
      } else {
        top.items.add(built);
      }
    }
  }

  /** Whether a key may be a merge key ({@code <<} resolves to one; a tag may name one). */
  private static boolean mayMerge(ScalarEvent s) {
    return s.getValue().equals("<<") || s.getTag().isPresent();
  }

  private YPath root() {
    return shared ? YPath.ROOT : YPath.ROOT_OF_TREE;
  }

  private Span span(Optional<Mark> s, Optional<Mark> e) {
    return span(s, e, lineOffset);
  }

  /** The span between two marks, in a text that starts after {@code lineOffset} lines. */
  static Span span(Optional<Mark> s, Optional<Mark> e, int lineOffset) {
    Position start = s.isPresent() ? position(s.get(), lineOffset) : new Position(1 + lineOffset, 1);
    Position end = e.isPresent() ? position(e.get(), lineOffset) : start;
    if (end.compareTo(start) < 0) {
      end = start;
    }
    return new Span(start, end);
  }

  private static Position position(Mark m, int lineOffset) {
    return new Position(m.getLine() + 1 + lineOffset, m.getColumn() + 1);
  }
}
