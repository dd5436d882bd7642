package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podlint.cli.Main;
import dev.podlint.report.Formats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden outputs: podlint's report in every format for one small, fixed input, compared byte for
 * byte with the files in {@code testdata/golden/expected/}. The input, {@code testdata/golden/}, is
 * a few manifests and a configuration chosen so that every part of a report shows: findings of
 * several rules at every level, a related location, a finding suppressed by a comment and one by an
 * exemption, a fix, a Helm {@code # Source:} template location, a finding of a cross-object rule,
 * a YAML syntax error in a file whose name needs escaping, and an input that cannot be read.
 *
 * <p>What would differ between runs or machines is pinned in the run, never masked in the
 * comparison: the run reports the version {@value #VERSION}, gives SARIF's {@code %SRCROOT%} the URI
 * {@value #SRCROOT} instead of the checkout's absolute path, and its summary line says it took 1.23 s
 * ({@link Main.Pinned}). Standard error and the exit code are compared too.
 *
 * <p>When a change alters a report on purpose (a new message, another escaping, a new rule that the
 * configuration does not turn off), write the expected files anew and review the difference:
 *
 * <pre>
 * mvn -B test -Dtest=GoldenOutputTest -Dpodlint.updateGolden=true
 * git diff testdata/golden/
 * </pre>
 */
class GoldenOutputTest {
  static final Path DIR = TestSupport.TESTDATA.resolve("golden");
  static final Path EXPECTED = DIR.resolve("expected");
  static final String VERSION = "0.0.0-golden";
  static final String SRCROOT = "file:///golden/";
  static final Main.Pinned PINNED = new Main.Pinned(VERSION, SRCROOT, Duration.ofMillis(1234));
  static final boolean UPDATE = Boolean.getBoolean("podlint.updateGolden");
  static final String UPDATE_COMMAND = "mvn -B test -Dtest=GoldenOutputTest -Dpodlint.updateGolden=true";

  /** The run, from {@code testdata/golden/}: the manifests and one input that does not exist. */
  static final List<String> RUN = List.of("lint", "-c", "podlint.yaml", "manifests", "manifests/missing.yaml");
  /** 3: an input could not be read (which outranks the errors found). */
  static final int EXIT_CODE = 3;

  /** Each format and the file that holds its expected report ({@code report.} and the format's ending). */
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    Formats.all().forEach(f -> FILES.put(f.name(), f.fileName()));
  }

  static final String STDERR = "stderr.txt";

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.Env env = new Main.Env(DIR, new ByteArrayInputStream(new byte[0]), Map.of(), false, PINNED);
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String format) {
    List<String> args = new ArrayList<>(RUN);
    args.addAll(1, List.of("-f", format));
    return run(args);
  }

  @TestFactory
  Stream<DynamicTest> eachFormatOnStandardOutput() {
    return FILES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Run r = run(e.getKey());
      assertEquals(EXIT_CODE, r.code(), r.err());
      compare(e.getValue(), r.out());
      compare(STDERR, r.err());
    }));
  }

  /** One run writing every format to its own file (-f X -o FILE, repeated) writes the same bytes. */
  @Test
  void everyFormatInOneRunWritesTheSameReports() throws IOException {
    List<String> args = new ArrayList<>(RUN);
    List<String> outputs = new ArrayList<>();
    for (Map.Entry<String, String> e : FILES.entrySet()) {
      outputs.addAll(List.of("-f", e.getKey(), "-o", tmp.resolve(e.getValue()).toString()));
    }
    args.addAll(1, outputs);
    Run r = run(args);
    assertEquals(EXIT_CODE, r.code(), r.err());
    assertEquals("", r.out());
    compare(STDERR, r.err());
    for (String file : FILES.values()) {
      compare(file, Files.readString(tmp.resolve(file), StandardCharsets.UTF_8));
    }
  }

  /**
   * The input still shows what it was chosen for: a regenerated golden file that lost a part of the
   * report would pin less without anyone noticing.
   */
  @Test
  void theInputShowsEveryPartOfAReport() throws IOException {
    JsonNode json = new ObjectMapper().readTree(run("json").out());
    Set<String> levels = new HashSet<>();
    Set<String> shown = new HashSet<>();
    for (JsonNode f : json.get("findings")) {
      levels.add(f.get("level").asText());
      if (f.get("suppressed").asBoolean()) {
        shown.add("suppressed " + f.at("/suppression/kind").asText());
      }
      if (f.has("fix")) {
        shown.add("fix");
      }
      for (JsonNode rel : f.get("related")) {
        shown.add(rel.get("file").asText().startsWith("manifests/") ? "related location" : "template location");
      }
      if (!f.hasNonNull("object")) {
        shown.add("finding without object");
      }
      if (f.get("file").asText().contains(" ")) {
        shown.add("file name with a space");
      }
    }
    if (!json.get("inputErrors").isEmpty()) {
      shown.add("input error");
    }
    assertEquals(Set.of("error", "warning", "note"), levels);
    assertEquals(Set.of("suppressed inSource", "suppressed external", "fix", "related location", "template location",
        "finding without object", "file name with a space", "input error"), shown);
    // the cross-object rule's finding comes after the files, in every format
    List<String> text = run("text").out().lines().toList();
    assertTrue(text.get(text.size() - 1).endsWith("[PL024 service-selects-no-pods]"), String.join("\n", text));
  }

  @Test
  void theDocsShowHowToUpdateThem() throws IOException {
    String development = Files.readString(TestSupport.ROOT.resolve("docs/development.md"), StandardCharsets.UTF_8);
    assertTrue(development.contains("\n  " + UPDATE_COMMAND + "\n"),
        "docs/development.md's golden outputs item shows " + UPDATE_COMMAND);
    String contributing = Files.readString(TestSupport.ROOT.resolve("CONTRIBUTING.md"), StandardCharsets.UTF_8);
    assertTrue(contributing.contains("\n" + UPDATE_COMMAND + "\n"), "CONTRIBUTING.md shows " + UPDATE_COMMAND);
  }

  /**
   * Compares {@code actual} with the expected file byte for byte, or writes the file with
   * {@code -Dpodlint.updateGolden=true}; the failure names the first line that differs.
   */
  static void compare(String file, String actual) throws IOException {
    Path path = EXPECTED.resolve(file);
    byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
    if (UPDATE) {
      if (!Files.exists(path) || !Arrays.equals(Files.readAllBytes(path), bytes)) {
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
        System.out.println("GoldenOutputTest: wrote " + TestSupport.ROOT.relativize(path) + "; review it with git diff");
      }
      return;
    }
    if (!Files.exists(path)) {
      fail(TestSupport.ROOT.relativize(path) + " does not exist; write it with " + UPDATE_COMMAND);
    }
    byte[] expected = Files.readAllBytes(path);
    if (!Arrays.equals(expected, bytes)) {
      fail(TestSupport.ROOT.relativize(path) + " differs from podlint's output " + firstDifference(
          new String(expected, StandardCharsets.UTF_8), actual) + "\nIf the change is intended, write the expected "
          + "files anew with\n  " + UPDATE_COMMAND + "\nand review them with git diff testdata/golden/");
    }
  }

  /** Where two texts part: the line number and both versions of that line. */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : null;
      String al = i < a.length ? a[i] : null;
      if (el == null || !el.equals(al)) {
        return "at line " + (i + 1) + ":\n  expected: " + (el == null ? "(end of file)" : el)
            + "\n  actual:   " + (al == null ? "(end of file)" : al);
      }
    }
    return "in its bytes (line endings or encoding)";
  }
}
