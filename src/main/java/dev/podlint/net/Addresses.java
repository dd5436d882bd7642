package dev.podlint.net;

import java.util.Locale;
import java.util.regex.Pattern;

/** How ports, addresses and the names of listening settings are written. */
final class Addresses {
  private Addresses() {}

  /** {@code localhost:PORT}, {@code 127.0.0.1:PORT}, {@code [::1]:PORT}: a port of the pod itself. */
  static final Pattern LOOPBACK_PORT = Pattern.compile(
      "(?<![\\w.-])(localhost|127\\.0\\.0\\.1|\\[::1\\])(?::(\\d{1,5}))(?![\\d])", Pattern.CASE_INSENSITIVE);
  /**
   * An address to listen on: {@code :8080}, {@code 0.0.0.0:8080}, {@code [::]:8080},
   * {@code *:8080}, or a loopback host with a port (a listener on the loopback interface).
   */
  static final Pattern LISTEN_ADDRESS = Pattern.compile(
      "(?<![\\w.\\-\\]])(?:0\\.0\\.0\\.0|\\[::\\]|\\*|localhost|127\\.0\\.0\\.1|\\[::1\\])?:(\\d{1,5})(?![\\d])");
  /** An explicit wildcard address with a port, a listener even where it is not a flag's value. */
  static final Pattern WILDCARD_ADDRESS = Pattern.compile(
      "(?<![\\w.\\-\\]])(?:0\\.0\\.0\\.0|\\[::\\]):(\\d{1,5})(?![\\d])");
  /** Cloud SQL proxy v1's {@code -instances=project:region:db=tcp:5432}: a local listener. */
  static final Pattern TCP_LISTEN = Pattern.compile("=tcp:(?:[\\d.]+:)?(\\d{1,5})(?![\\d])");
  /** A port number written at the end of an address ({@code 10.0.0.1:80}). */
  static final Pattern PORT_SUFFIX = Pattern.compile(":(\\d{1,5})$");
  static final Pattern NUMBER = Pattern.compile("^\\d{1,5}$");
  /** Words of a setting's name that make its port an auxiliary one, not the main service port. */
  private static final Pattern AUXILIARY = Pattern.compile(
      "metric|admin|health|probe|debug|pprof|profil|monitor|status|manage|telemetry|stats|prometheus|readiness|"
          + "liveness|diag|introspect|webhook|pubsub|cluster|gossip|peer|replication",
      Pattern.CASE_INSENSITIVE);
  /** Words of a setting's name that make it a place to connect to, not to listen on. */
  static final Pattern CLIENT_WORDS = Pattern.compile(
      "upstream|backend|target|remote|proxy|url|uri|endpoint|connect|dial|peer|redis|db|database|mongo|mysql|"
          + "postgres|kafka|broker|sql|cache|server-address|collector|sink|forward|destination|master|leader|seed",
      Pattern.CASE_INSENSITIVE);

  /** Whether {@code n} is a TCP or UDP port number. */
  static boolean isPort(long n) {
    return n > 0 && n <= 65535;
  }

  /** The number of a whole value that is a port ({@code 8080}, {@code " 8080 "}), or -1. */
  static int port(String value) {
    String v = value.strip();
    if (!NUMBER.matcher(v).matches()) {
      return -1;
    }
    int n = Integer.parseInt(v);
    return isPort(n) ? n : -1;
  }

  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1") || h.equals("[::1]");
  }

  /** Whether a setting called {@code name} is about an auxiliary port (metrics, health, admin...). */
  static boolean auxiliary(String name) {
    return AUXILIARY.matcher(name).find();
  }
}
