package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract: formats, exit codes, streams, errors without stack traces. */
class CliTest {
  static final String CONFLICT = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: shop
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - containerPort: 8080
          - name: stats
            image: shop/stats:2.1
            ports:
              - containerPort: 8080
      """;

  static final String CLEAN = """
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: once
      spec:
        ttlSecondsAfterFinished: 3600
        template:
          spec:
            restartPolicy: Never
            securityContext: {runAsNonRoot: true, runAsUser: 65534, seccompProfile: {type: RuntimeDefault}}
            containers:
              - name: run
                image: busybox:1.36
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                  limits: {cpu: 200m, memory: 64Mi}
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void textFindingsAreCompilerStyleAndExitOne() throws IOException {
    write("pod.yaml", CONFLICT);
    Cli.Run r = Cli.run(dir, null, "lint", "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains(
        "pod.yaml:14:26: error: Port 8080/TCP of container 'stats' is already declared by container 'web' "
            + "[PL001 container-port-conflict]"), r.out());
    Pattern line = Pattern.compile("^pod\\.yaml:\\d+:\\d+: (error|warning|note): .+ \\[PL\\d{3} [a-z-]+]$");
    for (String l : r.out().split("\n")) {
      assertTrue(line.matcher(l).matches(), "not compiler style: " + l);
    }
    assertTrue(r.err().startsWith("podlint: 1 file, 1 object: 1 error, "), r.err());
    assertFalse(r.out().contains("podlint:"), "the summary belongs on stderr");
  }

  @Test
  void lintIsTheDefaultCommandAndNoPathMeansTheWorkingDirectory() throws IOException {
    write("a/pod.yaml", CONFLICT);
    write("a/notes.txt", "not yaml: [");
    Cli.Run r = Cli.run(dir, null);
    assertEquals(1, r.code());
    assertTrue(r.out().contains("a/pod.yaml:14:26: error:"), r.out());
    assertTrue(r.err().contains("1 file,"), "only manifest files are read: " + r.err());
  }

  @Test
  void cleanInputExitsZeroAndFailOnControlsTheCode() throws IOException {
    write("job.yaml", CLEAN);
    assertEquals(0, Cli.run(dir, null, "job.yaml").code());
    write("pod.yaml", CONFLICT);
    assertEquals(0, Cli.run(dir, null, "--fail-on", "none", "pod.yaml").code());
    Cli.Run warn = Cli.run(dir, null, "--fail-on", "warning", "job.yaml");
    assertEquals(0, warn.code(), warn.out());
    String noLimit = CLEAN.replace("            limits: {cpu: 200m, memory: 64Mi}\n", "");
    write("nolimit.yaml", noLimit);
    assertEquals(0, Cli.run(dir, null, "nolimit.yaml").code(), "warnings do not fail by default");
    assertEquals(1, Cli.run(dir, null, "--fail-on", "warning", "nolimit.yaml").code());
  }

  @Test
  void jsonManifestsAreFoundInDirectoriesAndReportedAtTheirLine() throws IOException {
    write("k8s/pod.json", """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {"name": "shop"},
          "spec": {
            "containers": [
              {"name": "web", "image": "nginx:1.27", "ports": [{"containerPort": 8080}]},
              {"name": "stats", "image": "shop/stats:2.1", "ports": [{"containerPort": 8080}]}
            ]
          }
        }
        """);
    Cli.Run r = Cli.run(dir, null, "k8s");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("k8s/pod.json:8:80: error: Port 8080/TCP of container 'stats'"), r.out());
  }

  @Test
  void customResourcesAreANoteOncePerKindOrAnErrorWithStrictKinds() throws IOException {
    write("crd.yaml", """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: {name: a}
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: {name: b}
        """);
    Cli.Run r = Cli.run(dir, null, "crd.yaml");
    assertEquals(0, r.code(), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.contains("note:") && l.contains("unknown-kind")).count(), r.out());
    Cli.Run strict = Cli.run(dir, null, "--strict-kinds", "crd.yaml");
    assertEquals(1, strict.code(), strict.out());
    assertTrue(strict.out().startsWith("crd.yaml:2:7: error: Kubernetes 1.36 serves no ServiceMonitor"), strict.out());
    Cli.Run older = Cli.run(dir, null, "--strict-kinds", "--kubernetes-version", "1.35", "crd.yaml");
    assertTrue(older.out().contains("Kubernetes 1.35 serves no ServiceMonitor"), older.out());
  }

  @Test
  void stdinIsReadForDash() {
    Cli.Run r = Cli.run(dir, CONFLICT, "lint", "-");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("<stdin>:14:26: error:"), r.out());
  }

  @Test
  void aMissingInputIsExitThreeAndTheOthersAreStillLinted() throws IOException {
    write("pod.yaml", CONFLICT);
    Cli.Run r = Cli.run(dir, null, "missing.yaml", "pod.yaml");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("podlint: cannot read missing.yaml: no such file or directory"), r.err());
    assertTrue(r.out().contains("pod.yaml:14:26: error:"), r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aBrokenSymbolicLinkInADirectoryIsAnUnreadableInput() throws IOException {
    write("k8s/pod.yaml", CONFLICT);
    Files.createSymbolicLink(dir.resolve("k8s/gone.yaml"), dir.resolve("nowhere.yaml"));
    Cli.Run r = Cli.run(dir, null, "k8s");
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("podlint: cannot read k8s/gone.yaml: broken symbolic link"), r.err());
    assertTrue(r.out().contains("k8s/pod.yaml:14:26: error:"), r.out());
  }

  @Test
  void invalidYamlIsAFindingNotACrashAndOtherFilesAreLinted() throws IOException {
    write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n");
    write("pod.yaml", CONFLICT);
    Cli.Run r = Cli.run(dir, null, ".");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("broken.yaml:4:10: error: "), r.out());
    assertTrue(r.out().contains("[PL000 invalid-yaml]"), r.out());
    assertTrue(r.out().contains("pod.yaml:14:26: error:"), r.out());
  }

  @Test
  void usageErrorsAreExitTwoWithoutStackTraces() {
    Cli.Run r = Cli.run(dir, null, "--format", "xml", "x.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("podlint: "), r.err());
    assertTrue(r.err().contains("Try 'podlint lint --help'"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(2, Cli.run(dir, null, "--no-such-option").code());
    Cli.Run version = Cli.run(dir, null, "--kubernetes-version", "1.12", "x.yaml");
    assertEquals(2, version.code());
    assertTrue(version.err().contains("choose one of 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36"), version.err());
    Cli.Run explain = Cli.run(dir, null, "explain", "container-port-conflit");
    assertEquals(2, explain.code());
    assertTrue(explain.err().contains("did you mean 'container-port-conflict'"), explain.err());
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Run r = Cli.run("--help");
    assertEquals(0, r.code());
    for (String code : new String[] {"0", "1", "2", "3", "4"}) {
      assertTrue(Pattern.compile("(?m)^\\s+" + code + "\\s+\\S").matcher(r.out()).find(), "exit code " + code
          + " not listed:\n" + r.out());
    }
    assertTrue(Cli.run("lint", "--help").out().contains("--fail-on"));
    Cli.Run help = Cli.run("help", "lint");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().contains("--fail-on"));
    // `podlint lint` builds only its own command (Main), `podlint help` all of them: the same usage
    assertEquals(help.out(), Cli.run("lint", "--help").out());
    assertTrue(Cli.run("--version").out().startsWith("podlint "));
  }

  @Test
  void outputFileIsWrittenAndStdoutStaysEmpty() throws IOException {
    write("pod.yaml", CONFLICT);
    Cli.Run r = Cli.run(dir, null, "-f", "json", "-o", "out/report.json", "pod.yaml");
    assertEquals(2, r.code(), "a missing output directory is a usage error: " + r.err());
    Files.createDirectories(dir.resolve("out"));
    r = Cli.run(dir, null, "-f", "json", "-o", "out/report.json", "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    assertEquals(1, json.get("schemaVersion").asInt());
    JsonNode f = null;
    for (JsonNode x : json.get("findings")) {
      if (x.get("rule").asText().equals("container-port-conflict")) {
        f = x;
      }
    }
    assertEquals("container-port-conflict", f.get("rule").asText());
    assertEquals(14, f.get("line").asInt());
    assertEquals(26, f.get("column").asInt());
    assertEquals("Pod", f.get("object").get("kind").asText());
    assertEquals("spec.containers[1].ports[0].containerPort", f.get("path").asText());
    assertEquals(10, f.get("related").get(0).get("line").asInt());
    try (var s = Files.list(dir.resolve("out"))) {
      assertEquals(1, s.count(), "no temporary file is left behind");
    }
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("out/report.json"))), "a report is an ordinary readable file");
  }

  @Test
  void outputToADeviceOrThroughALinkKeepsWhatIsThere() throws IOException {
    write("pod.yaml", CONFLICT);
    // a device is written to, never renamed over (as root, a rename would replace /dev/null)
    Path devNull = Path.of("/dev/null");
    if (Files.exists(devNull)) {
      Cli.Run r = Cli.run(dir, null, "-f", "sarif", "-o", "/dev/null", "pod.yaml");
      assertEquals(1, r.code(), r.err());
      assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
    }
    // a link to a report stays a link; the file it names gets the new report
    Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("reports/real.json"), "old");
    Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("reports/real.json"));
    Cli.Run r = Cli.run(dir, null, "-f", "json", "-o", "latest.json", "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(dir.resolve("latest.json")), "the link is kept");
    assertTrue(Files.readString(dir.resolve("reports/real.json")).contains("\"schemaVersion\""));
    try (var s = Files.list(dir.resolve("reports"))) {
      assertEquals(1, s.count(), "no temporary file is left behind");
    }
    // a dangling link stays a link too, and the report is the file it names
    Files.createSymbolicLink(dir.resolve("next.json"), Path.of("reports/next.json"));
    r = Cli.run(dir, null, "-f", "json", "-o", "next.json", "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(dir.resolve("next.json")), "the dangling link is kept");
    assertTrue(Files.readString(dir.resolve("reports/next.json")).contains("\"schemaVersion\""));
    // two names of one file are one target, and /dev/stdout is standard output
    r = Cli.run(dir, null, "-f", "sarif", "-o", "reports/real.json", "-f", "json", "-o", "latest.json", "pod.yaml");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("would both be written to latest.json"), r.err());
    if (Files.exists(Path.of("/dev/stdout"))) {
      r = Cli.run(dir, null, "-f", "json", "-f", "sarif", "-o", "/dev/stdout", "pod.yaml");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("would go to standard output"), r.err());
    }
  }

  @Test
  void annotationSuppressesAndTheSummaryCountsIt() throws IOException {
    write("pod.yaml", CONFLICT.replace("  name: shop\n",
        "  name: shop\n  annotations:\n    podlint.io/ignore: container-port-conflict, PL005\n"));
    Cli.Run r = Cli.run(dir, null, "pod.yaml");
    assertEquals(0, r.code(), r.out());
    assertFalse(r.out().contains("container-port-conflict"), r.out());
    assertFalse(r.out().contains("missing-liveness-probe"), "suppressed by id PL005: " + r.out());
    assertTrue(r.out().contains("missing-readiness-probe"), r.out());
    assertTrue(r.err().contains("(3 suppressed)"), r.err());
  }

  /** CONFLICT with a container-scoped annotation, a comment, and a misspelled rule name. */
  static final String SUPPRESSED = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: shop
        annotations:
          podlint.io/ignore.container.stats: "missing-liveness-probe, missing-readiness-probe -- a batch exporter"
          podlint.io/ignore.naked-pods: "typo"
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - containerPort: 8080
          - name: stats
            image: shop/stats:2.1
            ports:
              - containerPort: 8080  # podlint:ignore container-port-conflict -- stats listens on localhost only
      """;

  @Test
  void textLeavesSuppressedFindingsOutCountsThemAndReportsAWrongSuppression() throws IOException {
    write("pod.yaml", SUPPRESSED);
    Cli.Run r = Cli.run(dir, null, "pod.yaml");
    assertEquals(0, r.code(), "the conflict is suppressed, the rest are warnings and notes: " + r.out());
    assertFalse(r.out().contains("container-port-conflict"), r.out());
    assertFalse(r.out().contains("Container 'stats' has no livenessProbe"), r.out());
    assertTrue(r.out().contains("Container 'web' has no livenessProbe"), "other containers are still checked");
    assertTrue(r.out().contains("pod.yaml:7:23: note: Suppression names 'naked-pods', which is not a podlint rule; "
        + "did you mean 'naked-pod'? [PL060 unused-suppression]"), r.out());
    assertTrue(r.out().contains("[PL021 naked-pod]"), "the misspelled suppression suppresses nothing");
    assertTrue(r.err().contains(": 0 errors, ") && r.err().contains(" notes (3 suppressed) in "), r.err());
    Cli.Run strict = Cli.run(dir, null, "--fail-on", "note", "pod.yaml");
    assertEquals(1, strict.code(), "unused-suppression is a note, so --fail-on note fails on it");
  }

  @Test
  void jsonKeepsSuppressedFindingsWithTheirSuppression() throws IOException {
    write("pod.yaml", SUPPRESSED);
    Cli.Run r = Cli.run(dir, null, "-f", "json", "pod.yaml");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode conflict = null;
    int suppressed = 0;
    for (JsonNode f : root.get("findings")) {
      if (f.get("suppressed").asBoolean()) {
        suppressed++;
        assertEquals("inSource", f.get("suppression").get("kind").asText());
        assertEquals("pod.yaml", f.get("suppression").get("file").asText());
      } else {
        assertFalse(f.has("suppression"), f.toString());
      }
      if (f.get("rule").asText().equals("container-port-conflict")) {
        conflict = f;
      }
    }
    assertEquals(3, suppressed);
    assertEquals(3, root.get("summary").get("suppressed").asInt());
    assertTrue(conflict.get("suppressed").asBoolean());
    JsonNode sup = conflict.get("suppression");
    assertEquals("stats listens on localhost only", sup.get("justification").asText());
    assertEquals(17, sup.get("line").asInt());
    assertEquals(32, sup.get("column").asInt(), "the comment's #");
  }

  @Test
  void sarifMarksSuppressedResultsInSourceWithTheCommentOrAnnotation() throws IOException {
    write("pod.yaml", SUPPRESSED);
    Cli.Run r = Cli.run(dir, null, "-f", "sarif", "pod.yaml");
    SarifReporterTest.assertValid(r.out());
    int suppressed = 0;
    for (JsonNode res : new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results")) {
      if (!res.has("suppressions")) {
        continue;
      }
      suppressed++;
      JsonNode sup = res.get("suppressions").get(0);
      assertEquals("inSource", sup.get("kind").asText());
      int line = sup.get("location").get("physicalLocation").get("region").get("startLine").asInt();
      if (res.get("ruleId").asText().equals("PL001")) {
        assertEquals(17, line);
        assertEquals("stats listens on localhost only", sup.get("justification").asText());
      } else {
        assertEquals(6, line, "the container annotation: " + res);
        assertEquals("a batch exporter", sup.get("justification").asText());
      }
    }
    assertEquals(3, suppressed);
  }

  @Test
  void rulesAndExplain() {
    Cli.Run rules = Cli.run("rules");
    assertEquals(0, rules.code());
    for (var rule : TestSupport.catalog().all()) {
      assertTrue(rules.out().contains(rule.id() + "  " + rule.name()), rule.name());
    }
    Cli.Run explain = Cli.run("explain", "PL001");
    assertEquals(0, explain.code());
    assertTrue(explain.out().contains("container-port-conflict"));
    assertTrue(explain.out().contains("WHY"));
    assertTrue(explain.out().contains("podlint.io/ignore: container-port-conflict"));
    assertTrue(explain.out().contains(" · tags: ports, multi-container\n"), "the rule file's tags: " + explain.out());
    assertTrue(Cli.run("rules", "--format", "markdown").out().startsWith("# podlint rules"));
    assertTrue(Cli.run("rules", "--format", "json").out().contains("\"tags\" : [ \"ports\", \"multi-container\" ]"));
  }

  @Test
  void showHidesLowerLevelsFromEveryFormatWhileFailOnStillCountsThem() throws IOException {
    write("pod.yaml", CONFLICT);
    Cli.Run all = Cli.run(dir, null, "--no-config", "pod.yaml");
    assertTrue(all.out().contains(": note: "), all.out());
    assertFalse(all.err().contains("not shown"), all.err());
    Cli.Run errors = Cli.run(dir, null, "--no-config", "--show", "error", "pod.yaml");
    assertEquals(1, errors.code());
    assertEquals(1, errors.out().lines().count(), errors.out());
    assertTrue(errors.out().contains(": error: Port 8080/TCP"), errors.out());
    // the counts still name every finding; the aside says how many the reports left out
    assertTrue(errors.err().matches("(?s)podlint: 1 file, 1 object: 1 error, (\\d+) warnings, (\\d+) notes "
        + "\\(\\d+ below error not shown\\) in .*"), errors.err());
    Cli.Run sarif = Cli.run(dir, null, "--no-config", "--show", "error", "-f", "sarif", "pod.yaml");
    JsonNode results = new ObjectMapper().readTree(sarif.out()).path("runs").path(0).path("results");
    assertEquals(1, results.size(), sarif.out());
    assertEquals("PL001", results.path(0).path("ruleId").asText());
    for (String format : new String[] {"json", "checkstyle", "junit", "github"}) {
      Cli.Run r = Cli.run(dir, null, "--no-config", "--show", "error", "-f", format, "pod.yaml");
      assertTrue(r.out().contains("container-port-conflict"), format + ": " + r.out());
      assertFalse(r.out().contains("missing-liveness-probe"), format + " shows a hidden warning: " + r.out());
      assertFalse(r.out().contains("naked-pod"), format + " shows a hidden note: " + r.out());
    }
    // only warnings and notes: nothing is shown, yet --fail-on warning fails
    String noLimit = CLEAN.replace("            limits: {cpu: 200m, memory: 64Mi}\n", "");
    write("nolimit.yaml", noLimit);
    Cli.Run hidden = Cli.run(dir, null, "--no-config", "--show", "error", "--fail-on", "warning", "nolimit.yaml");
    assertEquals(1, hidden.code(), hidden.err());
    assertEquals("", hidden.out());
    assertTrue(hidden.err().contains("(2 below error not shown)"), hidden.err());
    Cli.Run bad = Cli.run(dir, null, "--show", "loud", "pod.yaml");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--show"), bad.err());
  }

  @Test
  void manyFindingsAddASummaryLineWithTheRulesThatGaveMost() throws IOException {
    write("pod.yaml", CONFLICT);
    Cli.Run few = Cli.run(dir, null, "--no-config", "--show", "error", "-f", "json", "pod.yaml");
    assertTrue(few.err().contains("podlint: most findings: "), "hidden findings count too: " + few.err());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      many.append(CONFLICT.replace("name: shop", "name: shop" + i)).append("---\n");
    }
    write("many.yaml", many.toString());
    Cli.Run r = Cli.run(dir, null, "--no-config", "many.yaml");
    String line = r.err().lines().filter(l -> l.startsWith("podlint: most findings: ")).findFirst().orElse("");
    assertTrue(line.matches("podlint: most findings: ([a-z-]+ \\d+, ){4}[a-z-]+ \\d+ and \\d+ more rules \\(\\d+\\)"),
        r.err());
    assertTrue(line.startsWith("podlint: most findings: dangerous-capabilities 6, "), "the most first: " + line);
    write("job.yaml", CLEAN);
    Cli.Run clean = Cli.run(dir, null, "--no-config", "job.yaml");
    assertEquals(1, clean.err().lines().count(), "few findings: the summary line alone: " + clean.err());
    assertEquals("", Cli.run(dir, null, "--no-config", "-q", "many.yaml").err());
  }

  @Test
  void aMistypedCommandIsAUsageErrorWithASuggestion() throws IOException {
    write("k8s/pod.yaml", CONFLICT);
    Cli.Run lnt = Cli.run(dir, null, "lnt", "k8s");
    assertEquals(2, lnt.code(), lnt.out());
    assertEquals("", lnt.out(), "nothing is linted");
    assertTrue(lnt.err().startsWith("podlint: 'lnt' is not a command, nor a file or directory here; did you mean "
        + "'podlint lint'?"), lnt.err());
    Cli.Run explain = Cli.run(dir, null, "explian", "naked-pod");
    assertEquals(2, explain.code());
    assertTrue(explain.err().contains("did you mean 'podlint explain'?"), explain.err());
    assertTrue(Cli.run(dir, null, "RULES").err().contains("'podlint rules'"));
    // a path of that name is linted, whatever it is called
    write("lnt/pod.yaml", CONFLICT);
    Cli.Run dirNamedLnt = Cli.run(dir, null, "lnt");
    assertEquals(1, dirNamedLnt.code(), dirNamedLnt.err());
    assertTrue(dirNamedLnt.out().contains("lnt/pod.yaml:"), dirNamedLnt.out());
    // names that look like paths, or are far from every command, stay missing inputs
    assertEquals(3, Cli.run(dir, null, "lint.yaml").code());
    assertEquals(3, Cli.run(dir, null, "manifests").code());
    assertEquals(3, Cli.run(dir, null, "k9s/").code());
  }
}
