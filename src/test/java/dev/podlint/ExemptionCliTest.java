package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exemptions written in .podlint.yaml suppress findings end to end, as external suppressions with their reason. */
class ExemptionCliTest {
  @Test
  void aConfiguredExemptionIsAnExternalSuppressionWithItsReasonAndOrigin(@TempDir Path dir) throws IOException {
    Files.copy(TestSupport.TESTDATA.resolve("rules/unrelated-services-in-pod/bad-two-databases.yaml"),
        dir.resolve("pod.yaml"));
    Files.writeString(dir.resolve(".podlint.yaml"), String.join("\n",
        "exemptions:",
        "  - rules: [unrelated-services-in-pod]",
        "    kinds: [Pod]",
        "    reason: legacy demo pod, retired in Q3",
        ""));
    Cli.Run text = Cli.run(dir, null, "pod.yaml");
    assertTrue(!text.out().contains("unrelated-services-in-pod"), text.out());
    assertTrue(text.err().contains("(1 suppressed)"), text.err());
    Cli.Run json = Cli.run(dir, null, "-f", "json", "pod.yaml");
    int suppressed = 0;
    for (JsonNode f : new ObjectMapper().readTree(json.out()).get("findings")) {
      if (f.get("suppressed").asBoolean()) {
        suppressed++;
        assertEquals("unrelated-services-in-pod", f.get("rule").asText());
        assertEquals("external", f.get("suppression").get("kind").asText());
        assertEquals("legacy demo pod, retired in Q3 (exemption in .podlint.yaml:2:5)",
            f.get("suppression").get("justification").asText());
      }
    }
    assertEquals(1, suppressed);
    Cli.Run sarif = Cli.run(dir, null, "-f", "sarif", "pod.yaml");
    SarifReporterTest.assertValid(sarif.out());
    assertTrue(sarif.out().contains("\"kind\" : \"external\"") || sarif.out().contains("\"kind\":\"external\""),
        sarif.out());
  }
}
