package dev.podlint.net;

/** Where the readers of configuration text put what they find, as offsets into the text. */
interface TextFacts {
  /** The text listens on {@code port} (written at {@code [start, end)}). */
  void listen(int start, int end, int port, boolean primary);

  /** The text connects to {@code port} of the pod ({@code localhost:PORT} at {@code [start, end)}). */
  void connect(int start, int end, int port);
}
