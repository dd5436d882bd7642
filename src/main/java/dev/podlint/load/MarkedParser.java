package dev.podlint.load;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The parser a composer reads from, noting where the last document started and ended (the
 * composer's nodes do not say), for {@link Extent}s.
 */
final class MarkedParser implements Parser {
  private final Parser parser;
  Mark documentStart;
  Mark documentEnd;

  MarkedParser(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event e = parser.next();
    if (e.getEventId() == Event.ID.DocumentStart) {
      documentStart = mark(e.getStartMark());
    } else if (e.getEventId() == Event.ID.DocumentEnd) {
      documentEnd = mark(e.getEndMark());
    }
    return e;
  }

  private static Mark mark(Optional<Mark> m) {
    return m.orElseThrow(() -> new IllegalStateException("the loader reads with marks"));
  }
}
