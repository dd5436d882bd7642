package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.ManifestLoader;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica, autoscaler and disruption-budget rules across the files of one run: an HPA, a
 * PodDisruptionBudget or a Service in one file changes what is said about a workload in another,
 * related locations point into the other file, suppressions on the workload still apply, and the
 * order of the files does not matter.
 */
class ScalingRulesTest {
  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: api
        template:
          metadata:
            labels:
              app: api
          spec:
            containers:
              - name: api
                image: registry.example.com/shop/api:2.4.1
      """;

  static final String HPA = """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: api
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: api
        minReplicas: 2
        maxReplicas: 10
      """;

  static final String PDB = """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: api
      spec:
        maxUnavailable: 1
        selector:
          matchLabels:
            app: api
      """;

  static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
      spec:
        selector:
          app: api
        ports:
          - port: 80
            targetPort: 8080
      """;

  /** The rules of this test (and what a Deployment needs to be clean of them). */
  static final List<String> RULES = List.of("too-few-replicas", "missing-pdb", "hpa-target-missing",
      "replicas-with-hpa");

  @TempDir
  Path dir;

  private SourceFile write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return new SourceFile(name, p);
  }

  private static List<Finding> lint(List<RuleDefinition> rules, SourceFile... files) {
    LintResult r = TestSupport.linter(TestSupport.catalog(), rules).lint(List.of(files), List.of(), InputStream::nullInputStream);
    assertEquals(List.of(), r.internalErrors());
    assertEquals(List.of(), r.inputProblems());
    return r.findings().stream().filter(f -> !f.isSuppressed()).toList();
  }

  private static List<Finding> lint(SourceFile... files) {
    return lint(RULES.stream().map(n -> TestSupport.catalog().get(n)).toList(), files);
  }

  private static List<String> names(List<Finding> found) {
    return found.stream().map(f -> f.rule().name() + "@" + f.file().displayName() + ":" + f.span().start().line())
        .toList();
  }

  @Test
  void replicasUnderAnHpaInAnotherFilePointAtTheAutoscaler() throws IOException {
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    SourceFile hpa = write("hpa.yaml", HPA);
    assertEquals(List.of(), names(lint(deploy)).stream().filter(n -> n.startsWith("replicas-with-hpa")).toList());
    List<Finding> found = lint(hpa, deploy);
    assertEquals(List.of("replicas-with-hpa@deployment.yaml:6"), names(found));
    Finding f = found.get(0);
    assertEquals(3, f.span().start().column(), "at the replicas key");
    assertEquals("Deployment 'api' sets spec.replicas (3) although HorizontalPodAutoscaler 'api' scales it: every "
        + "apply resets the replica count to 3 until the autoscaler corrects it", f.message());
    assertEquals(1, f.related().size());
    Finding.Related rel = f.related().get(0);
    assertEquals("hpa.yaml", rel.file().displayName());
    assertEquals(9, rel.span().start().line(), "the autoscaler's scaleTargetRef.name");
    assertEquals(11, rel.span().start().column());
    assertEquals(names(found), names(lint(deploy, hpa)), "file order");
  }

  @Test
  void anAutoscalerMeansTheNamesakeClosestToIt() throws IOException {
    Files.createDirectories(dir.resolve("shop/base"));
    Files.createDirectories(dir.resolve("shop/hpa"));
    Files.createDirectories(dir.resolve("blog"));
    SourceFile base = write("shop/base/deployment.yaml", DEPLOYMENT);
    SourceFile hpa = write("shop/hpa/hpa.yaml", HPA);
    SourceFile namesake = write("blog/deployment.yaml", DEPLOYMENT);
    List<Finding> found = lint(List.of(TestSupport.catalog().get("replicas-with-hpa")), namesake, hpa, base);
    assertEquals(List.of("replicas-with-hpa@shop/base/deployment.yaml:6"), names(found),
        "the blog's Deployment of the same name is another application's");
    SourceFile sameFile = write("blog/all.yaml", DEPLOYMENT + "---\n" + HPA);
    assertEquals(List.of("replicas-with-hpa@blog/all.yaml:6"),
        names(lint(List.of(TestSupport.catalog().get("replicas-with-hpa")), sameFile, namesake)));
  }

  @Test
  void anAnnotationOnTheWorkloadSuppressesAFindingMadeFromAnotherFile() throws IOException {
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT.replace("  name: api\n",
        "  name: api\n  annotations:\n    podlint.io/ignore: replicas-with-hpa\n"));
    SourceFile hpa = write("hpa.yaml", HPA);
    LintResult r = TestSupport.linter(TestSupport.catalog(), List.of(TestSupport.catalog().get("replicas-with-hpa")))
        .lint(List.of(deploy, hpa), List.of(), InputStream::nullInputStream);
    assertEquals(1, r.findings().size());
    assertTrue(r.findings().get(0).isSuppressed());
  }

  @Test
  void anHpaLintedAloneSaysNothingButIsJudgedBesideTheWorkloads() throws IOException {
    SourceFile hpa = write("hpa.yaml", HPA);
    assertEquals(List.of(), names(lint(hpa)));
    SourceFile other = write("other.yaml", DEPLOYMENT.replace("name: api", "name: api-server")
        .replace("  replicas: 3\n", ""));
    List<Finding> found = lint(hpa, other).stream().filter(f -> f.rule().name().equals("hpa-target-missing")).toList();
    assertEquals(List.of("hpa-target-missing@hpa.yaml:9"), names(found));
    assertTrue(found.get(0).message().endsWith("did you mean Deployment 'api-server'?"), found.get(0).message());
    assertEquals("other.yaml", found.get(0).related().get(0).file().displayName());
    assertEquals(4, found.get(0).related().get(0).span().start().line(), "the hint's metadata.name");
    SourceFile target = write("deployment.yaml", DEPLOYMENT.replace("  replicas: 3\n", ""));
    assertEquals(List.of(), names(lint(hpa, other, target)).stream().filter(n -> n.startsWith("hpa-")).toList());
  }

  @Test
  void aBudgetAnywhereInTheRunMakesMissingBudgetsCount() throws IOException {
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT);
    assertEquals(List.of(), names(lint(deploy)).stream().filter(n -> n.startsWith("missing-pdb")).toList(),
        "no budget in the input: it may live elsewhere");
    SourceFile other = write("other-pdb.yaml", PDB.replace("app: api", "app: web").replace("name: api", "name: web"));
    List<Finding> found = lint(other, deploy).stream().filter(f -> f.rule().name().equals("missing-pdb")).toList();
    assertEquals(List.of("missing-pdb@deployment.yaml:12"), names(found), "at the pod template's labels key");
    SourceFile pdb = write("pdb.yaml", PDB);
    assertEquals(List.of(), names(lint(deploy, other, pdb)).stream().filter(n -> n.startsWith("missing-pdb")).toList());
  }

  @Test
  void tooFewReplicasLeavesTheCountToAnHpaInAnotherFileAndJudgesItsMinimum() throws IOException {
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT.replace("  replicas: 3\n", ""));
    assertEquals(List.of("too-few-replicas@deployment.yaml:5"), names(lint(deploy)));
    SourceFile hpa = write("hpa.yaml", HPA.replace("minReplicas: 2", "minReplicas: 1"));
    assertEquals(List.of("too-few-replicas@hpa.yaml:10"), names(lint(deploy, hpa)));
  }

  @Test
  void tooFewReplicasSkipsWorkersWhenServicesInTheRunSelectOthers() throws IOException {
    SourceFile worker = write("worker.yaml", DEPLOYMENT.replace(": api", ": worker").replace("replicas: 3", "replicas: 1"));
    SourceFile api = write("api.yaml", DEPLOYMENT.replace("replicas: 3", "replicas: 1"));
    assertEquals(List.of("too-few-replicas@api.yaml:6", "too-few-replicas@worker.yaml:6"), names(lint(worker, api)),
        "no Service in the run: podlint cannot tell who serves traffic");
    SourceFile svc = write("service.yaml", SERVICE);
    assertEquals(List.of("too-few-replicas@api.yaml:6"), names(lint(svc, worker, api)));
  }

  @Test
  void theMinReplicasParameterChangesTheThresholdAndTheMessage() throws IOException {
    String text = Files.readString(TestSupport.ROOT.resolve("rules/PL045-too-few-replicas.yaml"));
    assertTrue(text.contains("      default: 2\n"), "the parameter's default as written in the rule file");
    RuleDefinition three = RuleCatalog.parse(new ManifestLoader(), "PL045-too-few-replicas.yaml",
        text.replace("      default: 2\n", "      default: 3\n"));
    SourceFile deploy = write("deployment.yaml", DEPLOYMENT.replace("replicas: 3", "replicas: 2"));
    assertEquals(List.of(), lint(List.of(TestSupport.catalog().get("too-few-replicas")), deploy));
    List<Finding> found = lint(List.of(three), deploy);
    assertEquals(1, found.size());
    assertEquals("Deployment 'api' runs 2 replicas, fewer than 3: losing one pod to a node drain, eviction or crash "
        + "leaves too little capacity; run at least 3", found.get(0).message());
  }

  /**
   * No rule of this change fires on a kind it does not apply to: every fixture of every rule is
   * linted with all of them (run checks pick their objects themselves, so the engine's kind filter
   * does not protect them).
   */
  @Test
  void findingsOnlyConcernKindsTheirRuleAppliesTo() throws IOException {
    List<String> all = List.of("latest-image-tag", "image-pull-policy", "missing-ephemeral-storage-request",
        "missing-ephemeral-storage-limit", "duplicate-env-var", "too-few-replicas", "missing-pdb", "hpa-target-missing",
        "replicas-with-hpa", "missing-pod-anti-affinity", "job-without-ttl", "cronjob-without-deadline",
        "default-namespace");
    List<RuleDefinition> rules = all.stream().map(n -> TestSupport.catalog().get(n)).toList();
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(TestSupport.TESTDATA.resolve("rules"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted()
          .forEach(p -> files.add(new SourceFile(TestSupport.ROOT.relativize(p).toString(), p)));
    }
    int checked = 0;
    for (SourceFile f : files) {
      for (Finding x : TestSupport.linter(TestSupport.catalog(), rules).lint(List.of(f), List.of(), InputStream::nullInputStream)
          .findings()) {
        assertFalse(x.object() == null, x.toString());
        assertTrue(x.rule().appliesTo(x.object()), x.rule().name() + " fired on a " + x.object().kind() + " in "
            + f.displayName() + ":" + x.span().start().line());
        checked++;
      }
    }
    assertTrue(checked > 100, "the fixtures hold findings of these rules: " + checked);
  }
}
