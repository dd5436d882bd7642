package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import dev.podlint.rule.RuleFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What used to be keyed on rule names in the engine, the configuration and the docs is said by
 * rule properties: {@code redactsFixes}, {@code alwaysOn} and {@code suppression}.
 */
class RulePropertiesTest {
  @TempDir
  Path dir;

  @Test
  void thePackagedRulesSayTheirProperties() {
    RuleCatalog c = RuleCatalog.builtin();
    assertEquals(List.of("secret-in-env"),
        c.all().stream().filter(RuleDefinition::redactsFixes).map(RuleDefinition::name).toList());
    assertEquals(List.of("invalid-yaml"),
        c.all().stream().filter(RuleDefinition::alwaysOn).map(RuleDefinition::name).toList());
    RuleDefinition invalidYaml = c.get("invalid-yaml");
    assertEquals(invalidYaml.suppression(), RuleDocs.suppressionHint(invalidYaml));
    assertTrue(invalidYaml.suppression().startsWith("A file that cannot be read holds no object to annotate."));
    RuleDefinition other = c.get("latest-image-tag");
    assertFalse(other.redactsFixes() || other.alwaysOn());
    assertTrue(RuleDocs.suppressionHint(other).startsWith("Annotate the object"));
  }

  @Test
  void aUserRuleMaySetThemAndTheyMustBeBooleans() throws IOException {
    RuleDefinition r = load(CustomRulesTest.VALID + "redactsFixes: true\nalwaysOn: true\n").get("org-rule");
    assertTrue(r.redactsFixes() && r.alwaysOn());
    RuleFormatException e = assertThrows(RuleFormatException.class,
        () -> load(CustomRulesTest.VALID + "redactsFixes: maybe\n"));
    assertEquals("rules/org.yaml:17:15: redactsFixes: expected boolean, got string \"maybe\"", e.getMessage());
  }

  private RuleCatalog load(String text) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("org.yaml"), text, StandardCharsets.UTF_8);
    return RuleCatalog.builtin().withDirectories(List.of(Path.of("rules")), dir);
  }
}
