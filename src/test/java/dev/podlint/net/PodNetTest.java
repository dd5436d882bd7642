package dev.podlint.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the networking model reads as listening and connecting, with which evidence, and where. */
class PodNetTest {
  static final NetKnowledge KNOWLEDGE = NetKnowledge.of(RuleCatalog.builtin().get(NetKnowledge.RULE));

  static PodView pod(String yaml) {
    var loaded = new ManifestLoader().loadText(new SourceFile("t.yaml", null), yaml);
    org.junit.jupiter.api.Assertions.assertTrue(loaded.error().isEmpty(), () -> loaded.error().get().toString());
    return PodView.of(loaded.objects().get(loaded.objects().size() - 1), loaded.objects()).orElseThrow();
  }

  static List<String> describe(PodView pod) {
    PodNet net = PodNet.of(pod, KNOWLEDGE);
    List<String> out = new ArrayList<>();
    for (ContainerNet c : net.containers()) {
      for (Listen l : c.listens()) {
        out.add(c.container().name() + " listens " + l.port() + (l.protocol() == null ? "" : "/" + l.protocol())
            + " " + l.evidence() + (l.primary() ? "" : " aux") + " at " + l.seen().span().start() + "-"
            + l.seen().span().end().column() + " (" + l.seen().source() + ")");
      }
      for (Connect m : c.connects()) {
        out.add(c.container().name() + " connects " + m.port() + " at " + m.span().start() + "-"
            + m.span().end().column() + " (" + m.source() + ")");
      }
    }
    return out;
  }

  @Test
  void referencesAndListenersInEnvArgsCommandAndConfigMaps() {
    PodView pod = pod("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: conf
        data:
          nginx.conf: |
            listen 8081;
            proxy_pass http://127.0.0.1:8090;
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: a
              env:
                - name: URL
                  value: "redis://localhost:6379/0"
                - name: PORT
                  value: "8080"
                - name: DB_HOST
                  value: localhost
                - name: DB_PORT
                  value: "5432"
              args: [--metrics-bind-address=127.0.0.1:9090, "--upstream=http://[::1]:7000/", --port, "7001"]
              command: ["sh", "-c", "wait-for localhost:5000 && run"]
              volumeMounts:
                - name: conf
                  mountPath: /etc/nginx
            - name: b
              command: ["/cloud_sql_proxy", "-instances=p:r:db=tcp:3306"]
          volumes:
            - name: conf
              configMap:
                name: conf
        """);
    assertEquals(List.of(
        "a listens 9090 ARGUMENT aux at 26:37-51 (args --metrics-bind-address)",
        "a listens 7001 ARGUMENT at 26:95-99 (args --port)",
        "a listens 8080 ENVIRONMENT at 21:18-24 (env PORT)",
        "a listens 8081 CONFIG_FILE at 6:15-1 (ConfigMap conf key nginx.conf)",
        "a connects 6379 at 19:27-41 (env URL)",
        "a connects 5432 at 23:18-27 (env DB_HOST with DB_PORT)",
        "a connects 5000 at 27:39-53 (command)",
        "a connects 7000 at 26:72-82 (args --upstream)",
        "a connects 8090 at 6:15-1 (ConfigMap conf key nginx.conf)",
        "b listens 3306 ARGUMENT at 32:60-64 (command -instances)"), describe(pod));
  }

  @Test
  void declaredPortsImageDefaultsAndProbesWithTheirEvidence() {
    PodView pod = pod("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: cache
              image: docker.io/library/redis:7.4@sha256:0123
              ports:
                - {name: metrics, containerPort: 9121}
                - {containerPort: 53, protocol: UDP}
              livenessProbe:
                tcpSocket: {port: "6379"}
            - name: told
              image: redis:7.4
              args: ["--port", "6380"]
            - name: aux
              image: redis:7.4
              args: ["--metrics-port=9121"]
        """);
    assertEquals(List.of(
        "cache listens 9121/TCP DECLARED at 10:42-46 (declared)",
        "cache listens 53/UDP DECLARED at 11:27-29 (declared)",
        "cache listens 6379/TCP IMAGE_DEFAULT at 8:14-53 (default of image docker.io/library/redis:7.4@sha256:0123)",
        "cache listens 6379/TCP PROBE aux at 13:27-33 (livenessProbe)",
        "told listens 6380 ARGUMENT at 16:25-29 (args --port)",
        "aux listens 9121 ARGUMENT aux at 19:30-34 (args --metrics-port)",
        "aux listens 6379/TCP IMAGE_DEFAULT at 18:14-23 (default of image redis:7.4)"), describe(pod),
        "a flag naming the main port replaces the image's default; an auxiliary one does not");
  }

  @Test
  void shellScriptsClientsAndVariables() {
    PodView pod = pod("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
            - name: app
              image: registry.example.com/app:1
              env:
                - {name: HTTP_PORT, value: "8080"}
                - {name: GF_SERVER_HTTP_PORT, value: "3000"}
                - {name: ADMIN_ADDR, value: ":9901"}
                - {name: ALLOWED_ORIGINS, value: "http://localhost:3000"}
              command: ["/bin/sh", "-ec"]
              args:
                - |
                  until pg_isready -h localhost -p 5432; do sleep 1; done
                  redis-cli -h 127.0.0.1 -p 6379 ping && curl -fs http://localhost:9000/ready
                  exec app serve --listen=$(HTTP_PORT) --grpc :9090 --advertise-address=localhost:1234 --timeout 3000
        """);
    assertEquals(List.of(
        "app listens 8080 ENVIRONMENT at 10:36-42 (env HTTP_PORT)",
        "app listens 3000 ENVIRONMENT aux at 11:46-52 (env GF_SERVER_HTTP_PORT)",
        "app listens 9901 ENVIRONMENT aux at 12:38-43 (env ADMIN_ADDR)",
        "app connects 5432 at 16:11-1 (args -p)",
        "app connects 6379 at 16:11-1 (args -p)",
        "app connects 9000 at 16:11-1 (args)",
        "app listens 8080 ARGUMENT at 16:11-1 (args --listen)",
        "app listens 9090 ARGUMENT at 16:11-1 (args --grpc)"), sorted(describe(pod)));
  }

  /** Listeners before connections per container, as {@link #describe} gives them, but script facts in text order. */
  private static List<String> sorted(List<String> described) {
    List<String> listens = described.stream().filter(d -> d.contains(" listens ") && !d.contains("(args")).toList();
    List<String> rest = described.stream().filter(d -> !listens.contains(d)).toList();
    List<String> out = new ArrayList<>(listens);
    rest.stream().filter(d -> d.contains(" connects ")).forEach(out::add);
    rest.stream().filter(d -> !d.contains(" connects ")).forEach(out::add);
    return out;
  }
}
