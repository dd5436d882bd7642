package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged jar as a user would, on the bundled examples, and checks that what it prints
 * is exactly what the examples' {@code # expect:} markers say.
 */
class JarSmokeIT {
  record Proc(int code, String out, String err) {}

  static Proc run(String... args) throws IOException, InterruptedException {
    Path jar = TestSupport.ROOT.resolve("target/podlint.jar");
    assertTrue(Files.isRegularFile(jar), "target/podlint.jar was not built");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("podlint-out", ".txt");
    Path err = Files.createTempFile("podlint-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).directory(TestSupport.ROOT.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "podlint did not finish in 60 s");
      return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void theJarLintsTheBundledExamplesExactlyAsMarked() throws Exception {
    Proc p = run("lint", "testdata/examples");
    assertEquals(1, p.code(), p.err());
    TreeSet<String> expected = new TreeSet<>();
    Path examples = TestSupport.TESTDATA.resolve("examples");
    try (Stream<Path> s = Files.list(examples)) {
      for (Path f : s.filter(x -> x.toString().endsWith(".yaml")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (var e : Expectations.parse(text)) {
          if (e.suppressed()) {
            continue; // the text report does not print them
          }
          expected.add("testdata/examples/" + f.getFileName() + ":" + e.line() + " " + e.rule());
        }
      }
    }
    TreeSet<String> actual = new TreeSet<>();
    for (String line : p.out().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      // path:line:col: level: message [PL001 name]
      String[] parts = line.split(":", 4);
      String rule = line.substring(line.lastIndexOf(' ') + 1, line.length() - 1);
      actual.add(parts[0] + ":" + parts[1] + " " + rule);
    }
    assertEquals(expected, actual);
    assertTrue(p.err().startsWith("podlint: 3 files,"), p.err());
    assertTrue(!p.err().contains("Exception"), p.err());
  }

  @Test
  void theLauncherRunsTheBuiltJar() throws Exception {
    Process p = new ProcessBuilder("bash", "bin/podlint", "--version").directory(TestSupport.ROOT.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("podlint "), out);
  }

  @Test
  void theJarExplainsAndValidatesUsage() throws Exception {
    assertEquals(0, run("explain", "container-port-conflict").code());
    Proc bad = run("--fail-on", "sometimes");
    assertEquals(2, bad.code());
    assertTrue(!bad.err().contains("\tat "), bad.err());
  }
}
