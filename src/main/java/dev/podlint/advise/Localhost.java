package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a container talks to the pod's own network namespace: references to
 * {@code localhost:PORT} / {@code 127.0.0.1:PORT} / {@code [::1]:PORT} (a client of a port inside the
 * pod) and the ports it listens on beyond its declared ones (bind and listen flags, {@code PORT}
 * variables, {@code listen} directives in mounted config). Sources: env values, command, args, and
 * the data of ConfigMaps the container mounts or reads when the same file holds them.
 */
public final class Localhost {
  /**
   * One mention of a port inside the pod.
   *
   * @param node the scalar holding it
   * @param start offset of the mention in the scalar's value (code units), -1 when the whole value
   * @param end end offset (exclusive)
   * @param port the port number
   * @param listen true when the container listens on the port, false when it connects to it
   * @param inObject false when the scalar sits in another object (a ConfigMap)
   * @param source where it was found, for messages: {@code env REDIS_URL}, {@code args}, {@code ConfigMap nginx key default.conf}
   */
  public record Mention(ContainerView container, YScalar node, int start, int end, int port, boolean listen,
      boolean inObject, String source) {
    /** The text of the mention as written. */
    public String text() {
      return start < 0 ? node.value() : node.value().substring(start, end);
    }

    /**
     * The span of the mention itself when it can be computed (a one-line scalar whose source
     * text is its value, plain or quoted without escapes), else the scalar's span.
     */
    public Span span() {
      return node.subSpan(start, end);
    }
  }

