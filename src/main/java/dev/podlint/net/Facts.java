package dev.podlint.net;

import dev.podlint.model.ContainerView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** What the readers of one container found: the ports it listens on and those it connects to. */
final class Facts {
  final ContainerView container;
  final List<Listen> listens = new ArrayList<>();
  final List<Connect> connects = new ArrayList<>();

  Facts(ContainerView container) {
    this.container = container;
  }

  void listen(Origin o, int start, int end, int port, String protocol, String name, boolean primary) {
    if (Addresses.isPort(port)) {
      listens.add(new Listen(container, port, protocol, name, o.evidence(), primary, o.at(start, end)));
    }
  }

  /** A listener whose protocol the evidence does not say. */
  void listen(Origin o, int start, int end, int port, boolean primary) {
    listen(o, start, end, port, null, null, primary);
  }

  void connect(Origin o, int start, int end, int port) {
    if (Addresses.isPort(port)) {
      connects.add(new Connect(container, port, o.evidence(), o.at(start, end)));
    }
  }

  /**
   * The references in {@code text}, which starts at {@code offset} of the scalar's value:
   * loopback addresses with a port are connections, Cloud SQL proxy's {@code =tcp:PORT} a listener.
   */
  void references(Origin o, String text, int offset) {
    Matcher t = Addresses.TCP_LISTEN.matcher(text);
    while (t.find()) {
      listen(o, offset + t.start(1), offset + t.end(1), Integer.parseInt(t.group(1)), true);
    }
    Matcher m = Addresses.LOOPBACK_PORT.matcher(text);
    while (m.find()) {
      connect(o, offset + m.start(), offset + m.end(), Integer.parseInt(m.group(2)));
    }
  }
}
