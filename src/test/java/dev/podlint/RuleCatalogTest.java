package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.podlint.checks.Checks;
import dev.podlint.engine.Finding;
import dev.podlint.load.ManifestLoader;
import dev.podlint.rule.Category;
import dev.podlint.rule.Engine;
import dev.podlint.rule.Precision;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import dev.podlint.rule.RuleFormatException;
import dev.podlint.rule.RuleKind;
import dev.podlint.rule.RuleParams;
import dev.podlint.rule.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rule files are well formed, complete, bound to code, tested and documented. */
class RuleCatalogTest {
  static final Path RULES = TestSupport.ROOT.resolve("rules");

  static List<Path> ruleFiles() throws IOException {
    try (Stream<Path> s = Files.list(RULES)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFileValidatesAgainstTheRuleSchema() throws IOException {
    JSONObject raw = new JSONObject(Files.readString(TestSupport.ROOT.resolve("schemas/rule.schema.json")));
    Schema schema = SchemaLoader.builder().schemaJson(raw).draftV7Support().build().load().build();
    ManifestLoader yaml = new ManifestLoader();
    return ruleFiles().stream().map(p -> dynamicTest(p.getFileName().toString(), () -> {
      Object json = Json.of(yaml.parseDocument(Files.readString(p, StandardCharsets.UTF_8)));
      try {
        schema.validate(json);
      } catch (ValidationException e) {
        fail(p.getFileName() + ": " + String.join("\n", e.getAllMessages()));
      }
    }));
  }

  @Test
  void theRuleSchemaRejectsABadRule() throws IOException {
    JSONObject raw = new JSONObject(Files.readString(TestSupport.ROOT.resolve("schemas/rule.schema.json")));
    Schema schema = SchemaLoader.builder().schemaJson(raw).draftV7Support().build().load().build();
    JSONObject bad = new JSONObject().put("id", "X1").put("name", "Bad Name");
    try {
      schema.validate(bad);
      fail("the rule schema accepted " + bad);
    } catch (ValidationException expected) {
      assertTrue(expected.getViolationCount() > 2);
    }
  }

  @Test
  void everyPackagedRuleFileIsLoaded() throws IOException {
    Set<String> onDisk = ruleFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    Set<String> loaded = TestSupport.catalog().all().stream().map(RuleDefinition::fileName).collect(Collectors.toSet());
    assertEquals(onDisk, loaded);
  }

  @Test
  void idsAndNamesAreUniqueAndWellFormed() {
    List<RuleDefinition> all = TestSupport.catalog().all();
    assertEquals(all.size(), all.stream().map(RuleDefinition::id).distinct().count());
    assertEquals(all.size(), all.stream().map(RuleDefinition::name).distinct().count());
    for (RuleDefinition r : all) {
      assertFalse(r.title().endsWith("."), r.name() + ": title ends with a period");
      assertTrue(r.remediation().endsWith("."), r.name() + ": remediation must end with a period");
      assertFalse(r.message().endsWith("."), r.name() + ": message ends with a period");
      assertTrue(r.rationale().contains("podlint.io/ignore") || r.engine() == Engine.CORE,
          r.name() + ": the rationale should say how to suppress the rule");
    }
  }

  /**
   * A Java rule is its rule file plus the class named after it ({@code job-without-ttl}:
   * {@code JobWithoutTtlCheck}), both ways: every Java rule makes its check (with its parameters
   * filled from the rule file's defaults), and every {@code *Check} class in checks/ is some Java
   * rule's. Base classes that several checks share have other names ({@code HostNamespace}).
   */
  @Test
  void javaRulesAndCheckClassesMatchOneToOne() throws IOException {
    List<RuleDefinition> javaRules = TestSupport.catalog().all().stream().filter(r -> r.engine() == Engine.JAVA)
        .toList();
    Set<String> made = new TreeSet<>();
    for (RuleDefinition r : javaRules) {
      Checks.BUILTIN.paramsType(r).ifPresent(type -> assertNotNull(RuleParams.of(r, type)));
      assertEquals(r.params() != null, Checks.BUILTIN.paramsType(r).isPresent(),
          r.name() + ": a check reads its rule's parameters as one record, and only a rule with params has one");
      made.add(Checks.BUILTIN.create(r, dev.podlint.engine.LintOptions.DEFAULT, RuleCatalog.builtin()::get)
          .getClass().getSimpleName());
    }
    Checks.BUILTIN.verify(TestSupport.catalog());
    Set<String> classes = new TreeSet<>();
    try (Stream<Path> s = Files.list(TestSupport.ROOT.resolve("src/main/java/dev/podlint/checks"))) {
      s.map(p -> p.getFileName().toString().replace(".java", "")).filter(c -> c.endsWith("Check"))
          .forEach(classes::add);
    }
    assertEquals(classes, made, "each *Check class in checks/ is the check of the Java rule named after it");
  }

  @Test
  void aJavaRuleWithoutItsClassIsRefusedNamingTheFileAndTheClass() {
    RuleDefinition real = TestSupport.catalog().get("job-without-ttl");
    RuleDefinition orphan = new RuleDefinition(real.id(), "job-without-a-class", real.title(), real.severity(),
        real.category(), real.kind(), real.precision(), true, real.since(), real.appliesTo(), real.engine(),
        real.message(), real.relatedMessage(), real.variants(), real.rationale(), real.remediation(), real.help(),
        real.references(), real.badExample(), real.goodExample(), false, false, false, false, null, null, null, real.tags(),
        "PL999-job-without-a-class.yaml");
    RuleFormatException e = assertThrows(RuleFormatException.class,
        () -> Checks.BUILTIN.verify(new RuleCatalog(List.of(orphan))));
    assertEquals("PL999-job-without-a-class.yaml: the rule says engine: java, but podlint has no check class "
        + "dev.podlint.checks.JobWithoutAClassCheck", e.getMessage());
    assertThrows(RuleFormatException.class,
        () -> Checks.BUILTIN.create(orphan, dev.podlint.engine.LintOptions.DEFAULT, n -> orphan));
    // a user's rule never names a class, even one that exists
    RuleDefinition users = new RuleDefinition("ACME001", real.name(), real.title(), real.severity(), real.category(),
        real.kind(), real.precision(), true, real.since(), real.appliesTo(), real.engine(), real.message(),
        real.relatedMessage(), real.variants(), real.rationale(), real.remediation(), real.help(), real.references(),
        real.badExample(), real.goodExample(), false, false, false, false, null, null, null, real.tags(), "acme.yaml");
    assertThrows(RuleFormatException.class,
        () -> Checks.BUILTIN.create(users, dev.podlint.engine.LintOptions.DEFAULT, n -> users));
  }

  @Test
  void theClosedVocabulariesAreThoseOfTheRuleFileSchema() throws IOException {
    JSONObject props = new JSONObject(Files.readString(TestSupport.ROOT.resolve("schemas/rule.schema.json")))
        .getJSONObject("properties");
    Map<String, List<String>> words = Map.of("engine", Vocabulary.labels(Engine.class),
        "category", Vocabulary.labels(Category.class), "kind", Vocabulary.labels(RuleKind.class),
        "precision", Vocabulary.labels(Precision.class));
    words.forEach((field, labels) -> assertEquals(new TreeSet<>(labels), new TreeSet<>(
        props.getJSONObject(field).getJSONArray("enum").toList().stream().map(String::valueOf).toList()), field));
  }

  @Test
  void aWordOutsideItsVocabularyIsALocatedProblem() throws IOException {
    String text = Files.readString(TestSupport.ROOT.resolve("rules/PL050-job-without-ttl.yaml"))
        .replace("category: resources", "category: reliabilty");
    RuleFormatException e = assertThrows(RuleFormatException.class,
        () -> RuleCatalog.parse(new ManifestLoader(), "PL050-job-without-ttl.yaml", text));
    assertTrue(e.getMessage().matches("PL050-job-without-ttl\\.yaml:\\d+:\\d+: category: expected one of design, "
        + "health, networking, resources, security, validity, got 'reliabilty'"), e.getMessage());
  }

  /**
   * A rule's own examples are its first fixtures (podlint's rules must have them, and
   * {@link #examplesBehaveAsDocumented} runs them both ways), so a fixture folder is optional; when there is one it
   * holds both ways, and every folder is named after a rule.
   */
  @Test
  void fixtureFoldersHoldBothWaysAndAreNamedAfterRules() throws IOException {
    Path base = TestSupport.TESTDATA.resolve("rules");
    List<String> problems = new ArrayList<>();
    for (RuleDefinition r : TestSupport.catalog().all()) {
      if (r.badExample() == null || r.goodExample() == null) {
        problems.add(r.name() + ": no bad and good examples in " + r.fileName());
      }
      Path d = base.resolve(r.name());
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        List<String> names = s.map(p -> p.getFileName().toString()).toList();
        if (names.stream().noneMatch(n -> n.startsWith("good-"))) {
          problems.add(r.name() + ": no good-* fixture");
        }
        if (names.stream().noneMatch(n -> n.startsWith("bad-"))) {
          problems.add(r.name() + ": no bad-* fixture");
        }
      }
    }
    try (Stream<Path> s = Files.list(base)) {
      for (Path d : s.toList()) {
        if (TestSupport.catalog().find(d.getFileName().toString()).isEmpty()) {
          problems.add("testdata/rules/" + d.getFileName() + " is not named after a rule");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Each rule's examples are fixtures: run as written, with CRLF line endings and with a BOM, like testdata/. */
  @TestFactory
  Stream<DynamicTest> examplesBehaveAsDocumented() {
    return TestSupport.catalog().all().stream().flatMap(r -> Stream.of(RuleFixturesTest.Variant.values())
        .flatMap(v -> Stream.of(
            dynamicTest(r.name() + " bad example [" + v + "]", () -> {
              var expected = Expectations.parse(r.badExample());
              assertFalse(expected.isEmpty(), r.name() + ": the bad example needs an # expect: marker");
              List<Finding> actual = TestSupport.lint(r.name() + "/bad", v.apply(r.badExample()), List.of(r.name()));
              String diff = Expectations.compare(r.badExample(), expected, actual);
              assertEquals("", diff, r.name() + ": bad example (" + v + ")");
            }),
            dynamicTest(r.name() + " good example [" + v + "]", () -> {
              List<Finding> actual = TestSupport.lint(r.name() + "/good", v.apply(r.goodExample()), List.of(r.name()));
              assertEquals("", Expectations.compare(r.goodExample(), List.of(), actual),
                  r.name() + ": good example (" + v + ")");
            }))));
  }

  /** Each rule's {@code params} is a draft-07 schema, and each parameter's default is valid under it. */
  @TestFactory
  Stream<DynamicTest> paramDefaultsMatchTheirSchemas() {
    return TestSupport.catalog().all().stream().filter(r -> r.params() != null)
        .map(r -> dynamicTest(r.name() + " params", () -> {
          // through text, so that small integers (minLength) are Integers as everit expects
          JSONObject raw = new JSONObject(Json.of(r.params()).toString());
          Schema schema = SchemaLoader.builder().schemaJson(raw).draftV7Support().build().load().build();
          JSONObject defaults = new JSONObject();
          for (String name : r.paramNames()) {
            defaults.put(name, Json.of(r.paramDefault(name).orElseThrow()));
          }
          try {
            schema.validate(defaults);
          } catch (ValidationException e) {
            fail(r.fileName() + ": parameter defaults do not match the params schema: "
                + String.join("\n", e.getAllMessages()));
          }
        }));
  }

  @Test
  void aBrokenRuleFileIsReportedWithFileAndField() {
    ManifestLoader yaml = new ManifestLoader();
    RuleFormatException e = org.junit.jupiter.api.Assertions.assertThrows(RuleFormatException.class,
        () -> RuleCatalog.parse(yaml, "PL999-broken.yaml", "id: PL999\nname: broken\ntitle: x\n"));
    assertTrue(e.getMessage().startsWith("PL999-broken.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains("missing field"), e.getMessage());
    RuleFormatException syntax = org.junit.jupiter.api.Assertions.assertThrows(RuleFormatException.class,
        () -> RuleCatalog.parse(yaml, "PL999-broken.yaml", "id: [PL999\n"));
    assertTrue(syntax.getMessage().startsWith("PL999-broken.yaml:1:5: "), syntax.getMessage());
  }

  /**
   * docs/rules.md is generated (its table lists every rule); regenerate with -Ddocs.update=true. The
   * README front page holds no copy of the table to go stale: it links to the generated page.
   */
  @Test
  void generatedDocsAreCurrent() throws IOException {
    List<RuleDefinition> rules = TestSupport.catalog().all();
    boolean update = Boolean.getBoolean("docs.update");
    Path page = TestSupport.ROOT.resolve(RuleDocs.DOCS_PAGE);
    String expectedPage = RuleDocs.page(rules);
    if (update) {
      Files.createDirectories(page.getParent());
      Files.writeString(page, expectedPage, StandardCharsets.UTF_8);
    }
    String hint = " is stale: run `mvn test -Dtest=RuleCatalogTest -Ddocs.update=true` and commit the result";
    assertTrue(Files.exists(page), RuleDocs.DOCS_PAGE + " is missing" + hint.replace(" is stale", ""));
    assertEquals(expectedPage, Files.readString(page, StandardCharsets.UTF_8), RuleDocs.DOCS_PAGE + hint);
    String readme = Files.readString(TestSupport.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("](" + RuleDocs.DOCS_PAGE + ")"), "README.md links to " + RuleDocs.DOCS_PAGE);
    assertFalse(readme.contains("| id | name | level |"), "README.md holds a copy of the rule table");
  }
}
