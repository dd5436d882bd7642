package dev.podlint.net;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a container's environment for ports: {@code PORT}-like variables it listens on, URLs and
 * addresses naming {@code localhost}, and {@code X_HOST=localhost} beside {@code X_PORT=6379}.
 * Values come from {@code env} ({@code value}, or {@code valueFrom.configMapKeyRef} of a ConfigMap
 * of the run) and {@code envFrom} ConfigMaps, with the precedence Kubernetes gives them.
 */
final class Environment {
  private Environment() {}

  private static final Pattern LISTEN_ENV = Pattern.compile(
      "^(PORT|SERVER_PORT|HTTP_PORT|HTTPS_PORT|GRPC_PORT|APP_PORT|LISTEN_PORT|WEB_PORT|API_PORT|METRICS_PORT|ADMIN_PORT|"
          + "HEALTH_PORT|MANAGEMENT_PORT|.*_LISTEN_.*|.*_BIND_.*|LISTEN_.*|BIND_.*|.*_LISTEN|.*_BIND)$",
      Pattern.CASE_INSENSITIVE);
  /**
   * Names a program's own settings usually have ({@code GF_SERVER_HTTP_PORT},
   * {@code COLLECTOR_ZIPKIN_HTTP_PORT}), though a client's may too: they say the container may
   * listen there, never where its main port is.
   */
  private static final Pattern MAYBE_LISTEN_ENV = Pattern.compile(
      "^.+_(HTTP|HTTPS|GRPC|SERVER|WEB|API|ADMIN|METRICS|HEALTH|STATUS)_PORT$", Pattern.CASE_INSENSITIVE);
  /** Env names whose URLs are not connections: CORS origins, public and callback URLs, advertised listeners. */
  private static final Pattern NOT_A_CONNECTION = Pattern.compile(
      "(^|_)(ORIGINS?|CORS|ROOT_URL|PUBLIC_URL|EXTERNAL_URL|SITE_URL|BASE_URL|REDIRECT|REDIRECT_URIS?|CALLBACK|"
          + "CALLBACK_URL|ADVERTISED|ADVERTISED_LISTENERS|ALLOWED_HOSTS|ALLOWED_ORIGINS|ADVERTISE_ADDR|"
          + "ADVERTISE_ADDRESS)($|_)",
      Pattern.CASE_INSENSITIVE);
  /** A value that is an address to serve on: {@code :9901}, {@code 0.0.0.0:8080}, {@code [::]:8080}. */
  private static final Pattern WILDCARD = Pattern.compile("^:\\d{1,5}$|(?<![\\w.\\-\\]])(?:0\\.0\\.0\\.0|\\[::\\]):\\d{1,5}(?!\\d)");
  private static final List<String> HOST_SUFFIXES = List.of("_HOST", "_HOSTNAME", "_ADDR", "_ADDRESS", "_SERVER");

  /** One variable as the container sees it. */
  private record Variable(String name, YScalar value, Origin origin) {}

