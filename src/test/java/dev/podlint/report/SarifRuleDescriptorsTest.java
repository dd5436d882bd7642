package dev.podlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The descriptors the build stores ({@link SarifRuleDescriptors#RESOURCE}) are fresh renderings of
 * the built-in rules, so a stale one fails here; a rule a configuration changed is not taken from
 * them. {@code GeneratedJsonTest} and the golden outputs hold the whole log to its bytes.
 */
class SarifRuleDescriptorsTest {
  private static final List<RuleDefinition> BUILTIN = RuleCatalog.builtin().all();

  @Test
  void theStoredDescriptorsAreFreshRenderingsOfEveryBuiltinRule() throws Exception {
    Map<String, String> stored = SarifRuleDescriptors.stored();
    assertEquals(BUILTIN.stream().map(RuleDefinition::id).collect(Collectors.toSet()), stored.keySet(),
        SarifRuleDescriptors.RESOURCE + " holds every built-in rule (Maven's process-classes phase writes it)");
    for (RuleDefinition r : BUILTIN) {
      assertEquals(SarifRuleDescriptors.render(r), stored.get(r.id()), r.id());
      assertSame(stored.get(r.id()), SarifRuleDescriptors.of(r), r.id() + " as it ships is read, not rendered");
    }
  }

  @Test
  void aRuleAConfigurationChangedIsRenderedAnew() throws Exception {
    for (RuleDefinition r : BUILTIN) {
      Severity other = Severity.values()[(r.severity().ordinal() + 1) % Severity.values().length];
      for (RuleDefinition changed : List.of(r.withSeverity(other), r.withEnabled(!r.enabledByDefault()))) {
        String text = SarifRuleDescriptors.of(changed);
        assertEquals(SarifRuleDescriptors.render(changed), text, r.id());
        assertNotEquals(SarifRuleDescriptors.stored().get(r.id()), text, r.id());
      }
    }
  }

  @Test
  void writingAndReadingGivesTheSameTexts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SarifRuleDescriptors.write(BUILTIN.subList(0, 3), out);
    Map<String, String> back = SarifRuleDescriptors.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(3, back.size());
    for (RuleDefinition r : BUILTIN.subList(0, 3)) {
      assertEquals(SarifRuleDescriptors.render(r), back.get(r.id()));
      assertFalse(back.get(r.id()).isBlank());
    }
  }
}
