package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.config.ConfigFile;
import dev.podlint.config.Configuration;
import dev.podlint.rule.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files on the command line: discovery, errors, overrides, excludes, init. */
class ConfigCliTest {
  /** A Job with no memory limit (a warning) and nothing else. */
  static final String NO_LIMIT = CliTest.CLEAN.replace("            limits: {cpu: 200m, memory: 64Mi}\n",
      "            limits: {cpu: 200m}\n");

  @TempDir
  Path dir;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(dir.resolve(".git")); // the search for a configuration stops here
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static void noStackTrace(Cli.Run r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
  }

  @Test
  void theConfigurationIsFoundInTheWorkingDirectoryOrAParent() throws IOException {
    write(".podlint.yaml", "rules:\n  missing-memory-limit: off\n");
    write("apps/web/job.yaml", NO_LIMIT);
    Cli.Run here = Cli.run(dir, null, "--fail-on", "warning", "apps/web/job.yaml");
    assertEquals(0, here.code(), here.out());
    assertEquals("", here.out());
    Cli.Run below = Cli.run(dir.resolve("apps/web"), null, "--fail-on", "warning", "job.yaml");
    assertEquals(0, below.code(), "found two directories up: " + below.out());
    Cli.Run without = Cli.run(dir.resolve("apps/web"), null, "--fail-on", "warning", "--no-config", "job.yaml");
    assertEquals(1, without.code());
    assertTrue(without.out().contains("job.yaml:17:13: warning: Container 'run' has no memory limit"), without.out());
    write("apps/.podlint.yml", "failOn: none\n");
    Cli.Run nearest = Cli.run(dir.resolve("apps/web"), null, "--fail-on", "warning", "job.yaml");
    assertEquals(1, nearest.code(), "the nearest file wins and files are not merged: " + nearest.out());
  }

  @Test
  void aConfigurationAboveTheRepositoryRootDoesNotApply() throws IOException {
    write(".podlint.yaml", "rules:\n  missing-memory-limit: off\n");
    write("repo/.git/HEAD", "ref: refs/heads/main\n");
    write("repo/k8s/job.yaml", NO_LIMIT);
    Cli.Run r = Cli.run(dir.resolve("repo/k8s"), null, "--fail-on", "warning", "job.yaml");
    assertEquals(1, r.code(), r.out());
  }

  @Test
  void configNamesAFileRelativeToTheWorkingDirectory() throws IOException {
    write(".podlint.yaml", "failOn: none\n");
    write("policy/strict.yaml", "failOn: warning\n");
    write("job.yaml", NO_LIMIT);
    assertEquals(0, Cli.run(dir, null, "job.yaml").code());
    assertEquals(1, Cli.run(dir, null, "--config", "policy/strict.yaml", "job.yaml").code());
    assertEquals(1, Cli.run(dir.resolve("policy"), null, "-c", "strict.yaml", "../job.yaml").code());
  }

  @Test
  void anInvalidConfigurationIsExitTwoWithEveryProblemAtItsLineAndColumn() throws IOException {
    write(".podlint.yaml", """
        failOn: warn
        rules:
          missing-cpu-limt: off
          naked-pod: {level: loud}
        exemptions:
          - kinds: [DaemonSet]
        """);
    write("job.yaml", CliTest.CLEAN);
    Cli.Run r = Cli.run(dir, null, "job.yaml");
    assertEquals(2, r.code());
    assertEquals("", r.out(), "nothing is linted");
    assertEquals(List.of(
        ".podlint.yaml:1:9: error: failOn: expected one of error, none, note, warning, got string \"warn\"; "
            + "did you mean \"warning\"?",
        ".podlint.yaml:3:3: error: rules.missing-cpu-limt: unknown rule \"missing-cpu-limt\"; "
            + "did you mean \"missing-cpu-limit\"?",
        ".podlint.yaml:4:22: error: rules.naked-pod.level: expected off, on, note, warning or error, got string "
            + "\"loud\"",
        ".podlint.yaml:6:5: error: exemptions[0].reason: required field is missing",
        "podlint: 4 problems in the configuration .podlint.yaml; nothing was linted (--no-config lints without it)"),
        r.err().lines().toList());
    Cli.Run ignored = Cli.run(dir, null, "--no-config", "job.yaml");
    assertEquals(0, ignored.code(), ignored.err());
  }

