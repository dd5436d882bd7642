package dev.podlint.net;

/** How far a fact about a port can be trusted. */
public enum Confidence {
  /** The manifest says so in so many words: a declared port, a {@code --port} flag, a {@code listen} directive. */
  HIGH,
  /** Usually right: a {@code PORT} variable the program is expected to read, an image's default port. */
  MEDIUM,
  /** A hint: somebody expects a listener there (a probe), or a sidecar injected at admission may serve it. */
  LOW
}
