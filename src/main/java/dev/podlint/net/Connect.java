package dev.podlint.net;

import dev.podlint.model.ContainerView;
import dev.podlint.model.Span;
import dev.podlint.model.YScalar;

/**
 * A container reaching a port of its own pod: {@code localhost:PORT}, {@code 127.0.0.1:PORT} or
 * {@code [::1]:PORT} in env values, command, args or a mounted configuration file, or a
 * {@code X_HOST=localhost} variable beside {@code X_PORT}.
 *
 * @param seen where; its {@code start} is -1 for a host variable whose port is in another variable
 *     (the whole value names the host)
 */
public record Connect(ContainerView container, int port, Evidence evidence, Seen seen) {
  /** The scalar holding the reference. */
  public YScalar node() {
    return seen.node();
  }

  /** Offset of the reference in the scalar's value, -1 when it is the whole value. */
  public int start() {
    return seen.start();
  }

  public int end() {
    return seen.end();
  }

  /** Whether the scalar sits in the pod's own object, not in a ConfigMap. */
  public boolean inObject() {
    return seen.inObject();
  }

  /** What the scalar is, for messages ({@code env REDIS_URL}). */
  public String source() {
    return seen.source();
  }

  /** The reference as written. */
  public String text() {
    return seen.text();
  }

  /**
   * Whether the reference names only the host, the port being elsewhere ({@code REDIS_HOST=localhost}
   * beside {@code REDIS_PORT}, {@code redis-cli -h localhost -p 6379}): a rewrite replaces the host
   * alone.
   */
  public boolean hostOnly() {
    return !text().endsWith(":" + port);
  }

  public Span span() {
    return seen.span();
  }
}
