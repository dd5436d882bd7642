package dev.podlint.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import dev.podlint.rule.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The coupling model on the rule's fixtures: the role each container gets, the links that bind
 * or do not bind, and the groups of a verdict, with the evidence its words give.
 */
class PodDesignTest {
  static final Knowledge KNOWLEDGE = Knowledge.of(RuleCatalog.builtin().get("unrelated-services-in-pod"));
  static final NetKnowledge NET = NetKnowledge.of(RuleCatalog.builtin().get(NetKnowledge.RULE));
  static final Path DIR = TestSupport.TESTDATA.resolve("rules/unrelated-services-in-pod");

  /** The last workload of a fixture, read with the other objects of its file. */
  static PodView pod(String fixture) throws IOException {
    String text = Files.readString(DIR.resolve(fixture), StandardCharsets.UTF_8);
    LoadedFile loaded = new ManifestLoader().loadText(new SourceFile(fixture, null), text);
    List<K8sObject> objects = loaded.objects();
    for (int i = objects.size() - 1; i >= 0; i--) {
      Optional<PodView> p = PodView.of(objects.get(i), objects);
      if (p.isPresent()) {
        return p.get();
      }
    }
    throw new AssertionError("no workload in " + fixture);
  }

  /** {@code name=ROLE} for every container, in the pod's order. */
  static String roles(String fixture) throws IOException {
    PodView pod = pod(fixture);
    PodNet net = PodNet.of(pod, NET);
    Listening l = Listening.of(pod, net);
    Map<ContainerView, Roles.Assigned> r = Roles.of(pod, KNOWLEDGE, l, Links.of(pod, net, l, KNOWLEDGE));
    return pod.containers().stream().map(c -> c.name() + "=" + r.get(c).role()).collect(Collectors.joining(" "));
  }

  /** {@code KIND from->to} for every link. */
  static List<String> links(String fixture) throws IOException {
    PodView pod = pod(fixture);
    PodNet net = PodNet.of(pod, NET);
    List<String> out = new ArrayList<>();
    for (Link k : Links.of(pod, net, Listening.of(pod, net), KNOWLEDGE)) {
      out.add(k.kind() + " " + k.from().name() + "->" + k.to().name());
    }
    return out;
  }

  static Optional<PodDesign.Verdict> verdict(String fixture) throws IOException {
    PodView pod = pod(fixture);
    return PodDesign.analyze(pod, KNOWLEDGE, PodNet.of(pod, NET));
  }

  /** The groups of a verdict: {@code a+b | c} (the group's containers in the pod's order). */
  static String groups(String fixture) throws IOException {
    PodView pod = pod(fixture);
    PodDesign.Verdict v = PodDesign.analyze(pod, KNOWLEDGE, PodNet.of(pod, NET))
        .orElseThrow(() -> new AssertionError(fixture + " has no verdict"));
    return v.groups().stream().map(g -> g.containers(pod).stream().map(ContainerView::name)
        .collect(Collectors.joining("+"))).collect(Collectors.joining(" | "));
  }

  @Test
  void theGuidanceExampleIsThreeServicesLinkedOnlyByCalls() throws IOException {
    String f = "bad-guidance-frontend-backend-redis.yaml";
    assertEquals("frontend=SERVICE backend=SERVICE redis=DATA_SERVICE", roles(f));
    assertEquals(List.of("CALLS frontend->backend", "CALLS backend->redis"), links(f));
    assertEquals("frontend | backend | redis", groups(f));
    PodDesign.Verdict v = verdict(f).orElseThrow();
    assertTrue(v.evidence().contains("'frontend' calls 'backend' at localhost:8000 (env API_URL), which works as "
        + "well through a Service"), v.evidence().toString());
    assertTrue(v.against().contains("a split turns those calls into a network hop"), v.against().toString());
    assertTrue(v.against().contains("no readiness probe on 'frontend', 'backend' and 'redis'"), v.against().toString());
  }

  @Test
  void recallCasesAreSplitAlongTheirServices() throws IOException {
    assertEquals("web | api | mongo", groups("bad-nginx-frontend-node-api-mongodb.yaml"));
    assertEquals(List.of("ROUTE web->api", "CALLS api->mongo"), links("bad-nginx-frontend-node-api-mongodb.yaml"));
    assertEquals("catalog | billing", groups("bad-two-teams-web-apps.yaml"));
    assertEquals("orders | invoices", groups("bad-two-apis-share-a-configmap.yaml"));
    assertEquals("ui | orders", groups("bad-shop-ui-and-orders-one-registry-path.yaml"));
    assertEquals("prometheus | grafana", groups("bad-prometheus-beside-grafana.yaml"));
    assertEquals("frontend | backend", groups("bad-frontend-nginx-routes-api-to-backend.yaml"));
    assertEquals("site | search", groups("bad-two-services-share-a-read-only-volume.yaml"));
    assertEquals(List.of(), links("bad-two-services-share-a-read-only-volume.yaml"), "read-only on both sides");
    assertEquals("app | prometheus", groups("bad-prometheus-scrapes-the-app.yaml"));
    assertEquals("app=SERVICE prometheus=SERVICE", roles("bad-prometheus-scrapes-the-app.yaml"),
        "a well-known server that reads another is no adapter");
  }

