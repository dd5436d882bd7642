package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-object rules over several files of one run: service-target-port-unknown and
 * service-selects-no-pods see a Service in one file and its workloads in another, and point their
 * related locations into the other file.
 */
class CrossObjectTest {
  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        selector:
          matchLabels:
            app: shop
        template:
          metadata:
            labels:
              app: shop
              tier: frontend
          spec:
            containers:
              - name: web
                image: registry.example.com/shop:2.3.1
                ports:
                  - name: web
                    containerPort: 8080
      """;

  /** Selects the Deployment; targetPort `http` is not declared (line 11, column 19). */
  static final String SERVICE_WRONG_PORT = """
      apiVersion: v1
      kind: Service
      metadata:
        name: shop
      spec:
        selector:
          app: shop
        ports:
          - name: http
            port: 80
            targetPort: http
      """;

  /** Selects nothing: `tier: web` where the pods say `tier: frontend` (selector at line 6). */
  static final String SERVICE_WRONG_TIER = """
      apiVersion: v1
      kind: Service
      metadata:
        name: shop
      spec:
        selector:
          app: shop
          tier: web
        ports:
          - port: 80
            targetPort: web
      """;

  @TempDir
  Path dir;

  private SourceFile write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return new SourceFile(name, p);
  }

  private static List<Finding> lint(List<String> rules, SourceFile... files) {
    RuleCatalog c = TestSupport.catalog();
    List<RuleDefinition> enabled = new ArrayList<>();
    enabled.add(c.get(Linter.INVALID_YAML));
    rules.forEach(r -> enabled.add(c.get(r)));
    LintResult r = TestSupport.linter(c, enabled).lint(List.of(files), List.of(), InputStream::nullInputStream);
    assertEquals(List.of(), r.internalErrors());
    assertEquals(List.of(), r.inputProblems());
    return r.findings().stream().filter(f -> !f.isSuppressed()).toList();
  }

  private static final List<String> BOTH = List.of("service-target-port-unknown", "service-selects-no-pods");

  @Test
  void targetPortIsCheckedAgainstAWorkloadInAnotherFile() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_PORT);
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    List<Finding> found = lint(BOTH, svc, deploy);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("service-target-port-unknown", f.rule().name());
    assertEquals("service.yaml", f.file().displayName());
    assertEquals(11, f.span().start().line());
    assertEquals(19, f.span().start().column());
    assertEquals("targetPort 'http' of Service port 80 matches no port declared by the pods it selects "
        + "(Deployment/shop); declared: web=8080", f.message());
    assertEquals(1, f.related().size());
    Finding.Related rel = f.related().get(0);
    assertEquals("deployment.yaml", rel.file().displayName());
    assertEquals(11, rel.span().start().line(), "the pod template's labels key");
    assertEquals(7, rel.span().start().column());
    assertEquals("selects the pods of Deployment/shop, which declare: web=8080", rel.message());
  }

  @Test
  void theFileOrderDoesNotChangeTheFindings() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_PORT);
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    assertEquals(lint(BOTH, svc, deploy).toString(), lint(BOTH, deploy, svc).toString());
  }

  @Test
  void aServiceThatSelectsNothingNamesTheClosestWorkloadInTheOtherFile() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_TIER);
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    List<Finding> found = lint(BOTH, deploy, svc);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("service-selects-no-pods", f.rule().name());
    assertEquals("service.yaml", f.file().displayName());
    assertEquals(6, f.span().start().line());
    assertEquals(3, f.span().start().column());
    assertTrue(f.message().endsWith("did you mean Deployment/shop (app=shop, tier=frontend)?"), f.message());
    Finding.Related rel = f.related().get(0);
    assertEquals("deployment.yaml", rel.file().displayName());
    assertEquals(11, rel.span().start().line());
    assertEquals("pod labels of Deployment/shop: app=shop, tier=frontend", rel.message());
  }

  @Test
  void aServicesFileLintedAloneSaysNothingAboutPods() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_TIER);
    assertEquals(List.of(), lint(BOTH, svc));
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    assertEquals(1, lint(BOTH, svc, deploy).size());
  }

  @Test
  void aServiceInAnotherNamespaceIsToldSo() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_PORT.replace("  name: shop\n", "  name: shop\n  namespace: prod\n"));
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT.replace("  name: shop\n", "  name: shop\n  namespace: staging\n"));
    List<Finding> found = lint(BOTH, svc, deploy);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("service-selects-no-pods", f.rule().name());
    assertEquals("The selector (app=shop) matches only pods in another namespace (Deployment/staging/shop), "
        + "but a Service selects pods in its own namespace 'prod'", f.message());
    assertEquals("deployment.yaml", f.related().get(0).file().displayName());
  }

  @Test
  void theAnnotationOnTheServiceSuppressesAcrossFiles() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_PORT.replace("  name: shop\n",
        "  name: shop\n  annotations:\n    podlint.io/ignore: service-target-port-unknown\n"));
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    assertEquals(List.of(), lint(BOTH, svc, deploy));
  }

  @Test
  void aMatchInAnyFileIsEnoughAndAllSelectedWorkloadsAreRelated() throws IOException {
    SourceFile svc = write("service.yaml", SERVICE_WRONG_PORT);
    SourceFile a = write("a.yaml", DEPLOYMENT);
    SourceFile b = write("b.yaml", DEPLOYMENT.replace("name: shop", "name: shop-canary")
        .replace("- name: web\n", "- name: http\n"));
    assertEquals(List.of(), lint(BOTH, svc, a, b), "b.yaml declares port name http");
    SourceFile c = write("c.yaml", DEPLOYMENT.replace("name: shop", "name: shop-canary"));
    List<Finding> found = lint(BOTH, svc, a, c);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).message().contains("(Deployment/shop, Deployment/shop-canary)"), found.get(0).message());
    assertEquals(List.of("a.yaml", "c.yaml"),
        found.get(0).related().stream().map(r -> r.file().displayName()).toList());
  }

  @Test
  void jsonAndSarifReportsPointRelatedLocationsAtTheOtherFile() throws IOException {
    write("service.yaml", SERVICE_WRONG_PORT);
    write("deployment.yaml", DEPLOYMENT);
    Cli.Run json = Cli.run(dir, null, "-f", "json", "service.yaml", "deployment.yaml");
    assertEquals(1, json.code(), json.err());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    var finding = java.util.stream.StreamSupport.stream(tree.get("findings").spliterator(), false)
        .filter(f -> f.get("rule").asText().equals("service-target-port-unknown")).findFirst().orElseThrow();
    assertEquals("service.yaml", finding.get("file").asText());
    assertEquals("deployment.yaml", finding.get("related").get(0).get("file").asText());
    assertEquals(11, finding.get("related").get(0).get("line").asInt());
    Cli.Run sarif = Cli.run(dir, null, "-f", "sarif", "--srcroot", dir.toString(), "service.yaml", "deployment.yaml");
    assertTrue(sarif.out().contains("\"uri\" : \"deployment.yaml\"") || sarif.out().contains("\"uri\":\"deployment.yaml\""),
        sarif.out());
    SarifReporterTest.assertValid(sarif.out());
  }

  /** A Deployment without a namespace that runs as ServiceAccount {@code api} and no NetworkPolicy selects. */
  static final String API = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        selector:
          matchLabels:
            app: api
        template:
          metadata:
            labels:
              app: api
          spec:
            serviceAccountName: api
            containers:
              - name: api
                image: registry.example.com/api:1.0.0
      """;