  static final Pattern HOST_PORT = Pattern.compile(
      "(?<![\\w.-])(localhost|127\\.0\\.0\\.1|\\[::1\\])(?::(\\d{1,5}))(?![\\d])", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_HOST_PORT = Pattern.compile(
      "(?<![\\w.\\-\\]])(?:0\\.0\\.0\\.0|\\[::\\]|localhost|127\\.0\\.0\\.1|\\[::1\\])?:(\\d{1,5})(?![\\d])");
  private static final Pattern FLAG = Pattern.compile("^--?([A-Za-z][\\w.-]*)(?:=(.*))?$", Pattern.DOTALL);
  private static final Pattern LISTEN_FLAG = Pattern.compile("listen|bind", Pattern.CASE_INSENSITIVE);
  private static final Pattern PORT_FLAG = Pattern.compile("(^|[._-])port$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS_FLAG = Pattern.compile("(^|[._-])addr(ess)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLIENT_WORDS = Pattern.compile(
      "upstream|backend|target|remote|proxy|url|endpoint|connect|dial|peer|redis|db|database|mongo|mysql|postgres|kafka|broker|sql|cache|upstream",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LISTEN_ENV = Pattern.compile(
      "^(PORT|SERVER_PORT|HTTP_PORT|HTTPS_PORT|GRPC_PORT|APP_PORT|LISTEN_PORT|METRICS_PORT|ADMIN_PORT|HEALTH_PORT|"
          + ".*_LISTEN_.*|.*_BIND_.*|LISTEN_.*|BIND_.*|.*_LISTEN|.*_BIND)$", Pattern.CASE_INSENSITIVE);
  /** Env names whose URLs are not connections: CORS origins, public and callback URLs, advertised listeners. */
  private static final Pattern NOT_A_CONNECTION = Pattern.compile(
      "(^|_)(ORIGINS?|CORS|ROOT_URL|PUBLIC_URL|EXTERNAL_URL|SITE_URL|BASE_URL|REDIRECT|REDIRECT_URIS?|CALLBACK|"
          + "CALLBACK_URL|ADVERTISED|ADVERTISED_LISTENERS|ALLOWED_HOSTS|ALLOWED_ORIGINS)($|_)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LISTEN_DIRECTIVE = Pattern.compile(
      "(?m)^\\s*listen\\s+(?:[\\w.\\[\\]:*-]*:)?(\\d{1,5})\\b");
  /** Cloud SQL proxy v1 style {@code -instances=project:region:db=tcp:5432}: a local listener. */
  private static final Pattern TCP_LISTEN = Pattern.compile("=tcp:(?:[\\d.]+:)?(\\d{1,5})(?![\\d])");
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,5}$");

  private Localhost() {}

  private static final Object SCAN = new Object();

  /**
   * Every mention of every container of {@code pod}, in container order (an unmodifiable list,
   * computed once per pod view: two rules read it).
   */
  public static List<Mention> scan(PodView pod) {
    return pod.memo(SCAN, () -> {
      List<Mention> out = new ArrayList<>();
      for (ContainerView c : pod.containers()) {
        scan(pod, c, out);
      }
      return List.copyOf(out);
    });
  }

  /** The mentions of one container. */
  public static List<Mention> scan(PodView pod, ContainerView c) {
    List<Mention> out = new ArrayList<>();
    scan(pod, c, out);
    return out;
  }

  private static void scan(PodView pod, ContainerView c, List<Mention> out) {
    YMap node = c.node();
    List<YMap> env = node.maps("env");
    for (YMap e : env) {
      String name = e.string("name").orElse("");
      Optional<YScalar> value = e.scalar("value").filter(v -> !v.isNull());
      if (value.isEmpty()) {
        continue;
      }
      YScalar v = value.get();
      boolean listenVar = LISTEN_ENV.matcher(name).matches();
      if (listenVar) {
        listens(c, v, "env " + name, true, out);
      } else if (NOT_A_CONNECTION.matcher(name).find()) {
        continue; // an origin, public URL or advertised address names a place, it does not connect there
      } else {
        references(c, v, "env " + name, true, out);
        hostPortPair(c, name, v, env, out);
      }
    }
    for (String key : List.of("command", "args")) {
      Optional<YSeq> seq = node.seq(key);
      if (seq.isEmpty()) {
        continue;
      }
      String pendingFlag = null;
      for (YNode item : seq.get().items()) {
        if (!(item instanceof YScalar s) || s.isNull()) {
          pendingFlag = null;
          continue;
        }
        Matcher f = FLAG.matcher(s.value());
        if (f.matches()) {
          String flag = f.group(1);
          if (f.group(2) == null) {
            // `--port 8080` takes the next item as its value; `-c` (sh -c, a script) does not count
            pendingFlag = s.value().startsWith("--") ? flag : null;
            continue;
          }
          flagValue(c, flag, s, f.start(2), key, out);
        } else if (pendingFlag != null) {
          flagValue(c, pendingFlag, s, 0, key, out);
        } else {
          references(c, s, key, true, out);
        }
        pendingFlag = null;
      }
    }
    for (YMap data : configMaps(pod, c)) {
      for (YMap.Entry e : data.effectiveEntries()) {
        if (e.value() instanceof YScalar v && !v.isNull()) {
          String source = "ConfigMap key " + e.key().value();
          references(c, v, source, false, out);
          Matcher m = LISTEN_DIRECTIVE.matcher(v.value());
          while (m.find()) {
            out.add(new Mention(c, v, m.start(1), m.end(1), Integer.parseInt(m.group(1)), true, false, source));
          }
        }
      }
    }
  }

  /** A value of a command-line flag: a listen address, a port to listen on, or text with references. */
  private static void flagValue(ContainerView c, String flag, YScalar s, int from, String source, List<Mention> out) {
    String value = s.value().substring(from);
    boolean client = CLIENT_WORDS.matcher(flag).find();
    if (!client && (LISTEN_FLAG.matcher(flag).find() || PORT_FLAG.matcher(flag).find()
        || ADDRESS_FLAG.matcher(flag).find())) {
      // --metrics-addr=127.0.0.1:8080 binds the loopback interface: a listener, not a client
      if (NUMBER.matcher(value.strip()).matches()) {
        out.add(new Mention(c, s, from, s.value().length(), Integer.parseInt(value.strip()), true, true,
            source + " --" + flag));
        return;
      }
      Matcher m = ANY_HOST_PORT.matcher(value);
      while (m.find()) {
        out.add(new Mention(c, s, from + m.start(), from + m.end(), Integer.parseInt(m.group(1)), true, true,
            source + " --" + flag));
      }
      return;
    }
    references(c, s, source + " --" + flag, true, out);
  }

  /** A listen address or port in a variable such as {@code PORT} or {@code HTTP_LISTEN_ADDR}. */
  private static void listens(ContainerView c, YScalar v, String source, boolean inObject, List<Mention> out) {
    String value = v.value().strip();
    if (NUMBER.matcher(value).matches()) {
      out.add(new Mention(c, v, -1, -1, Integer.parseInt(value), true, inObject, source));
      return;
    }
    Matcher m = ANY_HOST_PORT.matcher(v.value());
    while (m.find()) {
      out.add(new Mention(c, v, m.start(), m.end(), Integer.parseInt(m.group(1)), true, inObject, source));
    }
  }

  private static void references(ContainerView c, YScalar v, String source, boolean inObject, List<Mention> out) {
    Matcher t = TCP_LISTEN.matcher(v.value());
    while (t.find()) {
      out.add(new Mention(c, v, t.start(1), t.end(1), Integer.parseInt(t.group(1)), true, inObject, source));
    }
    Matcher m = HOST_PORT.matcher(v.value());
    while (m.find()) {
      int port = Integer.parseInt(m.group(2));
      if (port > 0 && port <= 65535) {
        out.add(new Mention(c, v, m.start(), m.end(), port, false, inObject, source));
      }
    }
  }

  /** {@code REDIS_HOST=localhost} next to {@code REDIS_PORT=6379}: a reference to 6379. */
  private static void hostPortPair(ContainerView c, String name, YScalar v, List<YMap> env, List<Mention> out) {
    String value = v.value().strip().toLowerCase(Locale.ROOT);
    if (!value.equals("localhost") && !value.equals("127.0.0.1") && !value.equals("::1")) {
      return;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    for (String suffix : List.of("_HOST", "_HOSTNAME", "_ADDR", "_ADDRESS", "_SERVER")) {
      if (upper.endsWith(suffix)) {
        String portVar = name.substring(0, name.length() - suffix.length()) + "_PORT";
        for (YMap e : env) {
          if (e.string("name").filter(portVar::equalsIgnoreCase).isPresent()) {
            Optional<String> p = e.string("value").map(String::strip).filter(s -> NUMBER.matcher(s).matches());
            if (p.isPresent()) {
              out.add(new Mention(c, v, -1, -1, Integer.parseInt(p.get()), false, true,
                  "env " + name + " with " + portVar));
            }
          }
        }
        return;
      }
    }
  }

  /** The data of the ConfigMaps {@code c} mounts or reads through env, when the file holds them. */
  private static List<YMap> configMaps(PodView pod, ContainerView c) {
    List<String> names = new ArrayList<>();
    for (YMap mount : c.node().maps("volumeMounts")) {
      String vol = mount.string("name").orElse(null);
      for (YMap v : pod.spec().maps("volumes")) {
        if (v.string("name").filter(n -> n.equals(vol)).isPresent()) {
          v.mapAt("configMap").flatMap(m -> m.string("name")).ifPresent(names::add);
          for (YMap src : v.mapAt("projected").map(p -> p.maps("sources")).orElse(List.of())) {
            src.mapAt("configMap").flatMap(m -> m.string("name")).ifPresent(names::add);
          }
        }
      }
    }
    for (YMap from : c.node().maps("envFrom")) {
      from.mapAt("configMapRef").flatMap(m -> m.string("name")).ifPresent(names::add);
    }
    List<YMap> out = new ArrayList<>();
    for (String n : names.stream().distinct().toList()) {
      pod.configMapData(n).ifPresent(out::add);
    }
    return out;
  }
}
