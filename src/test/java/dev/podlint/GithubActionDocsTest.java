package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The "GitHub Actions and code scanning" section of docs/integrations.md says what action.yml, the example workflow
 * and {@code --format github} do: its snippets are the files and the output themselves.
 */
class GithubActionDocsTest {
  static final String PAGE = "docs/integrations.md";
  static final String SECTION = "## GitHub Actions and code scanning";

  @TempDir
  Path dir;

  static String section() throws IOException {
    String page = Files.readString(TestSupport.ROOT.resolve(PAGE), StandardCharsets.UTF_8);
    int b = page.indexOf("\n" + SECTION + "\n");
    assertTrue(b >= 0, PAGE + " has the section " + SECTION);
    int e = page.indexOf("\n## ", b + 1);
    return page.substring(b, e < 0 ? page.length() : e);
  }

  @Test
  void theWorkflowInTheDocsIsTheExampleFile() throws IOException {
    String workflow = Files.readString(TestSupport.ROOT.resolve("docs/examples/github-workflow.yml"),
        StandardCharsets.UTF_8);
    assertTrue(section().contains("```yaml\n" + workflow + "```\n"),
        PAGE + " must show docs/examples/github-workflow.yml verbatim in a yaml block");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theWorkflowUsesTheActionWithItsInputsAndUploadsWithSecurityEventsWrite() throws IOException {
    Map<String, Object> action = (Map<String, Object>) load("action.yml");
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    Map<String, Object> workflow = (Map<String, Object>) load("docs/examples/github-workflow.yml");
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("podlint");
    assertEquals("write", ((Map<String, Object>) job.get("permissions")).get("security-events"));
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
    Map<String, Object> podlint = steps.stream().filter(s -> "podlint".equals(s.get("id"))).findFirst().orElseThrow();
    for (String input : ((Map<String, Object>) podlint.get("with")).keySet()) {
      assertTrue(inputs.containsKey(input), "the example passes an input action.yml lacks: " + input);
    }
    Map<String, Object> upload = steps.get(steps.indexOf(podlint) + 1);
    assertTrue(String.valueOf(upload.get("uses")).startsWith("github/codeql-action/upload-sarif@"), upload.toString());
    assertEquals("${{ steps.podlint.outputs.sarif-file }}", ((Map<String, Object>) upload.get("with")).get("sarif_file"));
    assertTrue(((Map<String, Object>) action.get("outputs")).containsKey("sarif-file"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theInputTableListsEveryInputWithItsDefault() throws IOException {
    String section = section();
    Map<String, Object> inputs = (Map<String, Object>) ((Map<String, Object>) load("action.yml")).get("inputs");
    for (Map.Entry<String, Object> input : inputs.entrySet()) {
      String def = String.valueOf(((Map<String, Object>) input.getValue()).get("default"));
      String cell = def.isEmpty() ? " | " : " | `" + def + "` | ";
      assertTrue(section.contains("| `" + input.getKey() + "`" + cell),
          PAGE + "'s input table lacks " + input.getKey() + " with default '" + def + "'");
    }
    assertEquals(inputs.size(), section.lines().filter(l -> l.matches("\\| `[a-z-]+` \\|.*")).count(),
        "one table row per input");
  }

  @Test
  void theAnnotationsShownAreWhatPodlintPrints() throws IOException {
    Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(dir.resolve("k8s/shop.yaml"), CliTest.CONFLICT, StandardCharsets.UTF_8);
    Cli.Run r = Cli.run(dir, null, "--no-config", "-q", "-f", "github", "k8s");
    List<String> shown = section().lines().filter(l -> l.startsWith("::")).toList();
    assertEquals(2, shown.size(), PAGE + " shows two annotations");
    for (String line : shown) {
      assertTrue(r.out().lines().anyMatch(line::equals), "podlint does not print the docs'\n" + line + "\n" + r.out());
    }
  }

  private static Object load(String file) throws IOException {
    return new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(TestSupport.ROOT.resolve(file), StandardCharsets.UTF_8));
  }
}
