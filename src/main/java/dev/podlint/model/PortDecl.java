package dev.podlint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a container's {@code ports}. The nodes are kept so that findings point at them.
 *
 * @param node the port's mapping
 * @param containerPort the {@code containerPort} value node, if present
 * @param number the containerPort as a number, if it is an integer
 */
public record PortDecl(
    ContainerView container, YMap node, YScalar containerPort, Long number, String protocol, YScalar nameNode,
    YScalar hostPortNode, Long hostPort, String hostIP) {

  /** Protocol as Kubernetes compares it: TCP when absent. */
  public static String normalizeProtocol(String protocol) {
    return protocol == null || protocol.isBlank() ? "TCP" : protocol.trim().toUpperCase(Locale.ROOT);
  }

  /** Whether {@code n} can be a port number (0 to 65535). */
  public static boolean inRange(long n) {
    return n >= 0 && n <= 65535;
  }

  /** The containerPort as a port number, when it is one (see {@link YScalar#asPort}). */
  public Optional<Integer> port() {
    return Optional.ofNullable(number).filter(PortDecl::inRange).map(Long::intValue);
  }

  public Optional<String> name() {
    return Optional.ofNullable(nameNode).filter(n -> !n.isNull()).map(YScalar::value);
  }

  static PortDecl of(ContainerView container, YMap port) {
    YScalar cp = port.scalar("containerPort").orElse(null);
    Long number = cp == null ? null : cp.asLong().orElse(null);
    String protocol = normalizeProtocol(port.string("protocol").orElse(null));
    YScalar name = port.scalar("name").orElse(null);
    YScalar hp = port.scalar("hostPort").orElse(null);
    Long hostPort = hp == null ? null : hp.asLong().filter(v -> v != 0).orElse(null);
    String hostIP = port.string("hostIP").orElse(null);
    return new PortDecl(container, port, cp, number, protocol, name, hp, hostPort, hostIP);
  }
}
