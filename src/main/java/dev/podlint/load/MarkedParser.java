package dev.podlint.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The parser documents are read from: it notes where the last document started and ended (for
 * {@link Extent}s) and keeps the events of the current document so far, so that they can be read
 * once more, from its start, by snakeyaml-engine's composer ({@link #rewind}) when
 * {@link EventBuilder} leaves a document to it.
 */
final class MarkedParser implements Parser {
  private final Parser parser;
  /** The events of the current document, from its DocumentStart on. */
  private final List<Event> events = new ArrayList<>();
  /** The next of {@link #events} to hand out again, or -1 when not rewound. */
  private int replay = -1;
  Mark documentStart;
  Mark documentEnd;

  MarkedParser(Parser parser) {
    this.parser = parser;
  }

  /** A parser of {@code text} with the settings manifests are read with. */
  static MarkedParser of(String text) {
    return new MarkedParser(new ParserImpl(Settings.MANIFESTS, new StreamReader(Settings.MANIFESTS, text)));
  }

  /** Hands out the events of the current document again, from its DocumentStart, then goes on reading. */
  void rewind() {
    replay = 0;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return replaying() ? events.get(replay).getEventId() == choice : parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return replaying() ? events.get(replay) : parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return replaying() || parser.hasNext();
  }

  @Override
  public Event next() {
    if (replaying()) {
      return events.get(replay++);
    }
    replay = -1;
    Event e = parser.next();
    Event.ID id = e.getEventId();
    if (id == Event.ID.DocumentStart) {
      events.clear();
      documentStart = mark(e.getStartMark());
    } else if (id == Event.ID.DocumentEnd) {
      documentEnd = mark(e.getEndMark());
    }
    events.add(e);
    return e;
  }

  private boolean replaying() {
    return replay >= 0 && replay < events.size();
  }

  private static Mark mark(Optional<Mark> m) {
    return m.orElseThrow(() -> new IllegalStateException("the loader reads with marks"));
  }
}
