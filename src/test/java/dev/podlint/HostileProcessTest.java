package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input cases that need a process of their own (see {@link ChildJvm}): what would block
 * or fill the heap were it read ({@code /dev/zero}, a FIFO, as an input, the configuration, a rule
 * file or a baseline), a small heap, the process's standard output failing, and the C locale. Each
 * must end with its documented exit code and a one-line message, never a stack trace; where inputs
 * are linted at all, the control manifest still is.
 */
class HostileProcessTest {
  static final Path ZERO = Path.of("/dev/zero");

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Files.copy(HostileInputTest.DIR.resolve("control.yaml"), dir.resolve("control.yaml"));
  }

  static ChildJvm.Result run(String... args) throws IOException, InterruptedException {
    return new ChildJvm(dir).run(args);
  }

  /** No stack trace, the exit code, and (for a usage error) nothing linted. */
  static ChildJvm.Result check(ChildJvm.Result r, int code, String message) {
    String what = "gave:\n" + r.all();
    assertFalse(HostileInputTest.STACK.matcher(r.all()).find(), "stack trace " + what);
    assertEquals(code, r.code(), "exit code " + what);
    assertTrue(r.err().contains(message), "expected '" + message + "' " + what);
    if (code == 2) {
      assertEquals("", r.out(), "nothing linted " + what);
    } else {
      assertTrue(r.out().contains(HostileInputTest.CONTROL), "control manifest not linted " + what);
    }
    return r;
  }

  // ---- /dev/zero: refused before it is opened, or read one byte past the limit

  @Test
  void standardInputFromDevZero() throws Exception {
    assumeTrue(Files.exists(ZERO), "no /dev/zero here");
    check(new ChildJvm(dir).stdin(ZERO.toFile()).run("lint", "--no-config", "-", "control.yaml"), 3,
        "podlint: cannot read <stdin>: it holds more than the 64 MiB podlint reads from one input");
  }

  @Test
  void devZeroAsConfigurationBaselineOrRuleFile() throws Exception {
    assumeTrue(Files.exists(ZERO), "no /dev/zero here");
    String notRegular = "not a regular file (a pipe, a device or a socket)";
    check(run("lint", "-c", "/dev/zero", "control.yaml"), 2, "cannot read the configuration: " + notRegular);
    check(run("lint", "--no-config", "--baseline", "/dev/zero", "control.yaml"), 2,
        "podlint: cannot read the baseline /dev/zero: " + notRegular);
    check(run("lint", "--no-config", "--rules-dir", "/dev/zero", "control.yaml"), 2,
        "podlint: invalid rule file: /dev/zero: not a directory");
    Path rules = Files.createDirectories(dir.resolve("zero-rules"));
    Files.createSymbolicLink(rules.resolve("zero.yaml"), ZERO);
    check(run("lint", "--no-config", "--rules-dir", "zero-rules", "control.yaml"), 2,
        "podlint: invalid rule file: zero-rules/zero.yaml: cannot read the file: " + notRegular);
  }

  // ---- FIFOs: never opened, so nothing blocks

  @Test
  void fifoAsConfigurationBaselineOrRuleFile() throws Exception {
    ChildJvm.fifo(dir.resolve("fifo.yaml"));
    String notRegular = "not a regular file (a pipe, a device or a socket)";
    check(run("lint", "-c", "fifo.yaml", "control.yaml"), 2, "fifo.yaml: error: cannot read the configuration: "
        + notRegular);
    check(run("lint", "--no-config", "--baseline", "fifo.yaml", "control.yaml"), 2,
        "podlint: cannot read the baseline fifo.yaml: " + notRegular);
    Path rules = Files.createDirectories(dir.resolve("fifo-rules"));
    ChildJvm.fifo(rules.resolve("rule.yaml"));
    check(run("lint", "--no-config", "--rules-dir", "fifo-rules", "control.yaml"), 2,
        "podlint: invalid rule file: fifo-rules/rule.yaml: cannot read the file: " + notRegular);
    // a committed configuration whose ruleDirectories hold a FIFO: every run in the repository
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".podlint.yaml"), "ruleDirectories: [../fifo-rules]\n");
    check(new ChildJvm(repo).run("lint", "../control.yaml"), 2, "fifo-rules/rule.yaml: cannot read the file: "
        + notRegular);
  }

  // ---- out of memory: one line, exit code 4, the other files linted

  @Test
  void aFileTooBigForASmallHeap() throws Exception {
    Path big = dir.resolve("big.yaml");
    byte[] doc = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: v}\n"
        .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
      for (long n = 0; n < 49L << 20; n += doc.length) {
        o.write(doc);
      }
    }
    ChildJvm.Result r = new ChildJvm(dir).heap("64m").run("lint", "--no-config", "big.yaml", "control.yaml");
    assertFalse(HostileInputTest.STACK.matcher(r.all()).find(), "stack trace:\n" + r.all());
    assertTrue(r.out().contains(HostileInputTest.CONTROL), "control manifest not linted:\n" + r.all());
    // whether 49 MB fit in 64 MB depends on how the loader holds a file; if not, it is said in one line
    if (r.code() == 4) {
      assertTrue(r.err().contains("podlint: big.yaml: out of memory (Java heap space, "), r.all());
      assertTrue(r.err().contains("give Java more heap (PODLINT_JAVA_OPTS=-Xmx4g)"), r.all());
      assertFalse(r.err().contains("internal error"), r.all());
    } else {
      assertTrue(List.of(0, 1).contains(r.code()), "exit code " + r.code() + ":\n" + r.all());
    }
    Files.delete(big);
  }

  // ---- standard output that cannot be written: exit code 2 and a message, as -o /dev/full

  @Test
  void standardOutputOnAFullDevice() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "no /dev/full here");
    ChildJvm.Result r = new ChildJvm(dir).stdout(full).run("lint", "--no-config", "control.yaml");
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("podlint: cannot write to standard output: "), r.all()); // the system's words follow
    assertFalse(HostileInputTest.STACK.matcher(r.all()).find(), r.all());
  }

  @Test
  void closedStandardOutput() throws Exception {
    ChildJvm.Result r = new ChildJvm(dir).closedStdout().run("lint", "--no-config", "control.yaml");
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("podlint: cannot write to standard output: "), r.all());
    assertFalse(HostileInputTest.STACK.matcher(r.all()).find(), r.all());
  }

  // ---- file names in the C locale, where Java reads and writes them as ASCII

  @Test
  void aNonAsciiNameInTheCLocaleIsAnInputProblemOfThatFileOnly() throws Exception {
    Path d = Files.createDirectories(dir.resolve("locale"));
    try {
      Files.copy(HostileInputTest.DIR.resolve("tabs.yaml"), d.resolve("café.yaml"));
      Files.createDirectories(d.resolve("k8s"));
      Files.copy(HostileInputTest.DIR.resolve("tabs.yaml"), d.resolve("k8s/café.yaml"));
    } catch (java.nio.file.InvalidPathException | IOException e) {
      assumeTrue(false, "this filesystem (or the tests' locale) cannot hold the name café.yaml: " + e);
    }
    Files.copy(HostileInputTest.DIR.resolve("control.yaml"), d.resolve("control.yaml"));
    ChildJvm c = new ChildJvm(d).env("LC_ALL", "C");
    ChildJvm.Result named = check(c.run("lint", "--no-config", "café.yaml", "control.yaml"), 3,
        "its name cannot be written in ANSI_X3.4-1968, the file-name encoding of this locale; run podlint in a UTF-8 "
            + "locale (LC_ALL=C.UTF-8)");
    assertFalse(named.all().contains("internal error"), named.all());
    // found in a directory: named by its real name, never a garbled one, and not linted under another
    ChildJvm.Result walked = check(c.run("lint", "--no-config", "k8s", "control.yaml"), 3,
        "podlint: cannot read k8s/café.yaml: its name cannot be read in ANSI_X3.4-1968");
    assertFalse(walked.out().contains("k8s/caf"), walked.all());
  }
}
