package dev.podlint.net;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings that say where a server listens, in the common key-value formats (INI, TOML, HCL,
 * properties, YAML): {@code http_port = 3000}, {@code bind_port = "8080"}, {@code server.port=8080},
 * {@code listenPort: 9000}, {@code listen_address = "0.0.0.0:9090"}, {@code bindAddress: 127.0.0.1:8082}.
 * Any setting whose value is a wildcard address ({@code endpoint: 0.0.0.0:4317}) is a listener:
 * nobody connects to the wildcard address. A bare {@code port} is left to the formats that use it
 * that way (see {@link RedisConf}), and an {@code address} only counts with a wildcard or no host
 * ({@code :8080}), because clients have addresses too. A setting inside a section whose name is
 * auxiliary ({@code metrics:}, {@code health_checks {}) is an auxiliary listener.
 */
final class KeyValueConf {
  private KeyValueConf() {}

  private static final Pattern SETTING = Pattern.compile(
      "^(\\s*)[\"']?([A-Za-z][\\w.-]*)[\"']?\\s*(?:=|:(?=\\s|$))\\s*[\"']?([^\"'\\s,#;}]*)");
  /** A line that opens a section: {@code metrics:}, {@code health_checks {}, {@code [server]}. */
  private static final Pattern SECTION = Pattern.compile("^(\\s*)(?:\\[\\s*)?[\"']?([A-Za-z][\\w.-]*)[\"']?\\s*(?::|\\{|\\])\\s*$");
  private static final Pattern PORT_KEY = Pattern.compile(
      "(^|[._-])(listen|bind|http|https|grpc|server|web|api|admin|metrics|health|status)[._-]?port$"
          + "|^(listen|bind|http|https|grpc|server|web|api|admin|metrics|health|status)Port$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LISTEN_KEY = Pattern.compile("listen|bind", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS_KEY = Pattern.compile("(^|[._-])addr(ess)?$|Addr(ess)?$", Pattern.CASE_INSENSITIVE);

  /** An open section: its indentation and whether its name is auxiliary. */
  private record Section(int indent, boolean auxiliary) {}

  static void read(String text, TextFacts out) {
    Deque<Section> sections = new ArrayDeque<>();
    Lines.each(text, (offset, line) -> {
      if (line.isBlank()) {
        return;
      }
      int indent = line.length() - line.stripLeading().length();
      while (!sections.isEmpty() && sections.peek().indent() >= indent && !line.strip().startsWith("}")) {
        sections.pop();
      }
      if (line.strip().startsWith("}") || line.strip().startsWith("[")) {
        sections.clear(); // the end of a block (or a new INI section) at this depth: keep it simple
      }
      Matcher s = SECTION.matcher(line);
      if (s.find()) {
        boolean outer = !sections.isEmpty() && sections.peek().auxiliary();
        sections.push(new Section(indent, outer || Addresses.auxiliary(s.group(2))));
        return;
      }
      Matcher m = SETTING.matcher(line);
      if (!m.find() || m.group(3).isEmpty()) {
        return;
      }
      String key = m.group(2);
      String value = m.group(3);
      int at = offset + m.start(3);
      boolean primary = !Addresses.auxiliary(key) && (sections.isEmpty() || !sections.peek().auxiliary());
      setting(key, value, at, primary, out);
    });
  }

  private static void setting(String key, String value, int at, boolean primary, TextFacts out) {
    if (PORT_KEY.matcher(key).find() && !Addresses.CLIENT_WORDS.matcher(key).find()) {
      int n = Addresses.port(value);
      if (n > 0) {
        out.listen(at, at + value.length(), n, primary);
      }
      return;
    }
    Matcher wildcard = Addresses.WILDCARD_ADDRESS.matcher(value);
    if (wildcard.find()) {
      // endpoint: 0.0.0.0:4317 -- nobody connects to the wildcard address, a server binds it
      out.listen(at + wildcard.start(), at + wildcard.end(), Integer.parseInt(wildcard.group(1)), primary);
      return;
    }
    boolean listenKey = LISTEN_KEY.matcher(key).find();
    int bare = Addresses.port(value);
    if (listenKey && bare > 0) {
      out.listen(at, at + value.length(), bare, primary); // listen: 8080
      return;
    }
    if (!listenKey && !(ADDRESS_KEY.matcher(key).find() && !Addresses.CLIENT_WORDS.matcher(key).find())) {
      return;
    }
    Matcher a = Addresses.LISTEN_ADDRESS.matcher(value);
    if (a.find() && (listenKey || !Addresses.LOOPBACK_PORT.matcher(value).find())) {
      out.listen(at + a.start(), at + a.end(), Integer.parseInt(a.group(1)), primary);
    }
  }
}
