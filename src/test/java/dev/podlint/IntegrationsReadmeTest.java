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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of the "pre-commit" and "Editors" sections of docs/integrations.md, of the
 * "Helm and Kustomize" section of docs/user-guide.md and of the pre-commit set-up on the README
 * front page ({@code .ci/precommit-test.sh} runs the pre-commit configuration itself).
 */
class IntegrationsReadmeTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String page(String name) throws IOException {
    return Files.readString(TestSupport.ROOT.resolve(name), StandardCharsets.UTF_8);
  }

  /** The fenced block of {@code language} that follows {@code marker}. */
  static String block(String text, String marker, String language) {
    int at = text.indexOf(marker);
    assertTrue(at >= 0, "no " + marker);
    int start = text.indexOf("```" + language + "\n", at);
    assertTrue(start >= 0, "no ```" + language + " block after " + marker);
    start += language.length() + 4;
    return text.substring(start, text.indexOf("\n```\n", start) + 1);
  }

  private static JsonNode problemMatcher() throws IOException {
    JsonNode tasks = JSON.readTree(block(page("docs/integrations.md"), "<!-- vscode-tasks:", "json"));
    assertEquals("2.0.0", tasks.get("version").asText());
    return tasks.at("/tasks/0/problemMatcher");
  }

  @Test
  void problemMatcherReadsEveryTextLineWithItsPlaceLevelAndRule() throws IOException {
    JsonNode matcher = problemMatcher();
    JsonNode p = matcher.get("pattern");
    Pattern regexp = Pattern.compile(p.get("regexp").asText());
    assertEquals(ForgedLinesTest.MATCHER.pattern(), regexp.pattern(), "ForgedLinesTest checks the same regexp");
    // a file, a rendered chart named with --stdin-name and a name with colons and spaces
    Files.writeString(dir.resolve("pod.yaml"), CliTest.CONFLICT, StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("odd dir"));
    Files.writeString(dir.resolve("odd dir/a:b.yaml"), CliTest.CONFLICT, StandardCharsets.UTF_8);
    String rendered = Files.readString(TestSupport.ROOT.resolve("testdata/helm/rendered-shop.yaml"));
    List<String[]> cases = List.of(
        new String[] {null, "pod.yaml", "odd dir"},
        new String[] {rendered, "--stdin-name", "charts/shop.yaml", "-"});
    Set<String> levels = new HashSet<>();
    for (String[] c : cases) {
      String[] args = new String[c.length + 2];
      args[0] = "lint";
      args[1] = "--fail-on";
      args[2] = "none";
      System.arraycopy(c, 1, args, 3, c.length - 1);
      Cli.Run text = Cli.run(dir, c[0], args);
      String[] jsonArgs = new String[args.length + 2];
      jsonArgs[0] = "-f";
      jsonArgs[1] = "json";
      System.arraycopy(args, 0, jsonArgs, 2, args.length);
      JsonNode findings = JSON.readTree(Cli.run(dir, c[0], jsonArgs).out()).get("findings");
      String[] lines = text.out().split("\n");
      assertEquals(findings.size(), lines.length, text.out());
      assertTrue(lines.length > 5, text.out());
      Set<String> fromText = new HashSet<>();
      for (String line : lines) {
        Matcher m = regexp.matcher(line);
        assertTrue(m.matches(), "the problem matcher misses: " + line);
        fromText.add(String.join("|", m.group(p.get("file").asInt()), m.group(p.get("line").asInt()),
            m.group(p.get("column").asInt()), m.group(p.get("severity").asInt()), m.group(p.get("message").asInt()),
            m.group(p.get("code").asInt())));
        levels.add(m.group(p.get("severity").asInt()));
      }
      Set<String> fromJson = new HashSet<>();
      for (JsonNode f : findings) {
        fromJson.add(String.join("|", f.get("file").asText(), f.get("line").asText(), f.get("column").asText(),
            f.get("level").asText(), f.get("message").asText(), f.get("ruleId").asText()));
      }
      assertEquals(fromJson, fromText);
    }
    assertEquals(Set.of("error", "warning", "note"), levels);
    assertTrue(Set.of("error", "warning", "info").contains(matcher.get("severity").asText()),
        "VS Code levels are error, warning and info; notes fall back to the matcher's severity");
    assertEquals("relative", matcher.get("fileLocation").get(0).asText());
  }

  @Test
  void problemMatcherRejectsTheSummaryLine() throws IOException {
    Pattern regexp = Pattern.compile(problemMatcher().at("/pattern/regexp").asText());
    Cli.Run r = Cli.run(dir, CliTest.CONFLICT, "lint", "-");
    assertFalse(regexp.matcher(r.err().strip()).matches(), r.err());
  }

  @Test
  void helmAndKustomizePipelinesOfTheUserGuideRun() throws IOException {
    String sh = block(page("docs/user-guide.md"), "## Helm and Kustomize", "sh");
    String rendered = Files.readString(TestSupport.ROOT.resolve("testdata/helm/rendered-shop.yaml"));
    int ran = 0;
    for (String line : sh.split("\n")) {
      String[] pipe = line.split("\\|");
      assertEquals(2, pipe.length, line);
      List<String> args = new ArrayList<>(List.of(pipe[1].strip().split("\\s+")));
      assertEquals("podlint", args.remove(0), line);
      String name = args.get(args.indexOf("--stdin-name") + 1);
      Cli.Run r = Cli.run(dir, rendered, args.toArray(String[]::new));
      assertEquals(1, r.code(), line + "\n" + r.err());
      int o = args.indexOf("-o");
      String report = o < 0 ? r.out() : Files.readString(dir.resolve(args.get(o + 1)));
      assertTrue(report.contains(name), line + "\n" + report);
      assertFalse(report.contains("<stdin>") || report.contains("\"stdin\""), line);
      if (o >= 0) {
        assertTrue(report.contains("\"uri\" : \"shop/templates/deployment.yaml\""), report);
      }
      ran++;
    }
    assertEquals(3, ran);
  }

  @Test
  void hookDefinitionMatchesTheDocs() throws IOException {
    String hooks = Files.readString(TestSupport.ROOT.resolve(".pre-commit-hooks.yaml"));
    assertTrue(hooks.contains("- id: podlint\n"), hooks);
    assertTrue(hooks.contains("  entry: bin/podlint lint\n"), hooks);
    assertTrue(hooks.contains("  language: script\n"), hooks);
    assertTrue(hooks.contains("  types_or: [yaml, json]\n"), hooks);
    assertTrue(hooks.contains("  require_serial: true\n"), hooks);
    assertTrue(Files.isExecutable(TestSupport.ROOT.resolve("bin/podlint")));
    String config = block(page("README.md"), "<!-- pre-commit-config:", "yaml");
    assertTrue(config.contains("      - id: podlint\n"), config);
    assertEquals(config, block(page("docs/integrations.md"), "<!-- pre-commit-config:", "yaml"),
        "the README and docs/integrations.md show one pre-commit configuration");
  }
}
