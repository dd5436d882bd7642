package dev.podlint.net;

import dev.podlint.model.ContainerView;

/**
 * A port a container listens on, or is said to.
 *
 * @param protocol TCP, UDP or SCTP; null when the evidence does not say (a flag, a variable)
 * @param name the port's name when it is a declared one, else null
 * @param primary whether the evidence names the container's main service port, not an auxiliary
 *     one ({@code --metrics-port}, {@code ADMIN_PORT}, a health check listener): a container that
 *     evidently serves elsewhere is judged by its primary ports only
 */
public record Listen(ContainerView container, int port, String protocol, String name, Evidence evidence,
    boolean primary, Seen seen) {
  /** Whether the port may carry TCP (an unknown protocol may). */
  public boolean mayBeTcp() {
    return protocol == null || protocol.equals("TCP");
  }
}
