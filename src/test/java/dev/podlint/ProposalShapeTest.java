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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the proposals of {@code podlint advise} hold for the cases that once went wrong. */
class ProposalShapeTest {
  static final String FIXTURES = "testdata/rules/unrelated-services-in-pod/";

  private static String advise(String file) {
    Cli.Run run = Cli.run("advise", "-q", file);
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err());
    return run.out();
  }

  private static List<K8sObject> load(String text) {
    var loaded = new ManifestLoader().loadText(new SourceFile("proposal.yaml", null), text);
    assertTrue(loaded.error().isEmpty(), () -> loaded.error().get() + "\n" + text);
    return loaded.objects();
  }

  private static List<String> identities(String text) {
    return load(text).stream().map(K8sObject::identity).toList();
  }

  private static Optional<String> at(K8sObject o, String... path) {
    String last = path[path.length - 1];
    return o.root().mapAt(java.util.Arrays.copyOf(path, path.length - 1)).flatMap(m -> m.string(last));
  }

  private static List<String> containers(K8sObject o) {
    return o.root().mapAt("spec", "template", "spec").orElseThrow().maps("containers").stream()
        .map(c -> c.string("name").orElseThrow()).toList();
  }

  /** The closing brackets of a document that ends in flow collections are not left behind. */
  @Test
  void aDocumentEndingInFlowCollectionsIsReplacedWhole() throws IOException {
    String file = FIXTURES + "bad-document-ends-in-flow-collections.yaml";
    String out = advise(file);
    assertFalse(out.contains("]}"), out);
    assertEquals(List.of("Deployment/-/shop", "StatefulSet/-/shop-cache", "Service/-/shop-cache", "Service/-/shop"),
        identities(out));
    String original = Files.readString(TestSupport.ROOT.resolve(file));
    assertTrue(out.endsWith(original.substring(original.indexOf("---"))), "the Service after it is unchanged");
  }

  /** A Service of the file that selects the cache is pointed at it, not duplicated. */
  @Test
  void anExistingServiceIsRetargetedNotDuplicated() {
    String out = advise(FIXTURES + "bad-existing-service-after-the-pod.yaml");
    assertEquals(List.of("Deployment/-/shop", "StatefulSet/-/shop-cache", "Service/-/shop-cache"), identities(out));
    K8sObject svc = load(out).get(2);
    assertEquals(Optional.of("shop-cache"), at(svc, "spec", "selector", "app"));
    assertEquals(Optional.of("backend"), at(svc, "spec", "selector", "tier"));
    assertEquals(Optional.of("shop-cache"), at(load(out).get(1), "spec", "serviceName"));
    assertTrue(out.contains("value: redis://shop-cache:16379/0"), "the reference uses the Service's port:\n" + out);
  }

  /** kubectl's List: its items are replaced in place, without what the cluster set. */
  @Test
  void aListFromKubectlGetsItsProposal() {
    String out = advise(FIXTURES + "bad-list-from-kubectl.yaml");
    assertEquals(List.of("Service/shop/shop-cache", "Deployment/shop/shop", "StatefulSet/shop/shop-cache"),
        identities(out));
    List<K8sObject> objects = load(out);
    assertEquals(List.of("api"), containers(objects.get(1)));
    assertEquals(List.of("cache"), containers(objects.get(2)));
    for (K8sObject workload : objects.subList(1, 3)) {
      assertTrue(workload.root().get("status").isEmpty(), "no status: " + workload.identity());
      YMap meta = workload.root().mapAt("metadata").orElseThrow();
      for (String set : List.of("resourceVersion", "uid", "creationTimestamp", "generation", "annotations")) {
        assertTrue(meta.get(set).isEmpty(), set + " of " + workload.identity());
      }
    }
    assertEquals(Optional.of("shop-cache"), at(objects.get(0), "spec", "selector", "app"));
    assertEquals(Optional.of("10.96.0.17"), at(objects.get(0), "spec", "clusterIP"), "the Service is the same object");
    assertTrue(objects.stream().noneMatch(o -> o.root().path().isRoot()), "all are items of the List");
  }

  /** Each claim template goes with the database that mounts it; the first keeps the StatefulSet. */
  @Test
  void aStatefulSetWithTwoDatabasesSplitsItsClaims() {
    String out = advise(FIXTURES + "bad-statefulset-two-databases.yaml");
    List<K8sObject> objects = load(out);
    assertEquals(List.of("StatefulSet/-/dbs", "StatefulSet/-/dbs-mysql", "Service/-/dbs-mysql"), identities(out));
    assertEquals(List.of("postgres"), containers(objects.get(0)));
    assertEquals(List.of("pg"), claimTemplates(objects.get(0)));
    assertEquals(List.of("mysql"), containers(objects.get(1)));
    assertEquals(List.of("my"), claimTemplates(objects.get(1)));
    assertEquals(Optional.of("dbs"), at(objects.get(0), "spec", "serviceName"), "the original keeps its governing Service");
    assertEquals(Optional.of("None"), at(objects.get(2), "spec", "clusterIP"));
    assertTrue(out.contains("the data of 'my' is in claims my-dbs-<ordinal>, and my-dbs-mysql-<ordinal> start empty"),
        out);
  }

  private static List<String> claimTemplates(K8sObject o) {
    return o.root().mapAt("spec").orElseThrow().maps("volumeClaimTemplates").stream()
        .map(t -> t.mapAt("metadata").flatMap(m -> m.string("name")).orElseThrow()).toList();
  }

  /**
   * Two services on one port run apart; stateless parts keep the replica count and the strategy,
   * the database becomes a StatefulSet of one.
   */
  @Test
  void noTwoContainersOfAProposedPodShareAPortAndStatelessPartsKeepTheirScale() {
    String out = advise(FIXTURES + "bad-two-services-one-port.yaml");
    List<K8sObject> objects = load(out);
    assertEquals(List.of("Deployment/-/portal", "Deployment/-/portal-api", "Service/-/portal-api",
        "StatefulSet/-/portal-db", "Service/-/portal-db"), identities(out));
    assertEquals(List.of("ui"), containers(objects.get(0)));
    assertEquals(List.of("api"), containers(objects.get(1)));
    for (K8sObject stateless : List.of(objects.get(0), objects.get(1))) {
      assertEquals(Optional.of("4"), at(stateless, "spec", "replicas"), stateless.identity());
      assertEquals(Optional.of("0"), at(stateless, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
    }
    assertEquals(Optional.of("1"), at(objects.get(3), "spec", "replicas"));
    assertTrue(objects.get(3).root().mapAt("spec").orElseThrow().get("strategy").isEmpty(),
        "a StatefulSet has no Deployment strategy");
    assertTrue(out.contains("value: postgres://portal@portal-db:5432/portal"), out);
  }

  /** The bundled example: the frontend and the API both serve 8080, so they run apart. */
  @Test
  void theBundledExampleKeepsItsReplicasAndSharesNoPort() {
    String out = advise("testdata/examples/shop-bad.yaml");
    List<K8sObject> objects = load(out);
    assertEquals(List.of("Service/shop/shop", "Deployment/shop/shop", "Deployment/shop/shop-api",
        "Service/shop/shop-api", "StatefulSet/shop/shop-cache", "Service/shop/shop-cache"), identities(out));
    assertEquals(Optional.of("2"), at(objects.get(1), "spec", "replicas"));
    assertEquals(Optional.of("2"), at(objects.get(2), "spec", "replicas"));
    assertEquals(List.of("frontend"), containers(objects.get(1)));
    assertTrue(out.contains("value: shop-cache:6379"), out);
  }

  /** Names stay unique in the file across the proposals for two pods of it. */
  @Test
  void twoProposalsInOneFileTakeDifferentNames() {
    String out = advise("testdata/advise/two-pods.yaml");
    List<String> ids = identities(out);
    assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
    assertTrue(ids.contains("StatefulSet/-/shop-api-cache") && ids.contains("StatefulSet/-/shop-api-cache-2"),
        ids.toString());
    List<String> selectors = load(out).stream().filter(o -> o.kind().equals("StatefulSet"))
        .map(o -> at(o, "spec", "selector", "matchLabels", "app").orElseThrow()).toList();
    assertEquals(2, selectors.stream().distinct().count(), selectors.toString());
  }

  /** The fix in JSON and SARIF is the proposal advise prints, also when it edits two places. */
  @Test
  void theFindingsFixIsTheSameEdit() throws IOException {
    for (String file : List.of(FIXTURES + "bad-list-from-kubectl.yaml",
        FIXTURES + "bad-existing-service-after-the-pod.yaml")) {
      String text = Files.readString(TestSupport.ROOT.resolve(file));
      LintResult r = TestSupport.linterWithDefaults(TestSupport.catalog(), LintOptions.DEFAULT)
          .lintText(new SourceFile(file, TestSupport.ROOT.resolve(file)), text);
      List<Finding.Fix> fixes = r.findings().stream().map(Finding::fix).filter(f -> f != null).toList();
      assertEquals(1, fixes.size());
      assertEquals(2, fixes.get(0).edits().size(), "the object and the Service");
      assertEquals("# podlint advise: " + file + "\n" + TextEdits.apply(text, fixes), advise(file));
    }
  }

  @Test
  void podsThatCannotBeRewrittenAreExplained(@TempDir Path dir) throws IOException {
    String pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": ["
        + "{\"name\": \"a\", \"image\": \"postgres:16\", \"ports\": [{\"containerPort\": 5432}]},"
        + "{\"name\": \"b\", \"image\": \"mysql:8\", \"ports\": [{\"containerPort\": 3306}]}]}}";
    Files.writeString(dir.resolve("list.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [" + pod + "]}\n");
    Cli.Run json = Cli.run(dir, null, "advise", "list.json");
    assertEquals(0, json.code(), json.err());
    assertEquals("", json.out());
    assertTrue(json.err().contains("list.json:1:") && json.err().contains("flow-style (JSON) list"), json.err());
    assertTrue(json.err().contains("1 more cannot be split automatically"), json.err());
    Files.writeString(dir.resolve("owned.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-7d4-x2\n"
        + "  ownerReferences:\n    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4, uid: u, controller: true}\n"
        + "spec:\n  containers:\n    - {name: a, image: 'postgres:16', ports: [{containerPort: 5432}]}\n"
        + "    - {name: b, image: 'mysql:8', ports: [{containerPort: 3306}]}\n");
    Cli.Run owned = Cli.run(dir, null, "advise", "owned.yaml");
    assertEquals("", owned.out());
    assertTrue(owned.err().contains("its controller (ReplicaSet web-7d4) makes this Pod; split the controller instead"),
        owned.err());
    Files.writeString(dir.resolve("doc.json"), pod + "\n");
    List<String> fromJson = identities(Cli.run(dir, null, "advise", "-q", "doc.json").out());
    assertEquals(List.of("StatefulSet/-/p", "Service/-/p", "StatefulSet/-/p-b", "Service/-/p-b"), fromJson,
        "a JSON document is replaced whole, in YAML");
  }

  /** A suppressed finding gets no proposal: advise asks the linter which pods are flagged. */
  @Test
  void aSuppressedPodIsNotSplit(@TempDir Path dir) throws IOException {
    String text = Files.readString(TestSupport.ROOT.resolve(FIXTURES + "bad-two-databases.yaml"))
        .replace("  name: databases\n", "  name: databases\n  annotations:\n    podlint.io/ignore: unrelated-services-in-pod\n");
    Files.writeString(dir.resolve("pod.yaml"), text);
    Cli.Run run = Cli.run(dir, null, "advise", "pod.yaml");
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("no pod holds independent services"), run.err());
  }
}