  @Test
  void aPortLessWorkerThatSharesNothingIsAWorkloadOfItsOwn() throws IOException {
    assertEquals("web=SERVICE mailer=WORKER", roles("bad-queue-worker-beside-web-server.yaml"));
    assertEquals("web | mailer", groups("bad-queue-worker-beside-web-server.yaml"));
    assertEquals(Role.WORKER, verdict("bad-queue-worker-beside-web-server.yaml").orElseThrow().groups().get(1).role());
    assertEquals("api | worker", groups("bad-service-beside-a-worker-named-worker.yaml"));
    assertEquals("api=SERVICE consumer=WORKER", roles("bad-worker-with-a-metrics-port.yaml"),
        "a metrics port is no main port");
    assertEquals("api | consumer", groups("bad-worker-with-a-metrics-port.yaml"));
    // both ways: a worker bound by data stays, a port-less container that is no worker is a sidecar
    assertEquals("web=SERVICE worker=WORKER", roles("good-worker-shares-a-volume-with-the-web-server.yaml"));
    assertEquals(List.of("VOLUME web->worker"), links("good-worker-shares-a-volume-with-the-web-server.yaml"));
    assertTrue(verdict("good-worker-shares-a-volume-with-the-web-server.yaml").isEmpty());
    assertEquals("shop=SERVICE heartbeat=SIDECAR", roles("good-port-less-container-that-is-no-worker.yaml"));
  }

  @Test
  void helpersGetTheirRoleByWhatTheyAreOrWhatTheyTouch() throws IOException {
    assertEquals("edge=PROXY app=SERVICE", roles("good-proxy-config-through-items-and-subpath.yaml"));
    assertEquals(List.of("FORWARD edge->app"), links("good-proxy-config-through-items-and-subpath.yaml"));
    assertEquals("portal=SERVICE tls=PROXY", roles("good-app-custom-proxy-localhost.yaml"));
    assertEquals("crawler=SERVICE egress=PROXY", roles("good-app-egress-proxy.yaml"));
    assertEquals(List.of("USES_PROXY crawler->egress"), links("good-app-egress-proxy.yaml"));
    assertEquals("legacy=SERVICE stats=ADAPTER", roles("good-app-custom-adapter-reads-metrics.yaml"));
    assertEquals(List.of("READS stats->legacy"), links("good-app-custom-adapter-reads-metrics.yaml"));
    assertEquals("dashboard=SERVICE oauth2-proxy=PROXY", roles("good-app-oauth2-proxy.yaml"));
    assertEquals("manager=SERVICE kube-rbac-proxy=PROXY", roles("good-app-kube-rbac-proxy.yaml"));
    assertEquals("api=SERVICE envoy=PROXY", roles("good-app-envoy-front-proxy.yaml"));
    assertEquals("ledger=SERVICE cloud-sql-proxy=PROXY", roles("good-app-database-proxy-localhost.yaml"));
    assertEquals("postgres=DATA_SERVICE exporter=ADAPTER", roles("good-postgres-with-exporter.yaml"));
    assertEquals("prometheus=SERVICE config-reloader=SIDECAR", roles("good-prometheus-config-reloader.yaml"));
    assertEquals("web=SERVICE git-sync=SIDECAR", roles("good-app-git-sync.yaml"));
    assertEquals("payments=SERVICE vault-agent=SIDECAR", roles("good-app-vault-agent.yaml"));
    assertEquals("billing=SERVICE vault=SIDECAR", roles("good-app-vault-agent-listener.yaml"),
        "the Vault image with the command 'agent'");
    assertEquals(List.of("CALLS billing->vault"), links("good-app-vault-agent-listener.yaml"));
    assertEquals("orders=SERVICE fluent-bit=SIDECAR", roles("good-app-fluent-bit-forward.yaml"));
    assertEquals("migrate=INIT ledger=SERVICE", roles("good-app-init-migrations.yaml"));
    assertEquals("shipper=NATIVE_SIDECAR api=SERVICE", roles("good-native-sidecar-log-shipper.yaml"));
    for (String good : List.of("good-proxy-config-through-items-and-subpath.yaml", "good-app-egress-proxy.yaml",
        "good-app-vault-agent-listener.yaml",
        "good-app-custom-adapter-reads-metrics.yaml", "good-app-oauth2-proxy.yaml", "good-app-envoy-front-proxy.yaml")) {
      assertTrue(verdict(good).isEmpty(), good);
    }
  }

