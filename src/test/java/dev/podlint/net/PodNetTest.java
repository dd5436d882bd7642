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
    describe(pod).forEach(System.out::println);
  }
}