  /**
   * Adds what the environment of {@code c} says to {@code out}; returns the literal values by
   * name, for {@code $(VAR)} in the command line.
   */
  static Map<String, String> read(PodView pod, ContainerView c, Facts out) {
    Map<String, Variable> vars = new LinkedHashMap<>();
    for (YMap from : c.node().maps("envFrom")) {
      Optional<YScalar> via = from.mapAt("configMapRef").flatMap(m -> m.scalar("name")).filter(YScalar::isString);
      Optional<String> cm = via.map(YScalar::value);
      String prefix = from.string("prefix").orElse("");
      Optional<K8sObject> o = cm.flatMap(pod::configMap);
      Optional<YMap> data = o.flatMap(x -> x.root().map("data"));
      if (data.isEmpty()) {
        continue;
      }
      for (YMap.Entry e : data.get().effectiveEntries()) {
        if (e.value() instanceof YScalar v && !v.isNull()) {
          String name = prefix + e.key().value();
          vars.put(name, new Variable(name, v, Origin.configMap(o.get().file(), v,
              "env " + name + " from ConfigMap " + cm.get(), Evidence.ENVIRONMENT, via.get())));
        }
      }
    }
    for (YMap e : c.node().maps("env")) {
      Optional<YScalar> nameNode = e.scalar("name").filter(YScalar::isString);
      Optional<String> name = nameNode.map(YScalar::value);
      if (name.isEmpty()) {
        continue;
      }
      Optional<YScalar> value = e.scalar("value").filter(v -> !v.isNull());
      if (value.isPresent()) {
        vars.put(name.get(), new Variable(name.get(), value.get(), new Origin(pod.object().file(), value.get(),
            "env " + name.get(), Evidence.ENVIRONMENT)));
        continue;
      }
      vars.remove(name.get()); // a valueFrom podlint cannot read (a Secret, a field) replaces what envFrom gave
      Optional<YMap> ref = e.mapAt("valueFrom", "configMapKeyRef");
      Optional<String> cm = ref.flatMap(r -> r.string("name"));
      Optional<String> key = ref.flatMap(r -> r.string("key"));
      if (cm.isEmpty() || key.isEmpty()) {
        continue;
      }
      Optional<K8sObject> o = pod.configMap(cm.get());
      Optional<YScalar> v = o.flatMap(x -> x.root().mapAt("data")).flatMap(d -> d.scalar(key.get()))
          .filter(s -> !s.isNull());
      if (v.isPresent()) {
        vars.put(name.get(), new Variable(name.get(), v.get(), Origin.configMap(o.get().file(), v.get(),
            "env " + name.get() + " from ConfigMap " + cm.get() + " key " + key.get(), Evidence.ENVIRONMENT,
            nameNode.get())));
      }
    }
    Map<String, String> literal = new HashMap<>();
    for (Variable v : vars.values()) {
      literal.put(v.name(), v.value().value());
      boolean named = LISTEN_ENV.matcher(v.name()).matches();
      if (named || WILDCARD.matcher(v.value().value()).find()) {
        // PORT=8080, or an address nobody connects to (ADMIN_ADDR=":9901"), which is no main port
        listens(v, named && !Addresses.auxiliary(v.name()), out);
      } else if (MAYBE_LISTEN_ENV.matcher(v.name()).matches() && Addresses.port(v.value().value()) > 0) {
        listens(v, false, out);
      } else if (!NOT_A_CONNECTION.matcher(v.name()).find()) {
        out.references(v.origin(), v.value().value(), 0);
        hostAndPort(v, vars, out);
      }
    }
    return literal;
  }

  /** A port or listen address in a variable such as {@code PORT} or {@code HTTP_LISTEN_ADDR}. */
  private static void listens(Variable v, boolean primary, Facts out) {
    int n = Addresses.port(v.value().value());
    if (n > 0) {
      out.listen(v.origin(), -1, -1, n, primary);
      return;
    }
    Matcher m = Addresses.LISTEN_ADDRESS.matcher(v.value().value());
    while (m.find()) {
      out.listen(v.origin(), m.start(), m.end(), Integer.parseInt(m.group(1)), primary);
    }
  }

  /** {@code REDIS_HOST=localhost} next to {@code REDIS_PORT=6379}: a connection to 6379. */
  private static void hostAndPort(Variable v, Map<String, Variable> vars, Facts out) {
    if (!Addresses.isLoopback(v.value().value())) {
      return;
    }
    String upper = v.name().toUpperCase(Locale.ROOT);
    for (String suffix : HOST_SUFFIXES) {
      if (upper.endsWith(suffix)) {
        String portVar = v.name().substring(0, v.name().length() - suffix.length()) + "_PORT";
        for (Variable p : new ArrayList<>(vars.values())) {
          if (p.name().equalsIgnoreCase(portVar)) {
            int n = Addresses.port(p.value().value());
            if (n > 0) {
              out.connect(v.origin().as(v.origin().source() + " with " + portVar), -1, -1, n);
            }
          }
        }
        return;
      }
    }
  }
}
