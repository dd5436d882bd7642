package dev.podlint.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy bootstrap configuration (YAML or JSON): each {@code socket_address} with its
 * {@code address} and {@code port_value} is a listener under {@code listeners} (or the
 * {@code admin} interface, an auxiliary one) and a connection under {@code clusters} when its
 * address is the loopback interface.
 */
final class EnvoyConf {
  private EnvoyConf() {}

  private static final Pattern SOCKET = Pattern.compile("\"?socket_address\"?\\s*:");
  private static final Pattern ADDRESS = Pattern.compile("\"?\\baddress\"?\\s*:\\s*[\"']?([^\\s\"',}]+)");
  private static final Pattern PORT = Pattern.compile("\"?\\bport_value\"?\\s*:\\s*[\"']?(\\d{1,5})");
  private static final Pattern SECTION = Pattern.compile("\"?\\b(listeners|clusters|admin)\"?\\s*:");
  /** How far after {@code socket_address} its fields may be. */
  private static final int WINDOW = 400;

  static void read(String text, TextFacts out) {
    if (!text.contains("socket_address")) {
      return;
    }
    Matcher s = SOCKET.matcher(text);
    String section = null;
    Matcher sections = SECTION.matcher(text);
    int sectionsFrom = 0;
    while (s.find()) {
      while (sectionsFrom < s.start() && sections.find(sectionsFrom) && sections.start() < s.start()) {
        section = sections.group(1);
        sectionsFrom = sections.end();
      }
      int end = Math.min(text.length(), s.end() + WINDOW);
      Matcher next = SOCKET.matcher(text).region(s.end(), end);
      if (next.find()) {
        end = next.start();
      }
      Matcher a = ADDRESS.matcher(text).region(s.end(), end);
      Matcher p = PORT.matcher(text).region(s.end(), end);
      if (!a.find() || !p.find() || section == null) {
        continue;
      }
      int port = Integer.parseInt(p.group(1));
      if (section.equals("clusters")) {
        if (Addresses.isLoopback(a.group(1))) {
          out.connect(p.start(1), p.end(1), port);
        }
      } else {
        out.listen(p.start(1), p.end(1), port, section.equals("listeners"));
      }
    }
  }
}