  /** A ServiceAccount and a NetworkPolicy of another application, without a namespace. */
  static final String OTHER_APPLICATION = """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: billing
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: billing
      spec:
        podSelector:
          matchLabels:
            app: billing
      """;

  private SourceFile writeIn(String subdirectory, String name, String text) throws IOException {
    Path d = dir.resolve(subdirectory);
    Files.createDirectories(d);
    Path p = d.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return new SourceFile(subdirectory + "/" + name, p);
  }

  private static final List<String> ABSENCE = List.of("service-account-missing", "missing-network-policy");

  @Test
  void whatTheInputLacksIsJudgedOnlyWithEvidenceNearTheWorkload() throws IOException {
    SourceFile api = writeIn("api", "deployment.yaml", API);
    SourceFile billing = writeIn("billing", "objects.yaml", OTHER_APPLICATION);
    // a whole repository: another application's ServiceAccount and policy say nothing about api
    assertEquals(List.of(), lint(ABSENCE, api, billing));
    // beside the workload they do: its account is missing and no policy selects it
    SourceFile beside = writeIn("api", "objects.yaml", OTHER_APPLICATION);
    List<String> found = lint(ABSENCE, api, beside).stream().map(f -> f.rule().name() + " " + f.file().displayName()
        + ":" + f.span().start().line()).toList();
    assertEquals(List.of("missing-network-policy api/deployment.yaml:11", "service-account-missing api/deployment.yaml:14"),
        found);
    // and so do objects in other directories that name the same namespace as the workload
    SourceFile namespaced = writeIn("shop", "deployment.yaml", API.replace("metadata:\n  name: api\n",
        "metadata:\n  name: api\n  namespace: shop\n"));
    SourceFile shopObjects = writeIn("policies", "shop.yaml", OTHER_APPLICATION.replace("metadata:\n",
        "metadata:\n  namespace: shop\n"));
    assertEquals(2, lint(ABSENCE, namespaced, shopObjects).size());
    assertEquals(0, lint(ABSENCE, namespaced, billing).size(), "no namespace and another directory: not evidence");
  }
}
