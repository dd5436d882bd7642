package dev.podlint.checks;

import java.util.regex.Pattern;
import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * identical-probes: a container whose livenessProbe and readinessProbe do the same check with the
 * same timings and thresholds, once Kubernetes' defaults are filled in. Regular containers and
 * native sidecars (classic init containers cannot have these probes).
 *
 * <p>Probes are compared as the API server stores them: an absent, null or 0 {@code periodSeconds},
 * {@code timeoutSeconds}, {@code successThreshold} or {@code failureThreshold} is its default (10,
 * 1, 1, 3), an absent {@code initialDelaySeconds} is 0, an absent or empty {@code httpGet.path} is
 * {@code /} and {@code httpGet.scheme} is {@code HTTP}, {@code host} and {@code grpc.service} are
 * empty. A port written {@code 8080} or {@code "8080"} is the same port (the kubelet reads a name
 * that is all digits as the number); a named port and a number are never treated as equal, nor
 * are two probes whose fields cannot be read as Kubernetes reads them (such probes are left to
 * schema-violation). HTTP header names compare case-insensitively and in any order.
 * {@code terminationGracePeriodSeconds} is not compared: readiness probes cannot set it.
 *
 * <p>Reported at the later of the two probe keys, with the earlier one as related location.
 */
public final class IdenticalProbesCheck implements Check.ContainerCheck {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
  private static final String LIVENESS = "livenessProbe";
  private static final String READINESS = "readinessProbe";
  private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "exec", "grpc");
  /** Probe fields with their Kubernetes defaults; 0 also means the default for all but the delay. */
  private static final Map<String, Long> TIMINGS = Map.of(
      "initialDelaySeconds", 0L, "periodSeconds", 10L, "timeoutSeconds", 1L,
      "successThreshold", 1L, "failureThreshold", 3L);
  private static final List<String> TIMING_ORDER = List.of(
      "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold");

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (c.role() == ContainerRole.INIT) {
      return;
    }
    Optional<YMap.Entry> liveness = c.node().entry(LIVENESS);
    Optional<YMap.Entry> readiness = c.node().entry(READINESS);
    if (liveness.isEmpty() || readiness.isEmpty()
        || !(liveness.get().value() instanceof YMap l) || !(readiness.get().value() instanceof YMap r)) {
      return;
    }
    Optional<Canonical> cl = canonical(l);
    Optional<Canonical> cr = canonical(r);
    if (cl.isEmpty() || cr.isEmpty() || !cl.get().key().equals(cr.get().key())) {
      return;
    }
    YScalar lk = liveness.get().key();
    YScalar rk = readiness.get().key();
    boolean livenessLater = lk.span().compareTo(rk.span()) > 0;
    YScalar later = livenessLater ? lk : rk;
    YScalar earlier = livenessLater ? rk : lk;
    out.at(later)
        .arg("container", c.name())
        .arg("check", cl.get().description())
        .arg("probe", later.value())
        .related(earlier, Map.of("earlierProbe", earlier.value()))
        .report();
  }

  /** A probe as the kubelet runs it: a comparable key and a short description of its check. */
  record Canonical(List<String> key, String description) {}

  /** The probe with defaults filled in, or empty when it cannot be compared reliably. */
  static Optional<Canonical> canonical(YMap probe) {
    String handler = null;
    YMap action = null;
    for (String h : HANDLERS) {
      Optional<YNode> v = probe.get(h);
      if (v.isEmpty() || v.get() instanceof YScalar s && s.isNull()) {
        continue;
      }
      if (handler != null || !(v.get() instanceof YMap m)) {
        return Optional.empty(); // two handlers, or one that is not a mapping: invalid, not comparable
      }
      handler = h;
      action = m;
    }
    if (handler == null) {
      return Optional.empty();
    }
    List<String> key = new ArrayList<>();
    key.add(handler);
    String description;
    switch (handler) {
      case "httpGet" -> {
        String scheme = text(action, "scheme", "HTTP");
        String path = text(action, "path", "/");
        Optional<String> port = port(action);
        Optional<List<String>> headers = headers(action);
        if (scheme == null || path == null || port.isEmpty() || headers.isEmpty()) {
          return Optional.empty();
        }
        String host = text(action, "host", "");
        if (host == null) {
          return Optional.empty();
        }
        key.addAll(List.of(scheme, host, path, port.get()));
        key.addAll(headers.get());
        description = (scheme.equals("HTTP") ? "" : scheme + " ") + "GET " + path + " on port " + shown(port.get());
      }
      case "tcpSocket" -> {
        Optional<String> port = port(action);
        String host = text(action, "host", "");
        if (port.isEmpty() || host == null) {
          return Optional.empty();
        }
        key.addAll(List.of(host, port.get()));
        description = "TCP connection to port " + shown(port.get());
      }
      case "grpc" -> {
        Optional<String> port = port(action);
        String service = text(action, "service", "");
        if (port.isEmpty() || service == null) {
          return Optional.empty();
        }
        key.addAll(List.of(service, port.get()));
        description = "gRPC health check on port " + shown(port.get())
            + (service.isEmpty() ? "" : " for service '" + service + "'");
      }
      default -> {
        Optional<List<String>> command = command(action);
        if (command.isEmpty()) {
          return Optional.empty();
        }
        key.add(String.valueOf(command.get().size()));
        key.addAll(command.get());
        String shown = String.join(" ", command.get());
        description = "command `" + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown) + "`";
      }
    }
    for (String field : TIMING_ORDER) {
      Optional<String> v = timing(probe, field);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      key.add(field + "=" + v.get());
    }
    return Optional.of(new Canonical(List.copyOf(key), description));
  }

  /** A string field, its default when absent, null or empty; null when it is not a scalar. */
  private static String text(YMap m, String field, String dflt) {
    Optional<YNode> v = m.get(field);
    if (v.isEmpty()) {
      return dflt;
    }
    if (!(v.get() instanceof YScalar s)) {
      return null;
    }
    return s.isNull() || s.value().isEmpty() ? dflt : s.value();
  }

  /**
   * A port as the kubelet resolves it: {@code n:8080} for a number, written as one or as a quoted
   * all-digit string; {@code name:http} for a port name (never equal to a number).
   */
  private static Optional<String> port(YMap action) {
    Optional<YNode> v = action.get("port");
    if (v.isEmpty() || !(v.get() instanceof YScalar s) || s.isNull()) {
      return Optional.empty();
    }
    Optional<Long> n = s.asLong();
    if (n.isPresent()) {
      return Optional.of("n:" + n.get());
    }
    if (s.isString() && DIGITS.matcher(s.value()).matches()) {
      return Optional.of("n:" + Long.parseLong(s.value()));
    }
    if (s.isString() && !s.value().isEmpty()) {
      return Optional.of("name:" + s.value());
    }
    return Optional.empty();
  }

  private static String shown(String port) {
    return port.substring(port.indexOf(':') + 1);
  }

  /** The items of the list at {@code key}: none when it is absent or null, empty when it is no list. */
  private static Optional<List<YNode>> items(YMap action, String key) {
    Optional<YNode> v = action.get(key);
    if (v.isEmpty() || v.get() instanceof YScalar s && s.isNull()) {
      return Optional.of(List.of());
    }
    return v.get() instanceof YSeq seq ? Optional.of(seq.items()) : Optional.empty();
  }

  /** {@code httpHeaders} as sorted {@code name=value} pairs with lower-case names. */
  private static Optional<List<String>> headers(YMap action) {
    Optional<List<YNode>> items = items(action, "httpHeaders");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (YNode item : items.get()) {
      if (!(item instanceof YMap h)) {
        return Optional.empty();
      }
      String name = text(h, "name", "");
      String value = text(h, "value", "");
      if (name == null || value == null) {
        return Optional.empty();
      }
      out.add("header:" + name.toLowerCase(Locale.ROOT) + "=" + value);
    }
    out.sort(null);
    return Optional.of(out);
  }

  private static Optional<List<String>> command(YMap action) {
    Optional<List<YNode>> items = items(action, "command");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (YNode item : items.get()) {
      if (!(item instanceof YScalar s) || s.isNull()) {
        return Optional.empty();
      }
      out.add(s.value());
    }
    return Optional.of(out);
  }

  /**
   * A timing or threshold as stored by the API server: absent, null and 0 become the default
   * (initialDelaySeconds has default 0 anyway); a value that is not an integer is compared as
   * written (an unrendered template equals only the same template).
   */
  private static Optional<String> timing(YMap probe, String field) {
    long dflt = TIMINGS.get(field);
    Optional<YNode> v = probe.get(field);
    if (v.isEmpty()) {
      return Optional.of(String.valueOf(dflt));
    }
    if (!(v.get() instanceof YScalar s)) {
      return Optional.empty();
    }
    if (s.isNull()) {
      return Optional.of(String.valueOf(dflt));
    }
    Optional<Long> n = s.asLong();
    if (n.isPresent()) {
      return Optional.of(String.valueOf(n.get() == 0 ? dflt : n.get()));
    }
    return Optional.of("text:" + s.value());
  }
}