  @Test
  void onlyWhatReallyBindsKeepsServicesTogether() throws IOException {
    assertEquals(List.of("VOLUME upload->transcode"), links("good-two-services-share-a-writable-volume.yaml"));
    assertTrue(verdict("good-two-services-share-a-writable-volume.yaml").isEmpty());
    assertEquals(List.of("FASTCGI web->app"), links("good-nginx-fastcgi-pass-to-php.yaml"));
    assertEquals(List.of("FASTCGI nginx->php"), links("good-nginx-beside-php-fpm-image.yaml"));
    assertTrue(links("good-nginx-php-fpm-socket.yaml").contains("VOLUME nginx->app"));
    assertTrue(links("good-probe-checks-other-container.yaml").contains("PROBE server->http"));
    assertEquals("nginx+php | mysql", groups("bad-lamp-php-fpm-and-mysql.yaml"));
    for (String good : List.of("good-nginx-fastcgi-pass-to-php.yaml", "good-nginx-beside-php-fpm-image.yaml",
        "good-nginx-php-fpm-socket.yaml", "good-probe-checks-other-container.yaml")) {
      assertTrue(verdict(good).isEmpty(), good);
    }
  }

  @Test
  void ownPortImageAndReadinessProbeAreEnoughAndLessIsNot() throws IOException {
    PodView pod = pod("good-unknown-images-only-ports.yaml");
    PodNet net = PodNet.of(pod, NET);
    Listening l = Listening.of(pod, net);
    List<Link> links = Links.of(pod, net, l, KNOWLEDGE);
    Independence weighing = new Independence(KNOWLEDGE, Roles.of(pod, KNOWLEDGE, l, links), links);
    Independence.Weighed w = weighing.weigh(pod.containers().get(0), pod.containers().get(1));
    assertEquals(2, w.points(), w.toString());
    assertFalse(w.independent());
    assertEquals(List.of("no readiness probe on 'one' and 'two'"), w.against());
    assertTrue(verdict("good-unknown-images-only-ports.yaml").isEmpty());
    assertTrue(verdict("bad-two-teams-web-apps.yaml").isPresent(), "the same with readiness probes");
  }

  @Test
  void companionsGoWithTheContainerTheyServeOrPrepare() throws IOException {
    assertEquals("web | fetch-index+api", groups("bad-init-container-prepares-the-api-data.yaml"));
    assertEquals("cart+istio-proxy | redis+istio-proxy", groups("bad-mesh-proxy-goes-with-every-workload.yaml"));
    assertEquals("web+log-shipper | queue", groups("bad-daemonset-with-helper.yaml"));
  }

  @Test
  void aDeclaredPortWinsOverTheImageDefaultAndTheMessageSaysTheEvidence() throws IOException {
    PodDesign.Verdict v = verdict("bad-declared-port-wins-over-image-default.yaml").orElseThrow();
    String evidence = String.join("; ", v.evidence());
    assertTrue(evidence.contains("each serves its own port: 'web' 8080 (declared), 'cache' 11211 (declared)"), evidence);
    assertFalse(evidence.contains("80 (default"), evidence);
    assertEquals(List.of(8080), List.copyOf(v.listens().get(v.groups().get(0).main())));
    PodDesign.Verdict defaults = verdict("bad-two-databases.yaml").orElseThrow();
    assertTrue(String.join("; ", defaults.evidence()).contains("'postgres' 5432 (default of image postgres:16.4)"),
        defaults.evidence().toString());
  }

  @Test
  void whatASettingMakesAReference() {
    String conf = """
        upstream backend { server 127.0.0.1:8080; }
        server {
          location / { root /srv; }
          location /api/ { proxy_pass http://localhost:3000; }
          location = / { proxy_pass http://localhost:4000; }
        }
        """;
    assertEquals("/api/", NginxBlocks.location(conf, conf.indexOf("localhost:3000")));
    assertEquals("= /", NginxBlocks.location(conf, conf.indexOf("localhost:4000")));
    assertTrue(NginxBlocks.inUpstream(conf, conf.indexOf("127.0.0.1:8080")));
    assertFalse(NginxBlocks.inUpstream(conf, conf.indexOf("localhost:3000")));
    assertEquals("proxy_pass", Settings.directive(conf, conf.indexOf("http://localhost:3000")));
    assertEquals("server", Settings.directive(conf, conf.indexOf("127.0.0.1:8080")));
    assertEquals("url", Settings.directive("  - url: http://localhost:9090\n", 9));
  }
}
