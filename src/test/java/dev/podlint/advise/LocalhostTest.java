package dev.podlint.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a reference to a port inside the pod, what as listening, and where each is. */
class LocalhostTest {
  static PodView pod(String yaml) {
    var loaded = new ManifestLoader().loadText(new SourceFile("t.yaml", null), yaml);
    org.junit.jupiter.api.Assertions.assertTrue(loaded.error().isEmpty(), () -> loaded.error().get().toString());
    return PodView.of(loaded.objects().get(loaded.objects().size() - 1), loaded.objects()).orElseThrow();
  }

  static List<String> describe(PodView pod) {
    return Localhost.scan(pod).stream()
        .map(m -> m.container().name() + " " + (m.listen() ? "listens" : "connects") + " " + m.port() + " at "
            + m.span().start() + "-" + m.span().end().column() + " (" + m.source() + ")")
        .toList();
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
        "a connects 6379 at 19:27-41 (env URL)",
        "a listens 8080 at 21:18-24 (env PORT)",
        "a connects 5432 at 23:18-27 (env DB_HOST with DB_PORT)",
        "a connects 5000 at 27:39-53 (command)",
        "a listens 9090 at 26:37-51 (args --metrics-bind-address)",
        "a connects 7000 at 26:72-82 (args --upstream)",
        "a listens 7001 at 26:95-99 (args --port)",
        "a connects 8090 at 6:15-1 (ConfigMap key nginx.conf)",
        "a listens 8081 at 6:15-1 (ConfigMap key nginx.conf)",
        "b listens 3306 at 32:60-64 (command --instances)"), describe(pod));
  }
}
