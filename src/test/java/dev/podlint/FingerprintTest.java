package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding's fingerprint names its file as SARIF does, relative to the source root, so it does not
 * depend on how the file was named on the command line or where podlint ran; baselines and code
 * scanning alerts rely on that.
 */
class FingerprintTest {
  @TempDir
  Path dir;

  private List<String> fingerprints(Path workingDir, String... args) throws IOException {
    List<String> out = new ArrayList<>();
    Cli.Run r = Cli.run(workingDir, null, args);
    for (JsonNode res : new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results")) {
      out.add(res.get("ruleId").asText() + " " + res.get("partialFingerprints").get("podlint/v1").asText());
    }
    return out;
  }

  @Test
  void theSameFileGivesTheSameFingerprintsHoweverItIsNamed() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("k8s"));
    Files.copy(TestSupport.ROOT.resolve("testdata/ci/port-conflict.yaml"), repo.resolve("k8s/pod.yaml"));
    List<String> plain = fingerprints(repo, "-f", "sarif", "--fail-on", "none", "k8s/pod.yaml");
    assertTrue(plain.size() > 3, plain.toString());
    assertEquals(plain, fingerprints(repo, "-f", "sarif", "--fail-on", "none", "./k8s/pod.yaml"));
    assertEquals(plain, fingerprints(repo, "-f", "sarif", "--fail-on", "none", repo.resolve("k8s/pod.yaml").toString()));
    assertEquals(plain, fingerprints(repo, "-f", "sarif", "--fail-on", "none", "k8s"));
    assertEquals(plain, fingerprints(dir, "-f", "sarif", "--fail-on", "none", "--srcroot", "repo", "repo/k8s/pod.yaml"));
  }

  @Test
  void repeatsAreNumberedAcrossTheFilesAndTheEndOfTheRun() throws IOException {
    // one annotation suppresses two rules that find nothing: two unused-suppression findings on one
    // node, one decided with the file, one (a cross-object rule's) at the end of the run
    Files.writeString(dir.resolve("web.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            podlint.io/ignore: host-network, service-selects-no-pods
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: app
                  image: app:1.0
        """);
    List<String> unused = fingerprints(dir, "-f", "sarif", "--fail-on", "none", "web.yaml").stream()
        .filter(f -> f.startsWith("PL060 ")).toList();
    assertEquals(2, unused.size(), unused.toString());
    assertEquals(2, unused.stream().distinct().count(), "each has its own fingerprint: " + unused);
  }

  @Test
  void aBaselineWrittenInOneDirectoryMatchesARunFromAnother() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    Files.copy(TestSupport.ROOT.resolve("testdata/ci/port-conflict.yaml"), repo.resolve("pod.yaml"));
    Cli.Run base = Cli.run(repo, null, "-f", "sarif", "-o", "base.sarif", "--fail-on", "none", "pod.yaml");
    assertEquals(0, base.code(), base.err());
    Cli.Run again = Cli.run(dir, null, "--srcroot", "repo", "--baseline", "repo/base.sarif", "--fail-on", "note",
        "repo/pod.yaml");
    assertEquals(0, again.code(), "nothing is new: " + again.out() + again.err());
    assertTrue(again.err().contains("0 new findings") || again.err().contains("0 new finding"), again.err());
  }
}
