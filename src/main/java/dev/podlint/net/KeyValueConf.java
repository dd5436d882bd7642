package dev.podlint.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings that say where a server listens, in the common key-value formats (INI, TOML, HCL,
 * properties, YAML): {@code http_port = 3000}, {@code bind_port = "8080"}, {@code server.port=8080},
 * {@code listenPort: 9000}, {@code listen_address = "0.0.0.0:9090"}, {@code bindAddress: 127.0.0.1:8082}.
 * Any setting whose value is a wildcard address ({@code endpoint: 0.0.0.0:4317}) is a listener:
 * nobody connects to the wildcard address. A bare {@code port} is left to the formats that use it
 * that way (see {@link RedisConf}), and an {@code address} only counts with a wildcard or no host
 * ({@code :8080}), because clients have addresses too.
 */
final class KeyValueConf {
  private KeyValueConf() {}

  private static final Pattern SETTING = Pattern.compile(
      "^\\s*[\"']?([A-Za-z][\\w.-]*)[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,#;}]+)");
  private static final Pattern PORT_KEY = Pattern.compile(
      "(^|[._-])(listen|bind|http|https|grpc|server|web|api|admin|metrics|health|status)[._-]?port$"
          + "|^(listen|bind|http|https|grpc|server|web|api|admin|metrics|health|status)Port$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LISTEN_KEY = Pattern.compile("listen|bind", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS_KEY = Pattern.compile("(^|[._-])addr(ess)?$|Addr(ess)?$", Pattern.CASE_INSENSITIVE);

  static void read(String text, TextFacts out) {
    Lines.each(text, (offset, line) -> {
      Matcher m = SETTING.matcher(line);
      if (!m.find()) {
        return;
      }
      String key = m.group(1);
      String value = m.group(2);
      int at = offset + m.start(2);
      boolean primary = !Addresses.auxiliary(key);
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
    });
  }
}
