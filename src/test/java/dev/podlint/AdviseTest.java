package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.engine.TextEdits;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podlint advise} and the split it proposes: what moves where, and that podlint accepts it. */
class AdviseTest {
  static final Path FIXTURES = TestSupport.TESTDATA.resolve("rules/unrelated-services-in-pod");

  static List<Path> flagged() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES)) {
      return s.filter(p -> p.getFileName().toString().startsWith("bad-")).sorted().toList();
    }
  }

  /** Notes of rewritten references follow the containers' order, whatever the identity hashes. */
  @Test
  void rewriteNotesFollowTheContainers() {
    Cli.Run run = Cli.run("advise", "testdata/advise/celery.yaml");
    assertEquals(0, run.code(), run.err());
    int web = run.out().indexOf("# rewritten env BROKER_URL of 'web'");
    int worker = run.out().indexOf("# rewritten env BROKER_URL of 'worker'");
    assertTrue(web >= 0 && worker > web, run.out());
  }

  @Test
  void frontendApiCacheSplitsIntoThreeWorkloadsWithServicesAndRewrites() throws IOException {
    Cli.Run run = Cli.run("advise", "testdata/rules/unrelated-services-in-pod/bad-frontend-api-cache.yaml");
    assertEquals(0, run.code());
    assertTrue(run.err().contains("proposed splitting 1 pod(s) in 1 file(s)"), run.err());
    List<K8sObject> objects = load(run.out());
    assertEquals(List.of("Deployment/retail/shop", "Deployment/retail/shop-api", "Service/retail/shop-api",
        "StatefulSet/retail/shop-cache", "Service/retail/shop-cache"),
        objects.stream().map(K8sObject::identity).toList());
    // the original keeps its name, selector and the frontend; the others get their own selector
    assertEquals(List.of("frontend"), containers(objects.get(0)));
    assertEquals("shop", objects.get(0).root().mapAt("spec", "selector", "matchLabels").flatMap(m -> m.string("app")).orElseThrow());
    assertEquals(List.of("api"), containers(objects.get(1)));
    assertEquals("shop-api", objects.get(1).root().mapAt("spec", "selector", "matchLabels").flatMap(m -> m.string("app")).orElseThrow());
    assertEquals("shop-api", objects.get(1).root().mapAt("spec", "template", "metadata", "labels").flatMap(m -> m.string("app")).orElseThrow());
    // the API now reaches the cache through its Service
    assertTrue(run.out().contains("value: redis://shop-cache:6379/0"), run.out());
    assertFalse(run.out().contains("value: redis://localhost:6379"), run.out());
    // the Service selects the cache's pods and targets its declared port
    YMap svc = objects.get(4).root();
    assertEquals("shop-cache", svc.mapAt("spec", "selector").flatMap(m -> m.string("app")).orElseThrow());
    assertTrue(run.out().contains("targetPort: 6379"), run.out());
    // a cache is a data service: a StatefulSet of one replica, with the reason as a comment, and a headless
    // governing Service; the stateless API keeps the original replica count
    assertEquals("1", objects.get(3).root().mapAt("spec").flatMap(m -> m.string("replicas")).orElseThrow());
    assertTrue(run.out().contains("# was 3: each replica of 'cache' would hold its own copy of the data"), run.out());
    assertEquals("shop-cache", objects.get(3).root().mapAt("spec").flatMap(m -> m.string("serviceName")).orElseThrow());
    assertEquals("None", svc.mapAt("spec").flatMap(m -> m.string("clusterIP")).orElseThrow());
    assertEquals("3", objects.get(1).root().mapAt("spec").flatMap(m -> m.string("replicas")).orElseThrow());
    // the original file's comments stay
    assertTrue(run.out().contains("# A frontend, an API and a cache in one pod"), run.out());
  }

  /**
   * The guidance's own example (frontend -> backend API at localhost:8000 -> Redis at
   * localhost:6379): three workloads, two Services, both references rewritten, and the result lints
   * clean.
   */
  @Test
  void theGuidanceExampleBecomesThreeWorkloadsAndTwoServicesThatLintClean(@TempDir Path dir) throws IOException {
    Cli.Run run = advised("bad-guidance-frontend-backend-redis.yaml", "Deployment/-/shop", "Deployment/-/shop-backend",
        "Service/-/shop-backend", "StatefulSet/-/shop-redis", "Service/-/shop-redis");
    List<K8sObject> objects = load(run.out());
    assertEquals(List.of("frontend"), containers(objects.get(0)));
    assertEquals(List.of("backend"), containers(objects.get(1)));
    assertEquals(List.of("redis"), containers(objects.get(3)));
    assertTrue(run.out().contains("value: http://shop-backend:8000\n"), run.out());
    assertTrue(run.out().contains("value: redis://shop-redis:6379/0\n"), run.out());
    assertFalse(run.out().lines().anyMatch(l -> l.contains("value:") && l.contains("localhost")), run.out());
    Path proposal = dir.resolve("proposal.yaml");
    Files.writeString(proposal, run.out());
    Cli.Run lint = Cli.run("lint", "--no-config", "--fail-on", "error", proposal.toString());
    assertEquals(0, lint.code(), lint.out() + lint.err());
    assertFalse(lint.out().contains("unrelated-services-in-pod"), lint.out());
    assertFalse(lint.out().contains("localhost-port-unbound"), lint.out());
  }

  @Test
  void aWorkerBecomesADeploymentWithoutAService() throws IOException {
    Cli.Run run = advised("bad-queue-worker-beside-web-server.yaml", "Deployment/-/blog", "Deployment/-/blog-mailer");
    List<K8sObject> objects = load(run.out());
    assertEquals(List.of("mailer"), containers(objects.get(1)));
    assertEquals("2", objects.get(1).root().mapAt("spec").flatMap(m -> m.string("replicas")).orElseThrow(),
        "a stateless worker keeps the replica count");
    assertTrue(run.out().contains("# 'mailer': is a worker: it serves no port and runs \"celery -A blog worker "
        + "--loglevel=info\" (a queue worker)"), run.out());
    // a worker whose only port is its metrics port gets no Service either
    advised("bad-worker-with-a-metrics-port.yaml", "Deployment/-/orders", "Deployment/-/orders-consumer");
  }

  @Test
  void nginxFrontendNodeApiAndMongoBecomeThreeWorkloads() throws IOException {
    Cli.Run run = advised("bad-nginx-frontend-node-api-mongodb.yaml", "ConfigMap/-/web-conf", "Deployment/-/notes",
        "Deployment/-/notes-api", "Service/-/notes-api", "StatefulSet/-/notes-mongo", "Service/-/notes-mongo");
    assertTrue(run.out().contains("value: mongodb://notes-mongo:27017/notes"), run.out());
    // the frontend's reference is in its ConfigMap, which the proposal names rather than rewrites
    assertTrue(run.out().contains("# ConfigMap web-conf key default.conf, which 'web' reads, still says localhost:3000; "
        + "point it at notes-api:3000"), run.out());
  }

  @Test
  void anInitContainerGoesWithTheDataItPrepares() throws IOException {
    Cli.Run run = advised("bad-init-container-prepares-the-api-data.yaml", "Deployment/-/search",
        "Deployment/-/search-api", "Service/-/search-api");
    List<K8sObject> objects = load(run.out());
    YMap api = objects.get(1).root().mapAt("spec", "template", "spec").orElseThrow();
    assertEquals(List.of("fetch-index"), api.maps("initContainers").stream().map(c -> c.string("name").orElseThrow())
        .toList());
    assertTrue(objects.get(0).root().mapAt("spec", "template", "spec").orElseThrow().get("initContainers").isEmpty());
  }

  @Test
  void helpersStayWithTheContainerTheyServe() throws IOException {
    Cli.Run run = Cli.run("advise", "-q", "testdata/rules/unrelated-services-in-pod/bad-daemonset-with-helper.yaml");
    List<K8sObject> objects = load(run.out());
    assertEquals(List.of("DaemonSet/-/report", "DaemonSet/-/report-queue", "Service/-/report-queue"),
        objects.stream().map(K8sObject::identity).toList(), run.out());
    YMap web = objects.get(0).root().mapAt("spec", "template", "spec").orElseThrow();
    assertEquals(List.of("web", "log-shipper"), web.maps("containers").stream().map(c -> c.string("name").orElseThrow()).toList());
    assertEquals(List.of("logs"), web.maps("volumes").stream().map(v -> v.string("name").orElseThrow()).toList());
    YMap queue = objects.get(1).root().mapAt("spec", "template", "spec").orElseThrow();
    assertEquals(List.of("queue"), queue.maps("containers").stream().map(c -> c.string("name").orElseThrow()).toList());
    assertTrue(queue.get("volumes").isEmpty(), "volumes nobody in the group mounts are dropped");
    assertTrue(run.out().contains("# 'log-shipper' goes with it: a sidecar that is a log shipper (image "
        + "fluent/fluent-bit:3.1); 'web' and 'log-shipper' share volume 'logs' (emptyDir, written by"), run.out());
  }

  @Test
  void aBarePodBecomesDeploymentsAndSharedClaimsAreCalledOut() throws IOException {
    Cli.Run run = Cli.run("advise", "-q", "testdata/rules/unrelated-services-in-pod/bad-lamp-subpaths.yaml");
    List<K8sObject> objects = load(run.out());
    // both mount a claim, so both keep data: StatefulSets, each with its governing Service; the application
    // keeps the name, the database moves
    assertEquals(List.of("StatefulSet/-/lamp", "Service/-/lamp", "StatefulSet/-/lamp-mysql", "Service/-/lamp-mysql"),
        objects.stream().map(K8sObject::identity).toList(), run.out());
    assertEquals(List.of("php"), containers(objects.get(0)));
    assertTrue(run.out().contains("claim site-data is mounted by 2 workloads now"), run.out());
    assertTrue(run.out().contains("it keeps claim site-data by name, so its data stays"), run.out());
  }

  @Test
  void theFirstPartOfAnOperatorsKindKeepsItsKindAndTheOthersAreDeployments() throws IOException {
    Cli.Run run = advised("bad-operator-kinds.yaml", "Rollout/-/shop", "StatefulSet/-/shop-db", "Service/-/shop-db",
        "Service/-/hello", "StatefulSet/-/hello-cache", "Service/-/hello-cache");
    List<K8sObject> objects = load(run.out());
    assertEquals("argoproj.io/v1alpha1", objects.get(0).apiVersion());
    assertEquals(List.of("web"), containers(objects.get(0)));
    assertTrue(objects.get(0).root().mapAt("spec", "strategy", "canary").isPresent(), "the Rollout keeps its strategy");
    assertTrue(run.out().contains("# its Rollout fields (strategy) are kept as they were: check those that name a "
        + "container, port or Service that moved to another part"), run.out());
    assertTrue(run.out().contains("# a StatefulSet, not a Rollout: the Rollout's own fields (strategy) speak of shop"),
        run.out());
    K8sObject knative = objects.get(3);
    assertEquals("serving.knative.dev/v1", knative.apiVersion());
    assertTrue(knative.root().mapAt("spec", "selector").isEmpty(), "a Knative Service has no selector");
    assertTrue(knative.root().mapAt("spec").flatMap(m -> m.seq("traffic")).isPresent(), run.out());
  }

  @Test
  void aDeclaredKindWithItsPodsElsewhereBecomesDeployments(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("podlint.yaml");
    Files.writeString(config, "workloadKinds:\n  - apiVersion: batch.example.com/v1\n    kind: Server\n"
        + "    podSpec: spec.pod\n");
    Path input = dir.resolve("server.yaml");
    Files.writeString(input, String.join("\n", "apiVersion: batch.example.com/v1", "kind: Server", "metadata:",
        "  name: shop", "spec:", "  pod:", "    containers:", "      - name: web", "        image: nginx:1.27",
        "        ports:", "          - containerPort: 80", "      - name: db", "        image: postgres:16",
        "        ports:", "          - containerPort: 5432", ""));
    Cli.Run run = Cli.run("advise", "-q", "--config", config.toString(), input.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(List.of("Deployment/-/shop", "StatefulSet/-/shop-db", "Service/-/shop-db"),
        load(run.out()).stream().map(K8sObject::identity).toList(), run.out());
    assertTrue(run.out().contains("# podlint writes a Server only when its pod template is spec.template, so this "
        + "part is a Deployment"), run.out());
  }

  /** Inputs that once produced broken proposals (testdata/advise/). */
  @Test
  void hardCases() throws IOException {
    String alias = Cli.run("advise", "-q", "testdata/advise/alias.yaml").out();
    assertFalse(alias.contains("63799"), "an aliased value is rewritten once:\n" + alias);
    assertTrue(alias.contains("value: redis://shop-cache:6379/0"), alias);

    List<K8sObject> me = load(Cli.run("advise", "-q", "testdata/advise/me.yaml").out());
    YMap keptSelector = me.get(0).root().mapAt("spec", "selector").orElseThrow();
    assertTrue(keptSelector.get("matchExpressions").isPresent() && keptSelector.get("matchLabels").isEmpty(),
        "the original's immutable selector is untouched");

    String svc = Cli.run("advise", "-q", "testdata/advise/svc.yaml").out();
    List<String> names = load(svc).stream().map(K8sObject::identity).toList();
    assertEquals(names.size(), names.stream().distinct().count(), "no two objects share a name: " + names);
    assertTrue(svc.contains("# podlint advise: was app=shop; 'cache' runs in StatefulSet shop-cache now"), svc);

    String pinned = Cli.run("advise", "-q", "testdata/advise/pod-pinned.yaml").out();
    assertTrue(pinned.startsWith("# podlint advise: "), pinned);
    assertFalse(pinned.contains("nodeName:"), "a Deployment's replicas are not pinned to one node:\n" + pinned);

    for (K8sObject o : load(Cli.run("advise", "-q", "testdata/advise/dotted.yaml").out())) {
      if (!o.identity().contains("shop.v2.example")) {
        assertTrue(o.name().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"), o.name());
      }
    }

    List<K8sObject> coll = load(Cli.run("advise", "-q", "testdata/advise/coll.yaml").out());
    List<String> selectors = coll.stream().filter(o -> o.kind().equals("Deployment"))
        .map(o -> o.root().mapAt("spec", "selector", "matchLabels").flatMap(m -> m.string("app")).orElseThrow()).toList();
    assertEquals(selectors.size(), selectors.stream().distinct().count(), "selectors stay apart: " + selectors);

    String sts = Cli.run("advise", "-q", "testdata/advise/sts.yaml").out();
    List<K8sObject> stsObjects = load(sts);
    assertEquals("StatefulSet/-/db", stsObjects.get(0).identity());
    assertTrue(stsObjects.get(0).root().mapAt("spec").orElseThrow().get("volumeClaimTemplates").isPresent(),
        "the part that owns the claims keeps the StatefulSet's name (and its data)");
    assertTrue(sts.contains("clusterIP: None"), sts);

    Path multi = TestSupport.TESTDATA.resolve("advise/multi.yaml");
    String multiOut = Cli.run("advise", "-q", "testdata/advise/multi.yaml").out();
    String original = Files.readString(multi);
    assertTrue(multiOut.contains("# trailing comment in doc 2"), "comments after the last value stay");
    String firstDoc = original.substring(0, original.indexOf("# comment before flagged"));
    assertTrue(multiOut.contains(firstDoc), "the documents before it are byte-identical");
    String lastDoc = original.substring(original.indexOf("# comment before third"));
    assertTrue(multiOut.endsWith(lastDoc), "the documents after it are byte-identical");

    String cr = Cli.run("advise", "-q", "testdata/advise/cr.yaml").out();
    assertFalse(cr.contains("\n"), "a file with CR line ends keeps them");
    assertEquals(0, new ManifestLoader().loadText(new SourceFile("cr", null), cr).objects().stream()
        .filter(o -> o.kind().equals("Pod")).count(), "the Pod is replaced, not kept");
  }

  @Test
  void severalFilesAreSeparatedEvenWithoutAFinalNewline(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), Files.readString(FIXTURES.resolve("bad-two-databases.yaml")).stripTrailing());
    Files.copy(FIXTURES.resolve("bad-lamp-subpaths.yaml"), dir.resolve("b.yaml"));
    Cli.Run run = Cli.run(dir, null, "advise", "-q", "a.yaml", "b.yaml");
    assertTrue(run.out().contains("\n---\n# podlint advise: b.yaml\n"), run.out());
    assertEquals(List.of("StatefulSet/-/databases", "Service/-/databases", "StatefulSet/-/databases-mysql",
        "Service/-/databases-mysql", "StatefulSet/-/lamp", "Service/-/lamp", "StatefulSet/-/lamp-mysql",
        "Service/-/lamp-mysql"), load(run.out()).stream().map(K8sObject::identity).toList());
  }

  @Test
  void invalidYamlAndListItemsAreExplained(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "kind: Pod\nspec: [\n");
    Cli.Run run = Cli.run(dir, null, "advise", "bad.yaml");
    assertEquals(3, run.code());
    assertTrue(run.err().contains("podlint: bad.yaml:"), run.err());
  }

  @Test
  void theConfigurationExtendsTheKnowledgeAndCanTurnTheRuleOff(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("bad-two-databases.yaml"), dir.resolve("pod.yaml"));
    Files.writeString(dir.resolve(".podlint.yaml"), String.join("\n",
        "rules:",
        "  unrelated-services-in-pod:",
        "    params:",
        "      helpers:",
        "        - role: replica of the team's database",
        "          image: '(^|/)mysql$'",
        ""));
    Cli.Run helper = Cli.run(dir, null, "advise", "pod.yaml");
    assertEquals(0, helper.code(), helper.err());
    assertEquals("", helper.out(), "mysql is a helper now, so nothing is split");
    Files.writeString(dir.resolve(".podlint.yaml"), "rules:\n  unrelated-services-in-pod: off\n");
    Cli.Run off = Cli.run(dir, null, "advise", "pod.yaml");
    assertEquals(0, off.code());
    assertTrue(off.err().contains("unrelated-services-in-pod is off in the configuration"), off.err());
    Cli.Run ignored = Cli.run(dir, null, "advise", "--no-config", "pod.yaml");
    assertTrue(ignored.out().contains("name: databases-mysql"), ignored.out());
  }

  @Test
  void nothingToAdviseOnWellDesignedPods() {
    Cli.Run run = Cli.run("advise", "testdata/rules/unrelated-services-in-pod/good-app-log-shipper-shared-volume.yaml",
        "testdata/rules/unrelated-services-in-pod/good-app-database-proxy-localhost.yaml");
    assertEquals(0, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().contains("no pod holds independent services"), run.err());
  }

  @Test
  void writesToAFileButNeverOverAnInput(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("pod.yaml");
    String original = Files.readString(FIXTURES.resolve("bad-two-databases.yaml"));
    Files.writeString(input, original);
    Cli.Run refused = Cli.run(dir, null, "advise", "-o", "pod.yaml", "pod.yaml");
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("refusing to write the proposal over input pod.yaml"), refused.err());
    assertEquals(original, Files.readString(input), "the input is untouched");
    Cli.Run ok = Cli.run(dir, null, "advise", "-q", "-o", "split.yaml", "pod.yaml");
    assertEquals(0, ok.code(), ok.err());
    assertEquals("", ok.out());
    assertTrue(Files.readString(dir.resolve("split.yaml")).contains("name: databases-mysql"));
  }

  @Test
  void unreadableInputsAreReportedAndTheRestIsAdvised(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("bad-two-databases.yaml"), dir.resolve("a.yaml"));
    Cli.Run run = Cli.run(dir, null, "advise", "a.yaml", "missing.yaml");
    assertEquals(3, run.code());
    assertTrue(run.err().contains("cannot read missing.yaml"), run.err());
    assertTrue(run.out().contains("name: databases-mysql"), run.out());
  }

  @Test
  void stdinCRLFKeepsItsLineEndings() {
    String text = read(FIXTURES.resolve("bad-two-databases.yaml")).replace("\n", "\r\n");
    Cli.Run run = Cli.run(TestSupport.ROOT, text, "advise", "-q", "-");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("name: databases-mysql\r\n"), run.out());
    assertFalse(run.out().replace("\r\n", "").contains("\n"), "every line ends in CRLF");
  }

  @Test
  void fixesInJsonApplyToTheOriginalText() throws IOException {
    Path p = FIXTURES.resolve("bad-frontend-api-cache.yaml");
    String text = Files.readString(p);
    LintResult r = TestSupport.linterWithDefaults(TestSupport.catalog(), LintOptions.DEFAULT)
        .lintText(new SourceFile(TestSupport.ROOT.relativize(p).toString(), p), text);
    List<Finding.Fix> fixes = r.findings().stream().map(Finding::fix).filter(f -> f != null).toList();
    assertEquals(1, fixes.size());
    String applied = TextEdits.apply(text, fixes);
    Cli.Run run = Cli.run("advise", "-q", TestSupport.ROOT.relativize(p).toString());
    assertEquals("# podlint advise: " + TestSupport.ROOT.relativize(p) + "\n" + applied, run.out());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code podlint advise -q} on a fixture of the rule, whose proposal holds exactly {@code identities}, in order. */
  private static Cli.Run advised(String fixture, String... identities) {
    Cli.Run run = Cli.run("advise", "-q", TestSupport.ROOT.relativize(FIXTURES.resolve(fixture)).toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(List.of(identities), load(run.out()).stream().map(K8sObject::identity).toList(), run.out());
    return run;
  }

  private static List<K8sObject> load(String text) {
    var loaded = new ManifestLoader().loadText(new SourceFile("proposal.yaml", null), text);
    assertTrue(loaded.error().isEmpty(), () -> loaded.error().get() + "\n" + text);
    return loaded.objects();
  }

  private static List<String> containers(K8sObject o) {
    Optional<YMap> spec = o.root().mapAt("spec", "template", "spec");
    return spec.orElseThrow().maps("containers").stream().map(c -> c.string("name").orElseThrow())
        .collect(Collectors.toList());
  }
}
