package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/podlint} in the C locale, where Java alone reads and writes file names as ASCII: it
 * starts Java in C.UTF-8, so that {@code café.yaml} is linted under its real name, named or found
 * in a directory, with the same report and fingerprints as in a UTF-8 locale. Where the system has
 * no C.UTF-8 locale, such a file is an input problem with a message that says what to do.
 */
class LocaleIT {
  @TempDir Path dir;

  record Proc(int code, String out, String err) {}

  Proc podlint(String locale, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(TestSupport.ROOT.resolve("bin/podlint").toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("podlint-locale-out", ".txt");
    Path err = Files.createTempFile("podlint-locale-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      pb.environment().put("PODLINT_JAR", TestSupport.ROOT.resolve("target/podlint.jar").toString());
      pb.environment().remove("LC_CTYPE");
      pb.environment().put("LANG", locale);
      pb.environment().put("LC_ALL", locale);
      Process p = pb.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/podlint did not end within 120 s (a hang)");
      return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static boolean hasCUtf8() throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
    } catch (IOException e) {
      return false;
    }
    String all = new String(p.getInputStream().readAllBytes()).toLowerCase(Locale.ROOT);
    p.waitFor(60, TimeUnit.SECONDS);
    return all.lines().anyMatch(l -> l.equals("c.utf8") || l.equals("c.utf-8"));
  }

  @Test
  void nonAsciiNamesAreLintedUnderTheirRealNamesInTheCLocale() throws Exception {
    Path hostile = TestSupport.TESTDATA.resolve("hostile");
    try {
      Files.copy(hostile.resolve("tabs.yaml"), dir.resolve("café.yaml"));
      Files.createDirectories(dir.resolve("k8s"));
      Files.copy(hostile.resolve("tabs.yaml"), dir.resolve("k8s/naïve.yaml"));
    } catch (java.nio.file.InvalidPathException | IOException e) {
      assumeTrue(false, "this filesystem (or the tests' locale) cannot hold the name café.yaml: " + e);
    }
    Files.copy(hostile.resolve("control.yaml"), dir.resolve("control.yaml"));
    String[] args = {"lint", "--no-config", "-f", "sarif", "-o", "report.sarif", "-f", "text", "café.yaml", "k8s",
        "control.yaml"};
    Proc c = podlint("C", args);
    if (!hasCUtf8()) {
      assertEquals(3, c.code(), c.err());
      assertTrue(c.err().contains("podlint: cannot read café.yaml: its name cannot be written in"), c.err());
      assertTrue(c.err().contains("run podlint in a UTF-8 locale (LC_ALL=C.UTF-8)"), c.err());
      return;
    }
    assertEquals(1, c.code(), c.err());
    assertFalse(c.err().contains("cannot read"), c.err());
    assertTrue(c.out().contains("café.yaml:4:1: error: "), c.out());
    assertTrue(c.out().contains("k8s/naïve.yaml:4:1: error: "), c.out());
    String sarif = Files.readString(dir.resolve("report.sarif"));
    assertTrue(sarif.contains("caf%C3%A9.yaml"), "SARIF names the file by its UTF-8 name");
    // the same report and fingerprints as in a UTF-8 locale
    Proc utf8 = podlint("C.UTF-8", args);
    assertEquals(c.out(), utf8.out());
    assertEquals(sarif, Files.readString(dir.resolve("report.sarif")));
  }
}
