package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format github}: workflow commands on standard output, the summary on standard error. */
class GithubFormatTest {
  @TempDir
  Path dir;

  @Test
  void oneEscapedCommandPerFindingWithPathsRelativeToTheWorkingDirectory() throws IOException {
    Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(dir.resolve("k8s/a,b:c%.yaml"), CliTest.CONFLICT, StandardCharsets.UTF_8);
    Cli.Run r = Cli.run(dir, null, "--no-config", "-f", "github", "k8s");
    assertEquals(1, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("::error file=k8s/a%2Cb%3Ac%25.yaml,line=14,col=26,endLine=14,endColumn=30,"
        + "title=PL001 container-port-conflict::Port 8080/TCP of container 'stats' is already declared by container 'web'"),
        r.out());
    assertTrue(lines.contains("::notice file=k8s/a%2Cb%3Ac%25.yaml,line=2,col=7,endLine=2,endColumn=10,"
        + "title=PL021 naked-pod::Pod 'shop' is not managed by a controller, so nothing recreates it after a node "
        + "failure, drain or eviction; run it as a Deployment"), r.out());
    assertTrue(lines.contains("::warning file=k8s/a%2Cb%3Ac%25.yaml,line=7,endLine=10,"
        + "title=PL005 missing-liveness-probe::Container 'web' has no livenessProbe"), r.out());
    assertTrue(lines.contains("::warning file=k8s/a%2Cb%3Ac%25.yaml,line=11,endLine=14,"
        + "title=PL005 missing-liveness-probe::Container 'stats' has no livenessProbe"), r.out());
    for (String line : lines) {
      assertTrue(line.matches("::(error|warning|notice) file=k8s/a%2Cb%3Ac%25\\.yaml,line=\\d+,(col=\\d+,)?"
          + "endLine=\\d+,(endColumn=\\d+,)?title=PL\\d{3} [a-z-]+::[^\\r\\n]+"), line);
    }
    Cli.Run text = Cli.run(dir, null, "--no-config", "-q", "k8s");
    assertEquals(text.out().lines().count(), lines.size(), "one command per finding of the text format");
    assertTrue(r.err().matches("(?s)podlint: 1 file, 1 object: 1 error, \\d+ warnings, \\d+ notes in .*"), r.err());
  }

  @Test
  void suppressedFindingsAreLeftOutAndStdinHasNoFile() {
    String pod = CliTest.CONFLICT.replace("  name: shop\n",
        "  name: shop\n  annotations:\n    podlint.io/ignore: container-port-conflict\n");
    Cli.Run r = Cli.run(dir, pod, "--no-config", "-q", "-f", "github", "--fail-on", "none", "-");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("PL001"), r.out());
    assertTrue(r.out().startsWith("::notice line=2,col=7,endLine=2,endColumn=10,title=PL021 naked-pod::"), r.out());
    assertEquals("", r.err(), "-q leaves out the summary");
  }

  @Test
  void srcrootIsTheBaseOfThePaths() throws IOException {
    Files.createDirectories(dir.resolve("repo/k8s"));
    Files.writeString(dir.resolve("repo/k8s/pod.yaml"), CliTest.CONFLICT, StandardCharsets.UTF_8);
    Cli.Run r = Cli.run(dir.resolve("repo/k8s"), null, "--no-config", "-q", "-f", "github", "--srcroot", "..",
        "pod.yaml");
    assertTrue(r.out().contains("::error file=k8s/pod.yaml,line=14,col=26,"), r.out());
  }
}