  @Test
  void aConfigurationInAParentIsShownRelativeToTheWorkingDirectory() throws IOException {
    write(".podlint.yaml", "rules:\n  naked-pod: loud\n");
    Files.createDirectories(dir.resolve("k8s"));
    Cli.Run r = Cli.run(dir.resolve("k8s"), null);
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("../.podlint.yaml:2:14: error: rules.naked-pod: expected off, on, note, warning or "
        + "error, or a mapping with level and params, got string \"loud\""), r.err());
  }

  @Test
  void yamlSyntaxErrorsUnreadableAndMissingConfigurationsAreUsageErrors() throws IOException {
    write("bad.yaml", "rules:\n  naked-pod: off\n failOn: none\n");
    Cli.Run syntax = Cli.run(dir, null, "--config", "bad.yaml", "x.yaml");
    assertEquals(2, syntax.code());
    assertTrue(syntax.err().startsWith("bad.yaml:3:2: error: "), syntax.err());
    noStackTrace(syntax);
    Cli.Run missing = Cli.run(dir, null, "--config", "nope.yaml");
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("nope.yaml: error: cannot read the configuration: no such file"),
        missing.err());
    Files.write(dir.resolve("latin1.yaml"), "rules:\n  naked-pod: \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run encoding = Cli.run(dir, null, "--config", "latin1.yaml");
    assertEquals(2, encoding.code());
    assertTrue(encoding.err().startsWith("latin1.yaml:2:14: error: the file is not valid UTF-8 text"), encoding.err());
    Files.write(dir.resolve("windows.yaml"), "\ufeffrules:\r\n  naked-pod: offf\r\n".getBytes(StandardCharsets.UTF_8));
    Cli.Run crlf = Cli.run(dir, null, "--config", "windows.yaml");
    assertTrue(crlf.err().startsWith("windows.yaml:2:14: error: rules.naked-pod: expected off, on, note, warning or "
        + "error, or a mapping with level and params, got string \"offf\"; did you mean \"off\"?"), crlf.err());
    Files.createDirectories(dir.resolve("conf.yaml"));
    Cli.Run directory = Cli.run(dir, null, "--config", "conf.yaml");
    assertEquals(2, directory.code());
    assertTrue(directory.err().contains("it is a directory"), directory.err());
    write("both/.podlint.yaml", "");
    write("both/.podlint.yml", "");
    Cli.Run both = Cli.run(dir.resolve("both"), null);
    assertEquals(2, both.code());
    assertTrue(both.err().contains("both .podlint.yaml and .podlint.yml exist"), both.err());
    Cli.Run contradiction = Cli.run(dir, null, "--config", "bad.yaml", "--no-config");
    assertEquals(2, contradiction.code());
    assertTrue(contradiction.err().contains("--config and --no-config contradict each other"), contradiction.err());
    noStackTrace(contradiction);
  }

  @Test
  void levelsFromTheConfigurationChangeFindingsAndReports() throws IOException {
    write("pod.yaml", CliTest.CONFLICT);
    write(".podlint.yaml", """
        rules:
          container-port-conflict: warning
          missing-liveness-probe: off
          missing-readiness-probe: {level: error}
        """);
    Cli.Run r = Cli.run(dir, null, "pod.yaml");
    assertTrue(r.out().contains("pod.yaml:14:26: warning: Port 8080/TCP of container 'stats'"), r.out());
    assertFalse(r.out().contains("missing-liveness-probe"), r.out());
    assertTrue(r.out().contains("error: Container 'web' has no readinessProbe"), r.out());
    assertEquals(1, r.code());
    Cli.Run json = Cli.run(dir, null, "-f", "json", "pod.yaml");
    assertTrue(json.out().replaceAll("\\s", "").contains("\"rule\":\"container-port-conflict\",\"level\":\"warning\""),
        json.out());
    Cli.Run sarif = Cli.run(dir, null, "-f", "sarif", "pod.yaml");
    assertFalse(sarif.out().contains("missing-liveness-probe"), "a rule that is off does not run");
  }

  @Test
  void paramsFromTheConfigurationChangeWhatACheckReports() throws IOException {
    write("pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: registry.example.com/api:1.0.0
              env:
                - name: CACHE_URL
                  value: "redis://localhost:6379/0"
        """);
    Cli.Run before = Cli.run(dir, null, "--no-config", "pod.yaml");
    assertTrue(before.out().contains("pod.yaml:11:27: warning: ") && before.out().contains("localhost-port-unbound"),
        before.out());
    write(".podlint.yaml", """
        rules:
          localhost-port-unbound:
            params:
              injectedPorts: [6379]   # a cache sidecar our admission webhook injects
        """);
    Cli.Run after = Cli.run(dir, null, "pod.yaml");
    assertFalse(after.out().contains("localhost-port-unbound"), after.out());
  }

  @Test
  void excludesApplyToDirectoriesAndToFilesNamedOnTheCommandLine() throws IOException {
    write(".podlint.yaml", """
        exclude:
          - "charts/*/templates"
          - "**/*.tmpl.yaml"
        """);
    write("charts/web/templates/deploy.yaml", "{{ if .Values.x }}: [\n");
    write("charts/web/values.yaml", "replicas: 2\n");
    write("k8s/pod.tmpl.yaml", CliTest.CONFLICT);
    write("k8s/pod.yaml", CliTest.CONFLICT);
    Cli.Run all = Cli.run(dir, null);
    assertTrue(all.err().contains("podlint: 2 files,"), "k8s/pod.yaml and charts/web/values.yaml: " + all.err());
    assertTrue(all.out().contains("k8s/pod.yaml:14:26: error:"), all.out());
    assertFalse(all.out().contains("tmpl") || all.out().contains("templates"), all.out());
    Cli.Run named = Cli.run(dir.resolve("k8s"), null, "pod.tmpl.yaml", "pod.yaml");
    assertTrue(named.err().contains("podlint: not linting pod.tmpl.yaml: excluded by \"**/*.tmpl.yaml\" "
        + "(../.podlint.yaml:3:5)"), named.err());
    assertTrue(named.err().contains("podlint: 1 file,"), named.err());
    assertEquals(1, named.code());
    Cli.Run quiet = Cli.run(dir, null, "-q", "k8s/pod.tmpl.yaml");
    assertEquals("", quiet.err());
    assertEquals(0, quiet.code());
    Cli.Run stdin = Cli.run(dir, CliTest.CONFLICT, "-");
    assertEquals(1, stdin.code(), "standard input is never excluded");
    Cli.Run noConfig = Cli.run(dir, null, "--no-config", "k8s");
    assertTrue(noConfig.err().contains("podlint: 2 files,"), noConfig.err());
  }

  @Test
  void theConfigurationFileItselfIsNotLintedAsAManifest() throws IOException {
    write(".podlint.yaml", "failOn: error\n");
    write("job.yaml", CliTest.CLEAN);
    Cli.Run r = Cli.run(dir, null, ".");
    assertTrue(r.err().contains("podlint: 1 file,"), r.err());
  }

  @Test
  void failOnOfTheCommandLineWinsOverTheConfigurationWhichWinsOverTheDefault() throws IOException {
    write("job.yaml", NO_LIMIT);
    write("pod.yaml", CliTest.CONFLICT);
    assertEquals(0, Cli.run(dir, null, "job.yaml").code(), "default: error");
    write(".podlint.yaml", "failOn: warning\n");
    assertEquals(1, Cli.run(dir, null, "job.yaml").code());
    assertEquals(0, Cli.run(dir, null, "--fail-on", "error", "job.yaml").code());
    write(".podlint.yaml", "failOn: none\n");
    assertEquals(0, Cli.run(dir, null, "pod.yaml").code());
    assertEquals(1, Cli.run(dir, null, "--fail-on", "error", "pod.yaml").code());
  }

  @Test
  void kubernetesVersionAndStrictKindsComeFromTheConfigurationUnlessOptionsSayOtherwise() throws IOException {
    write("crd.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: a}\n");
    write(".podlint.yaml", "kubernetesVersion: \"1.35\"\nstrictKinds: true\n");
    Cli.Run r = Cli.run(dir, null, "crd.yaml");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().startsWith("crd.yaml:2:7: error: Kubernetes 1.35 serves no ServiceMonitor"), r.out());
    Cli.Run overridden = Cli.run(dir, null, "--kubernetes-version", "1.36", "--no-strict-kinds", "crd.yaml");
    assertEquals(0, overridden.code(), overridden.out());
    assertTrue(overridden.out().startsWith("crd.yaml:2:7: note: Kubernetes 1.36 serves no ServiceMonitor"),
        overridden.out());
  }

  @Test
  void initWritesAStarterThatValidatesAndChangesNothing() throws IOException {
    for (Path p : List.of(Path.of("cronjob.yaml"), Path.of("shop-bad.yaml"), Path.of("shop-good.yaml"))) {
      Files.copy(TestSupport.TESTDATA.resolve("examples").resolve(p), dir.resolve(p));
    }
    Cli.Run without = Cli.run(dir, null, "-f", "json", "-q", ".");
    Cli.Run init = Cli.run(dir, null, "init");
    assertEquals(0, init.code(), init.err());
    assertTrue(init.out().startsWith("Wrote .podlint.yaml."), init.out());
    Path file = dir.resolve(".podlint.yaml");
    String text = Files.readString(file);
    assertTrue(text.contains("# missing-cpu-limit: note"), text);
    Configuration c = ConfigFile.read(file, dir).resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN);
    assertEquals(RuleCatalog.builtin().all(), c.catalog().all());
    Cli.Run with = Cli.run(dir, null, "-f", "json", "-q", ".");
    assertEquals(without.code(), with.code());
    assertEquals(without.out(), with.out());
    assertTrue(with.out().contains("container-port-conflict"), "the examples have findings: " + with.out());
  }

  @Test
  void initNeverOverwritesAConfiguration() throws IOException {
    write(".podlint.yml", "failOn: none  # mine\n");
    Cli.Run r = Cli.run(dir, null, "init");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("podlint: .podlint.yml already exists in "), r.err());
    assertTrue(r.err().contains("podlint init --stdout"), r.err());
    assertEquals("failOn: none  # mine\n", Files.readString(dir.resolve(".podlint.yml")));
    assertFalse(Files.exists(dir.resolve(".podlint.yaml")));
    Cli.Run twice = Cli.run(dir.resolve(".git").getParent(), null, "init", "--stdout");
    assertEquals(0, twice.code());
    assertTrue(twice.out().startsWith("# podlint configuration."), twice.out());
    assertTrue(twice.out().contains("\nrules:\n"), twice.out());
    write("sub/keep.txt", "");
    Cli.Run first = Cli.run(dir.resolve("sub"), null, "init");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("Note: it takes the place of ../.podlint.yml"), first.out());
    String written = Files.readString(dir.resolve("sub/.podlint.yaml"));
    Files.writeString(dir.resolve("sub/.podlint.yaml"), written + "failOn: none\n");
    assertEquals(2, Cli.run(dir.resolve("sub"), null, "init").code());
    assertTrue(Files.readString(dir.resolve("sub/.podlint.yaml")).endsWith("failOn: none\n"));
  }

  @Test
  void theDocsExampleIsAValidConfiguration() throws IOException {
    String page = Files.readString(TestSupport.ROOT.resolve("docs/configuration.md"));
    String marker = "<!-- config-example: a test loads this block -->";
    int at = page.indexOf(marker);
    assertTrue(at >= 0, "docs/configuration.md needs the marked configuration example");
    int start = page.indexOf("```yaml\n", at) + "```yaml\n".length();
    String yaml = page.substring(start, page.indexOf("```\n", start));
    Path file = write(".podlint.yaml", yaml);
    assertTrue(yaml.contains("  - policy/podlint-rules\n"), "the example names this rule directory: " + yaml);
    Files.createDirectories(dir.resolve("policy/podlint-rules"));
    Files.copy(TestSupport.ROOT.resolve("testdata/custom-rules/ACME001-approved-registry.yaml"),
        dir.resolve("policy/podlint-rules/ACME001-approved-registry.yaml"));
    Configuration c = ConfigFile.read(file, dir).resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN);
    assertFalse(c.exemptions().isEmpty(), "the example shows exemptions");
    assertFalse(c.exclusions().patterns().isEmpty(), "the example shows excludes");
    assertTrue(c.failOn(null).isPresent());
    Cli.Run r = Cli.run(dir, null, "--fail-on", "none", ".");
    assertEquals(0, r.code(), r.err());
    write("deploy.yaml", String.join("\n", "apiVersion: v1", "kind: Pod", "metadata:", "  name: p", "spec:",
        "  containers:", "    - name: app", "      image: docker.io/library/nginx:1.27", ""));
    Cli.Run custom = Cli.run(dir, null, "--fail-on", "none", "deploy.yaml");
    assertTrue(custom.out().contains("ACME001"), "the rule directory named in the configuration is loaded: "
        + custom.out() + custom.err());
  }

  @Test
  void showComesFromTheConfigurationUnlessTheCommandLineGivesOne() throws IOException {
    write(".podlint.yaml", "show: error\n");
    write("pod.yaml", CliTest.CONFLICT);
    Cli.Run fromFile = Cli.run(dir, null, "pod.yaml");
    assertEquals(1, fromFile.code());
    assertEquals(1, fromFile.out().lines().count(), fromFile.out());
    assertTrue(fromFile.err().contains(" below error not shown)"), fromFile.err());
    Cli.Run override = Cli.run(dir, null, "--show", "note", "pod.yaml");
    assertTrue(override.out().contains(": note: "), override.out());
    assertFalse(override.err().contains("not shown"), override.err());
  }

  @Test
  void requiredLabelsRunWithTheLabelsTheConfigurationNames() throws IOException {
    write("job.yaml", CliTest.CLEAN);
    Cli.Run off = Cli.run(dir, null, "--fail-on", "warning", "job.yaml");
    assertEquals(0, off.code(), "off by default: " + off.out());
    write(".podlint.yaml", """
        rules:
          required-labels:
            params:
              labels: [app.kubernetes.io/name, example.com/owner]
        """);
    Cli.Run on = Cli.run(dir, null, "--fail-on", "warning", "job.yaml");
    assertEquals(1, on.code(), on.out());
    assertEquals("job.yaml:3:1: warning: Job 'once' lacks the labels app.kubernetes.io/name, example.com/owner, "
        + "which this repository requires [PL089 required-labels]", on.out().strip());
  }
}
