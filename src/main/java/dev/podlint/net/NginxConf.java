package dev.podlint.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nginx configuration: {@code listen 80;}, {@code listen [::]:8080 default_server;},
 * {@code listen 127.0.0.1:8081;} (its {@code proxy_pass}, {@code fastcgi_pass} and {@code upstream}
 * servers on {@code localhost} are the connections every configuration text is read for).
 */
final class NginxConf {
  private NginxConf() {}

  private static final Pattern LISTEN = Pattern.compile("^\\s*listen\\s+([^\\s;#]+)");

  static void read(String text, TextFacts out) {
    Lines.values(text, LISTEN, (address, at) -> {
      int n = Addresses.port(address);
      if (n > 0) {
        out.listen(at, at + address.length(), n, true);
        return;
      }
      Matcher a = Addresses.LISTEN_ADDRESS.matcher(address);
      if (!address.startsWith("unix:") && a.find() && a.end() == address.length()) {
        out.listen(at + a.start(), at + a.end(), Integer.parseInt(a.group(1)), true);
      } else if (!address.startsWith("unix:")) {
        Matcher host = Addresses.PORT_SUFFIX.matcher(address); // listen 10.0.0.1:80
        if (host.find()) {
          out.listen(at + host.start(1), at + host.end(1), Integer.parseInt(host.group(1)), true);
        }
      }
    });
  }
}
