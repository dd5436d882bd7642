package dev.podlint.advise;

import dev.podlint.model.BoundedRegex;
import dev.podlint.net.Connect;
import dev.podlint.net.Evidence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code localhost} reference is, by the setting that holds it: a configuration file's
 * directive ({@code fastcgi_pass}, nginx {@code proxy_pass} in {@code location /}, an HAProxy or
 * upstream {@code server}), a flag ({@code --upstream}), a variable ({@code HTTP_PROXY}), and the
 * URL path after it ({@code /metrics}). Which names mean what is data ({@link Knowledge.LinkSettings}).
 */
final class Settings {
  private Settings() {}

  private static final Set<String> FASTCGI = Set.of("fastcgi_pass", "uwsgi_pass", "scgi_pass");
  private static final Set<String> PROXY_PASS = Set.of("proxy_pass", "grpc_pass");
  /** The first word of a statement (a directive or a key), after indentation and a list dash. */
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*(?:-\\s+)?[\"']?([A-Za-z_][\\w.-]*)");
  /** {@code env NAME ...}, {@code args --flag}, {@code command -p}: the name of the setting. */
  private static final Pattern SOURCE = Pattern.compile("^(?:env|args|command) (-{0,2}[\\w.-]+)");
  /** The URL path that follows a reference: {@code localhost:80/stub_status}. */
  private static final Pattern PATH = Pattern.compile("^(/[^\\s\"',;]*)");

  /** What {@code m} is, as a link from its container to the one that serves the port. */
  static Link.Kind kind(Connect m, Knowledge.LinkSettings known) {
    String path = pathAfter(m);
    if (m.evidence() == Evidence.CONFIG_FILE) {
      String text = m.node().value();
      String directive = directive(text, m.start());
      if (FASTCGI.contains(directive)) {
        return Link.Kind.FASTCGI;
      }
      if (PROXY_PASS.contains(directive)) {
        String location = NginxBlocks.location(text, m.start());
        return location == null || root(location) ? Link.Kind.FORWARD : Link.Kind.ROUTE;
      }
      if (directive.equals("server") || NginxBlocks.inUpstream(text, m.start())) {
        return Link.Kind.FORWARD; // an nginx upstream's or an HAProxy backend's server
      }
      if (directive.equals("sentinel")) {
        return Link.Kind.READS; // sentinel monitor: watches its server
      }
      return byName(directive, path, known);
    }
    Matcher s = SOURCE.matcher(m.source());
    String name = s.find() ? s.group(1).replaceFirst("^-+", "") : "";
    return byName(name, path, known);
  }

  private static Link.Kind byName(String name, String path, Knowledge.LinkSettings known) {
    if (!name.isEmpty() && find(known.proxy(), name)) {
      return Link.Kind.USES_PROXY;
    }
    if (!name.isEmpty() && find(known.forward(), name)) {
      return Link.Kind.FORWARD;
    }
    if (!name.isEmpty() && find(known.read(), name) || !path.isEmpty() && find(known.readPath(), path)) {
      return Link.Kind.READS;
    }
    return Link.Kind.CALLS;
  }

  private static boolean find(BoundedRegex r, String text) {
    return r != null && r.find(text);
  }

  /** {@code /}, {@code = /}, {@code ^~ /}: the location that takes every request no other one takes. */
  private static boolean root(String location) {
    String p = location.replaceFirst("^(=|\\^~)\\s*", "").strip();
    return p.equals("/");
  }

  /**
   * The first word of the statement of {@code text} that holds {@code offset}: from the start of
   * its line or the last {@code ;}, <code>{</code> or <code>}</code> before it.
   */
  static String directive(String text, int offset) {
    int at = Math.max(0, Math.min(offset, text.length()));
    int start = 0;
    for (char c : new char[] {'\n', ';', '{', '}'}) {
      start = Math.max(start, text.lastIndexOf(c, at - 1) + 1);
    }
    Matcher d = DIRECTIVE.matcher(text.substring(start, at));
    return d.find() ? d.group(1) : "";
  }

  /** The URL path written right after the reference, or empty. */
  private static String pathAfter(Connect m) {
    if (m.start() < 0 || m.end() >= m.node().value().length()) {
      return "";
    }
    Matcher p = PATH.matcher(m.node().value().substring(m.end()));
    return p.find() ? p.group(1) : "";
  }
}
