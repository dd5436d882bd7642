package dev.podlint.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HAProxy configuration: {@code bind *:80}, {@code bind :8080,:::8080} in a frontend or listen section. */
final class HaproxyConf {
  private HaproxyConf() {}

  private static final Pattern BIND = Pattern.compile("^\\s*bind\\s+(\\S+)");

  static void read(String text, TextFacts out) {
    Lines.values(text, BIND, (address, start) -> {
      int at = start;
      for (String part : address.split(",", -1)) {
        String a = part.startsWith("ipv4@") || part.startsWith("ipv6@") ? part.substring(5) : part;
        int skip = part.length() - a.length();
        Matcher p = Addresses.PORT_SUFFIX.matcher(a);
        if (p.find()) {
          out.listen(at + skip, at + part.length(), Integer.parseInt(p.group(1)), true);
        }
        at += part.length() + 1;
      }
    });
  }
}
