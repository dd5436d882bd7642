package dev.podlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.ManifestLoader;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue the build stores ({@link RuleCatalogFile#RESOURCE}) is what a fresh parse of
 * {@code rules/*.yaml} gives, field by field and node by node, so a stale or lossy one fails here.
 */
class RuleCatalogFileTest {
  private static final Path RULES = Path.of("").toAbsolutePath().resolve("rules");

  @Test
  void theStoredCatalogueIsAFreshParseOfTheRuleFiles() throws Exception {
    List<RuleDefinition> stored = RuleCatalogFile.readResource();
    assertNotNull(stored, RuleCatalogFile.RESOURCE + " is missing: Maven's process-classes phase writes it");
    assertSame(RuleCatalogFile.parseDirectory(RULES), stored);
  }

  /** What a build without the catalogue (classes compiled by an IDE alone) parses instead. */
  @Test
  void withoutTheStoredCatalogueTheRuleFilesOnTheClassPathGiveTheSameRules() throws Exception {
    assertSame(RuleCatalogFile.readResource(), RuleCatalogFile.parseAll(RuleCatalog.listBuiltinRuleFiles()));
  }

  @Test
  void builtinRulesComeFromTheStoredCatalogue() {
    List<RuleDefinition> stored = RuleCatalogFile.readResource();
    assertNotNull(stored);
    assertEquals(new RuleCatalog(stored).all(), RuleCatalog.builtin().all());
  }

  @Test
  void writingAndReadingGivesEqualRulesWithEveryKindOfField() throws Exception {
    String text = """
        id: ACME001
        name: no-host-network
        title: No host network
        severity: warning
        category: security
        kind: problem
        enabledByDefault: true
        appliesTo: [Deployment, Pod]
        engine: schema
        message: "{kind} {name}: {problem} at {field}"
        variants:
          missing: {message: "{kind} {name} lacks {field}", severity: error}
        rationale: Because.
        remediation: Remove it.
        references: [{title: Docs, url: "https://example.com/é"}]
        tags: [network, cis]
        match:
          target: podSpec
          when: {required: [containers]}
          schema:
            properties:
              hostNetwork: {const: false, description: 'quoted ''text'''}
              ports: {type: array, items: {enum: [1, 2.5, true, null, 0x10, !!str 7]}}
        """;
    RuleDefinition rule = RuleCatalog.parseUserRule(new ManifestLoader(), "acme/no-host-network.yaml", text);
    List<RuleDefinition> rules = List.of(rule, rule.withSeverity(Severity.NOTE).withEnabled(false));
    List<RuleDefinition> back = roundTrip(rules);
    assertSame(rules, back);
    assertTrue(back.get(0).match().schema().mapAt("properties", "ports").isPresent());
  }

  @Test
  void aChangedFieldOrNodeIsSeen() throws Exception {
    List<RuleDefinition> fresh = RuleCatalogFile.parseDirectory(RULES);
    RuleDefinition withParams = fresh.stream().filter(r -> r.params() != null).findFirst().orElseThrow();
    String param = withParams.paramNames().get(0);
    YNode old = withParams.paramDefault(param).orElseThrow();
    YNode other = new YScalar("another value", YScalar.Type.STRING, true, false, old.span(), old.path());
    List<RuleDefinition> changed = new ArrayList<>(fresh);
    changed.set(fresh.indexOf(withParams), withParams.withParams(Map.of(param, other)));
    assertNotEquals(fresh, roundTrip(changed));
    assertThrows(AssertionError.class, () -> assertSame(fresh, changed));
  }

  @Test
  void somethingElseIsNotReadAsACatalogue() {
    byte[] junk = "id: PL001\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> RuleCatalogFile.read(new ByteArrayInputStream(junk)));
  }

  private static List<RuleDefinition> roundTrip(List<RuleDefinition> rules) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuleCatalogFile.write(rules, out);
    return RuleCatalogFile.read(new ByteArrayInputStream(out.toByteArray()));
  }

  /** Equal lists of rules; a difference names the rule and the field. */
  private static void assertSame(List<RuleDefinition> expected, List<RuleDefinition> actual) throws Exception {
    assertEquals(expected.stream().map(RuleDefinition::fileName).toList(),
        actual.stream().map(RuleDefinition::fileName).toList(), "the rule files");
    for (int i = 0; i < expected.size(); i++) {
      RuleDefinition e = expected.get(i);
      RuleDefinition a = actual.get(i);
      for (RecordComponent c : RuleDefinition.class.getRecordComponents()) {
        Object ev = c.getAccessor().invoke(e);
        Object av = c.getAccessor().invoke(a);
        assertEquals(ev, av, e.fileName() + ": " + c.getName());
      }
      assertEquals(e, a, e.fileName());
    }
    assertEquals(Arrays.asList(expected.toArray()), actual);
  }
}
