package dev.podlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.engine.Exemption;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir
  Path dir;

  private Configuration resolve(String text) {
    return resolve(text, RuleCatalog.builtin());
  }

  private Configuration resolve(String text, RuleCatalog catalog) {
    return ConfigFile.parse(dir.resolve(".podlint.yaml"), ".podlint.yaml", text).resolve(catalog, dev.podlint.checks.Checks.BUILTIN);
  }

  private static List<String> problems(Runnable r) {
    return assertThrows(ConfigException.class, r::run).problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void offDisablesALevelAppliesToEveryVariantAndUnlistedRulesKeepTheirDefaults() {
    Configuration c = resolve("""
        rules:
          missing-cpu-limit: off
          probe-port-undeclared: note
          naked-pod: error
        """);
    RuleCatalog rules = c.catalog();
    assertFalse(rules.get("missing-cpu-limit").enabledByDefault());
    RuleDefinition probe = rules.get("probe-port-undeclared");
    assertTrue(probe.enabledByDefault());
    assertEquals(Severity.NOTE, probe.severity());
    assertFalse(probe.variants().isEmpty(), "the rule has variants with their own levels");
    for (String v : probe.variants().keySet()) {
      assertEquals(Severity.NOTE, probe.severityOf(v), v);
    }
    assertEquals(Severity.ERROR, rules.get("naked-pod").severity());
    RuleDefinition untouched = RuleCatalog.builtin().get("container-port-conflict");
    assertEquals(untouched, rules.get("container-port-conflict"));
    assertEquals(RuleCatalog.builtin().all().size(), rules.all().size());
  }

  @Test
  void defaultRulesOffRunsOnlyTheRulesTurnedOnAndInvalidYaml() {
    Configuration c = resolve("""
        defaultRules: off
        rules:
          naked-pod: warning
          missing-cpu-limit: on
          container-port-conflict: off
        """);
    List<String> enabled = c.catalog().all().stream().filter(RuleDefinition::enabledByDefault)
        .map(RuleDefinition::name).sorted().toList();
    assertEquals(List.of("invalid-yaml", "missing-cpu-limit", "naked-pod"), enabled);
    assertEquals(Severity.WARNING, c.catalog().get("naked-pod").severity());
    assertEquals(RuleCatalog.builtin().all().size(), c.catalog().all().size(), "the other rules are off, not gone");
    assertTrue(resolve("defaultRules: on\n").catalog().get("container-port-conflict").enabledByDefault());
    List<String> p = problems(() -> resolve("defaultRules: none\n"));
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).equals(".podlint.yaml:1:15: error: defaultRules: expected boolean, got string \"none\""), p.get(0));
  }

  @Test
  void onAndAMappingWithoutLevelEnableARuleThatIsOffByDefault() {
    RuleCatalog offByDefault = new RuleCatalog(RuleCatalog.builtin().all().stream()
        .map(r -> r.name().equals("naked-pod") || r.name().equals("identical-probes") ? r.withEnabled(false) : r)
        .toList());
    Configuration c = resolve("""
        rules:
          naked-pod: on
          identical-probes: {}
        """, offByDefault);
    assertTrue(c.catalog().get("naked-pod").enabledByDefault());
    assertEquals(Severity.NOTE, c.catalog().get("naked-pod").severity(), "on keeps the default level");
    assertTrue(c.catalog().get("identical-probes").enabledByDefault());
  }

  @Test
  void unquotedYaml11BooleansAreOnAndOff() {
    Configuration c = resolve("""
        rules:
          missing-cpu-limit: off
          missing-memory-limit: no
          naked-pod: {level: yes}
        """);
    assertFalse(c.catalog().get("missing-cpu-limit").enabledByDefault());
    assertFalse(c.catalog().get("missing-memory-limit").enabledByDefault());
    assertTrue(c.catalog().get("naked-pod").enabledByDefault());
  }

  @Test
  void paramsReplaceTheDefaultsTheChecksRead() {
    Configuration c = resolve("""
        rules:
          localhost-port-unbound:
            params:
              injectedPorts: [6379, 15000]
        """);
    YSeq ports = (YSeq) c.catalog().get("localhost-port-unbound").paramDefault("injectedPorts").orElseThrow();
    assertEquals(List.of("6379", "15000"), ports.items().stream().map(n -> ((YScalar) n).value()).toList());
    assertTrue(c.catalog().get("localhost-port-unbound").enabledByDefault());
  }

  @Test
  void ruleCopiesChangeOnlyWhatTheySay() {
    RuleDefinition probe = RuleCatalog.builtin().get("probe-port-undeclared");
    RuleDefinition warning = probe.withSeverity(Severity.WARNING);
    assertEquals(Severity.WARNING, warning.maxSeverity());
    assertEquals(probe.messageOf(null), warning.messageOf(null));
    assertEquals(probe.variants().keySet(), warning.variants().keySet());
    assertEquals(probe, probe.withEnabled(true));
    assertFalse(probe.withEnabled(false).enabledByDefault());
    RuleDefinition ports = RuleCatalog.builtin().get("localhost-port-unbound");
    YScalar value = new YScalar("1", YScalar.Type.INT, false, false, dev.podlint.model.Span.point(1, 1),
        dev.podlint.model.YPath.ROOT);
    assertEquals(value, ports.withParams(java.util.Map.of("injectedPorts", value)).paramDefault("injectedPorts")
        .orElseThrow());
    assertEquals(ports.paramNames(), ports.withParams(java.util.Map.of("injectedPorts", value)).paramNames());
    assertThrows(IllegalArgumentException.class, () -> ports.withParams(java.util.Map.of("nope", value)));
  }

  @Test
  void paramsACheckCannotUseAreAProblemOfTheFileNotACrash() {
    List<String> p = problems(() -> resolve("""
        rules:
          ephemeral-data-volume:
            params:
              dataStores:
                - {name: pg, images: ["postgres("], dataDirs: [/var/lib/postgresql/data]}
        """));
    assertEquals(List.of(".podlint.yaml:3:5: error: rules.ephemeral-data-volume.params: rule ephemeral-data-volume "
        + "cannot use these parameters: dataStores pg: bad image pattern postgres(: Unclosed group"), p);
  }

  @Test
  void anInvalidRegexParameterIsReportedAsARegex() {
    List<String> p = problems(() -> resolve("""
        rules:
          unrelated-services-in-pod:
            params:
              servers:
                - {kind: database, image: '(unclosed'}
        """));
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith(".podlint.yaml:5:35: error: rules.unrelated-services-in-pod.params.servers[0].image: "
        + "expected a regular expression, got string \"(unclosed\""), p.get(0));
    assertTrue(p.get(0).contains("Unclosed group"), p.get(0));
    assertFalse(p.get(0).contains("date-time"), p.get(0));
  }

  @Test
  void exemptionsBecomeEngineRecordsWithTheirOrigin() {
    Configuration c = resolve("""
        exemptions:
          - rules: [missing-liveness-probe]
            kinds: [Deployment]
            namespaces: ["", batch]
            names: "legacy-.*"
            containers: [worker]
            reason: "  replaced in Q3  "
          - kinds: [DaemonSet]
            reason: node agents
        """);
    assertEquals(2, c.exemptions().size());
    Exemption x = c.exemptions().get(0);
    assertEquals(Set.of("missing-liveness-probe"), x.rules());
    assertEquals(Set.of("Deployment"), x.kinds());
    assertEquals(Set.of("", "batch"), x.namespaces());
    assertTrue(x.name().matcher("legacy-gateway").matches());
    assertEquals(Set.of("worker"), x.containers());
    assertEquals("replaced in Q3", x.reason());
    assertEquals(".podlint.yaml:2:5", x.origin());
    Exemption y = c.exemptions().get(1);
    assertEquals(Set.of(), y.rules(), "no rules means every rule");
    assertNull(y.name());
    assertEquals(".podlint.yaml:8:5", y.origin());
    assertEquals(c.exemptions(), c.options(null, null).exemptions());
  }

  @Test
  void commandLineOptionsWinOverTheFileWhichWinsOverDefaults() {
    Configuration c = resolve("""
        failOn: warning
        kubernetesVersion: "1.35"
        strictKinds: true
        """);
    assertEquals("warning", c.failOn(null).orElseThrow());
    assertEquals("none", c.failOn("none").orElseThrow());
    assertEquals(new LintOptions("1.35", true), c.options(null, null));
    assertEquals(new LintOptions("1.36", false), c.options("1.36", false));
    Configuration none = resolve("# nothing\n");
    assertTrue(none.failOn(null).isEmpty());
    assertEquals(LintOptions.DEFAULT, none.options(null, null));
  }

  @Test
  void ruleDirectoriesAreAbsoluteAndRelativeToTheFile() throws IOException {
    Files.createDirectories(dir.resolve("policy/rules"));
    ConfigFile f = ConfigFile.parse(dir.resolve(".podlint.yaml"), ".podlint.yaml", "ruleDirectories: [policy/rules]\n");
    assertEquals(List.of(dir.resolve("policy/rules")), f.ruleDirectories());
    assertEquals(List.of(dir.resolve("policy/rules")), f.resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN).ruleDirectories());
  }

  @Test
  void excludesAreRelativeToTheFilesDirectory() {
    Configuration c = resolve("exclude: [\"charts/*/templates\", \"**/*.tmpl.yaml\"]\n");
    assertTrue(c.exclusions().test(dir.resolve("charts/web/templates/deploy.yaml")));
    assertTrue(c.exclusions().test(dir.resolve("a/b/x.tmpl.yaml")));
    assertFalse(c.exclusions().test(dir.resolve("charts/web/values.yaml")));
    assertFalse(c.exclusions().test(dir.getParent().resolve("x.tmpl.yaml")), "outside the directory: never");
    assertEquals(".podlint.yaml:1:11", c.exclusions().match(dir.resolve("charts/a/templates")).orElseThrow().origin());
  }

  @Test
  void resolvingAgainReportsTheSameProblemsOnce() {
    ConfigFile f = ConfigFile.parse(dir.resolve(".podlint.yaml"), ".podlint.yaml", "rules: {nakedpod: off}\n");
    List<ConfigProblem> first = assertThrows(ConfigException.class, () -> f.resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN)).problems();
    List<ConfigProblem> second = assertThrows(ConfigException.class, () -> f.resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN)).problems();
    assertEquals(first, second);
    assertEquals(1, first.size());
  }

  @Test
  void moreThanOneDocumentIsAProblem() {
    List<String> p = problems(() -> resolve("failOn: error\n---\nfailOn: none\n"));
    assertEquals(List.of(".podlint.yaml:3:1: error: a configuration file holds one YAML document, this one holds 2"),
        p);
  }

  @Test
  void theSchemaDescribesEverySettingAndKnowsTheSupportedVersions() throws IOException {
    JSONObject schema = new JSONObject(Files.readString(TestSupport.ROOT.resolve("schemas/config.schema.json")));
    assertEquals("http://json-schema.org/draft-07/schema#", schema.getString("$schema"));
    JSONObject props = schema.getJSONObject("properties");
    for (String key : props.keySet()) {
      assertTrue(props.getJSONObject(key).has("description"), key + " needs a description");
    }
    assertEquals(Set.of("rules", "exclude", "failOn", "show", "kubernetesVersion", "strictKinds", "defaultRules",
        "ruleDirectories", "exemptions", "workloadKinds"), props.keySet());
    assertEquals(LintOptions.KUBERNETES_VERSIONS, props.getJSONObject("kubernetesVersion").getJSONArray("enum")
        .toList());
    JSONObject exemption = schema.getJSONObject("definitions").getJSONObject("exemption").getJSONObject("properties");
    for (String key : exemption.keySet()) {
      assertTrue(exemption.getJSONObject(key).has("description"), "exemptions." + key + " needs a description");
    }
    JSONObject kind = schema.getJSONObject("definitions").getJSONObject("workloadKind").getJSONObject("properties");
    for (String key : kind.keySet()) {
      assertTrue(kind.getJSONObject(key).has("description"), "workloadKinds." + key + " needs a description");
    }
    assertEquals(ConfigFile.LEVELS, schema.getJSONObject("definitions").getJSONObject("level")
        .getJSONObject("then").getJSONArray("enum").toList());
  }

  @Test
  void discoveryGoesUpToTheRepositoryRoot() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path deep = Files.createDirectories(repo.resolve("a/b"));
    assertTrue(ConfigLocator.find(deep).isEmpty() || !ConfigLocator.find(deep).get().startsWith(dir));
    Files.writeString(dir.resolve(".podlint.yaml"), "failOn: none\n");
    Files.createDirectories(repo.resolve(".git"));
    assertTrue(ConfigLocator.find(deep).isEmpty(), "a file above the repository root does not apply");
    Files.writeString(repo.resolve(".podlint.yml"), "failOn: none\n");
    assertEquals(repo.resolve(".podlint.yml"), ConfigLocator.find(deep).orElseThrow());
    Files.writeString(repo.resolve("a/.podlint.yaml"), "failOn: none\n");
    assertEquals(repo.resolve("a/.podlint.yaml"), ConfigLocator.find(deep).orElseThrow(), "the nearest one wins");
    Files.writeString(repo.resolve("a/.podlint.yml"), "failOn: none\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLocator.find(deep));
    assertTrue(e.getMessage().contains("both .podlint.yaml and .podlint.yml exist"), e.getMessage());
  }

  @Test
  void theStarterFileListsEveryRuleAndChangesNothing() {
    String text = StarterConfig.text(RuleCatalog.builtin());
    for (RuleDefinition r : RuleCatalog.builtin().all()) {
      assertTrue(text.contains("  # " + r.name() + ": " + StarterConfig.defaultSetting(r) + " "), r.name());
    }
    Configuration c = resolve(text);
    assertEquals(RuleCatalog.builtin().all(), c.catalog().all());
    assertEquals(List.of(), c.exemptions());
    assertEquals(List.of(), c.exclusions().patterns());
    assertEquals(LintOptions.DEFAULT, c.options(null, null));
    // each rule line, uncommented alone, still changes nothing
    String uncommented = text.lines().map(l -> l.matches("  # [a-z0-9-]+: (off|on|note|warning|error) .*")
        ? "  " + l.substring(4, l.indexOf(" #", 4)) : l).collect(Collectors.joining("\n"));
    assertEquals(RuleCatalog.builtin().all(), resolve(uncommented).catalog().all());
  }
}
