package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.checks.DeprecatedApiVersionCheck;
import dev.podlint.checks.DeprecatedApiVersionCheck.Deprecation;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.schema.KubernetesVersions;
import dev.podlint.schema.ServedKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The version data agree with each other: the migration guide's table with what the specs of the
 * supported versions serve, and the replacements it names with what every version serves.
 */
class KubernetesVersionsTest {
  @Test
  void theDeprecationTableAgreesWithTheSpecs() {
    List<String> problems = new ArrayList<>();
    int oldest = KubernetesVersions.minor(KubernetesVersions.ALL.get(0));
    for (Deprecation d : DeprecatedApiVersionCheck.TABLE) {
      Optional<ServedKinds.Served> served = ServedKinds.lookup(d.apiVersion(), d.kind());
      String what = d.apiVersion() + " " + d.kind();
      if (d.removedIn() != null && d.removedIn() <= oldest && served.isPresent()) {
        problems.add(what + ": removed in 1." + d.removedIn() + ", but the spec of " + served.get().first() + " has it");
      }
      if (d.removedIn() != null && d.removedIn() > oldest
          && !served.map(s -> s.last().equals("1." + (d.removedIn() - 1))).orElse(false)) {
        problems.add(what + ": removed in 1." + d.removedIn() + ", but the specs serve it until "
            + served.map(ServedKinds.Served::last).orElse("never"));
      }
      if (d.replacement() != null && !KubernetesVersions.ALL.stream()
          .allMatch(v -> ServedKinds.lookup(d.replacement(), d.kind()).map(s -> s.in(v)).orElse(false))) {
        problems.add(what + ": the replacement " + d.replacement() + " is not served by every supported version");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void replacementsPreferTheSameGroupThenTheMostMatureVersion() {
    assertEquals(List.of("resource.k8s.io/v1beta2", "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3"),
        ServedKinds.apiVersionsOf("ResourceClaim", "1.33", "resource.k8s.io"));
    assertEquals(List.of("autoscaling/v2", "autoscaling/v1"),
        ServedKinds.apiVersionsOf("HorizontalPodAutoscaler", "1.36", "autoscaling"));
    assertEquals(List.of("networking.k8s.io/v1"), ServedKinds.apiVersionsOf("Ingress", "1.29", "extensions"));
    assertEquals(List.of(), ServedKinds.apiVersionsOf("ResourceClass", "1.31", "resource.k8s.io"));
  }

  @Test
  void versionsAreOrderedByTheirMinorNumber() {
    assertEquals(List.of("1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"), KubernetesVersions.ALL);
    assertTrue(KubernetesVersions.compare("1.9", "1.10") < 0, "not as strings");
    assertEquals("1.30", KubernetesVersions.next("1.29"));
    assertEquals(null, KubernetesVersions.next("1.36"));
    assertEquals(KubernetesVersions.newest(), LintOptions.DEFAULT.kubernetesVersion());
  }

  /** A field one version lacks says in which version it appeared; every version knows it is a field. */
  @Test
  void aFieldAddedLaterNamesItsVersionInEveryOlderVersion() {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostnameOverride: p-0
          containers: [{name: c, image: registry.example.com/c:1.0.0}]
        """;
    for (String v : KubernetesVersions.ALL) {
      List<Finding> found = TestSupport.lint("p.yaml", pod, List.of("schema-violation"), new LintOptions(v, false));
      List<String> messages = found.stream().map(Finding::message).toList();
      if (KubernetesVersions.compare(v, "1.34") < 0) {
        assertEquals(List.of("spec.hostnameOverride: unknown field \"hostnameOverride\" in Kubernetes " + v
            + " (added in 1.34)"), messages, v);
      } else {
        assertEquals(List.of(), messages, v);
      }
    }
  }

  /** The rules whose findings depend on the version say which versions they know; the others do not. */
  @Test
  void rulesAndExplainListTheVersionsAVersionDependentRuleKnows() {
    List<String> versioned = TestSupport.catalog().all().stream()
        .filter(r -> !r.kubernetesVersions().isEmpty()).map(r -> r.name()).sorted().toList();
    assertEquals(List.of("deprecated-api-version", "schema-violation", "unknown-kind"), versioned);
    String all = String.join(", ", KubernetesVersions.ALL);
    for (String rule : versioned) {
      assertTrue(Cli.run("explain", rule).out().contains("Kubernetes versions: " + all
          + " (--kubernetes-version or kubernetesVersion; default 1.36)"), rule);
    }
    assertTrue(!Cli.run("explain", "naked-pod").out().contains("Kubernetes versions"));
    List<String> lines = Cli.run("rules").out().lines().toList();
    for (String line : lines) {
      boolean marked = line.endsWith("[Kubernetes 1.29 to 1.36]");
      boolean rule = line.startsWith("PL");
      if (rule) {
        assertEquals(versioned.stream().anyMatch(n -> line.contains(" " + n + " ")), marked, line);
      }
    }
    String json = Cli.run("rules", "--format", "json").out();
    assertTrue(json.contains("\"kubernetesVersions\" : [ \"1.29\", \"1.30\""), json.substring(0, 400));
    assertTrue(Cli.run("rules", "--format", "markdown").out().contains("Kubernetes versions: " + all));
  }
}
