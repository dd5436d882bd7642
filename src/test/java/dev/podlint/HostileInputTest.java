package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: every case is linted together with {@code testdata/hostile/control.yaml} in one
 * run, and must end (a hang guard of {@link #HANG_GUARD}, not a speed bound: the work each case may
 * do is bounded by the loader's limits, which the positions of the findings prove), report a clear
 * finding or message at a location, give
 * the documented exit code, print no stack trace, and still lint the control manifest. Small
 * cases live in {@code testdata/hostile/}; big ones are generated into a temporary directory.
 */
class HostileInputTest {
  /**
   * Only a guard against a hang: CI shares two cores with other work, so no test bounds wall time.
   * Speed is measured by the benchmark (bin/podlint-bench), never here.
   */
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** 100,001 objects in one file: a larger job, with a larger guard against a hang. */
  static final Duration MANY_HANG_GUARD = Duration.ofSeconds(180);

  static final Path DIR = TestSupport.TESTDATA.resolve("hostile");
  /** The control manifest's one memory-limit warning: seen only when it was linted. */
  static final String CONTROL = "control.yaml:16:9: warning: Container 'app' has no memory limit [PL010 missing-memory-limit]";
  static final Pattern STACK = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread|\\bCaused by: ");

  @TempDir static Path tmp;

  record Run(int code, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  @BeforeAll
  static void warmUp() {
    // the first run loads rules and schemas, so that a hang guard is about linting, not class loading
    run(DIR, new ByteArrayInputStream(new byte[0]), "control.yaml");
  }

  static Run run(Path dir, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> a = new ArrayList<>(List.of("lint", "--no-config"));
    a.addAll(List.of(args));
    int code = Main.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
        new Main.Env(dir, stdin, Map.of(), false));
    return new Run(code, out.toString(), err.toString());
  }

  /** Lints {@code input} (relative to {@code dir}) and the control manifest, with the bounds every case shares. */
  static Run hostile(Path dir, InputStream stdin, int expectedCode, String input) throws IOException {
    return hostile(HANG_GUARD, dir, stdin, expectedCode, input);
  }

  static Run hostile(Duration limit, Path dir, InputStream stdin, int expectedCode, String input) throws IOException {
    Path control = dir.resolve("control.yaml");
    if (!Files.exists(control)) {
      Files.copy(DIR.resolve("control.yaml"), control);
    }
    Run r = assertTimeoutPreemptively(limit, () -> run(dir, stdin, input, "control.yaml"),
        () -> input + " did not end within " + limit + " (a hang)");
    String what = input + " gave:\n" + r.all();
    assertFalse(STACK.matcher(r.all()).find(), "stack trace for " + what);
    assertFalse(r.all().contains("internal error"), "internal error for " + what);
    assertTrue(r.out.contains(CONTROL), "control manifest not linted beside " + what);
    assertEquals(expectedCode, r.code, "exit code for " + what);
    return r;
  }

  static Run hostile(int expectedCode, String input) throws IOException {
    return hostile(DIR, new ByteArrayInputStream(new byte[0]), expectedCode, input);
  }

  /** Asserts an invalid-yaml finding for {@code file} at exactly {@code line:col} with {@code text} in its message. */
  static void invalidYamlAt(Run r, String file, int line, int col, String text) {
    String prefix = file + ":" + line + ":" + col + ": error: ";
    assertTrue(r.out.lines().anyMatch(l -> l.startsWith(prefix) && l.contains(text) && l.endsWith("[PL000 invalid-yaml]")),
        "expected " + prefix + "..." + text + " in:\n" + r.all());
  }

  static long findingsOf(Run r, String file) {
    return r.out.lines().filter(l -> l.startsWith(file + ":")).count();
  }

  // ---- small cases, testdata/hostile/

  @Test
  void aliasBombIsRefusedAtAnAlias() throws IOException {
    // lines 2-6 hold 45 aliases of collections; the 6th alias on line 7 is the 51st
    invalidYamlAt(hostile(1, "alias-bomb.yaml"), "alias-bomb.yaml", 7, 23, "more than 50 aliases of collections");
  }

  @Test
  void aliasLimitIsCountedPerDocumentAndOnlyForCollections() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("aliases"));
    // document 1: 50 aliases of a list (the limit, fine); document 2: 60 aliases of a scalar (not
    // counted), then aliases of a mapping from line 8 on, the 51st of which is on line 58
    StringBuilder s = new StringBuilder("a: &l [x]\nb: [").append("*l, ".repeat(49)).append("*l]\n---\n");
    s.append("s: &s text\nt: [").append("*s, ".repeat(59)).append("*s]\nm: &m {k: v}\nitems:\n");
    for (int i = 0; i < 60; i++) {
      s.append("  - *m\n");
    }
    Files.writeString(d.resolve("aliases.yaml"), s);
    invalidYamlAt(hostile(d, new ByteArrayInputStream(new byte[0]), 1, "aliases.yaml"), "aliases.yaml", 58, 5,
        "more than 50 aliases of collections");
  }

  @Test
  void binaryData() throws IOException {
    Run r = hostile(1, "binary.yaml");
    assertTrue(r.out.lines().anyMatch(l -> l.matches("binary\\.yaml:\\d+:\\d+: error: .*not valid .*\\[PL000 invalid-yaml]")),
        r.all());
  }

  @Test
  void invalidUtf8PointsAtTheBadByte() throws IOException {
    invalidYamlAt(hostile(1, "invalid-utf8.yaml"), "invalid-utf8.yaml", 4, 14, "not valid UTF-8");
  }

  @Test
  void utf16WithBomIsRead() throws IOException {
    Run r = hostile(0, "utf16-bom.yaml");
    assertTrue(r.out.contains("utf16-bom.yaml:8:14: warning: Container 'app' runs image 'app:latest'"), r.all());
  }

  @Test
  void tabsForIndentation() throws IOException {
    invalidYamlAt(hostile(1, "tabs.yaml"), "tabs.yaml", 4, 1, "TAB");
  }

  @Test
  void duplicateKeysAreFindings() throws IOException {
    Run r = hostile(1, "duplicate-keys.yaml");
    assertTrue(r.out.contains("duplicate-keys.yaml:5:3: error: Key 'name' is given more than once"), r.all());
    assertTrue(r.out.contains("duplicate-keys.yaml:10:7: error: Key 'image' is given more than once"), r.all());
  }

  @Test
  void documentsWithoutContentAreQuiet() throws IOException {
    for (String f : List.of("empty.yaml", "only-comments.yaml", "only-separators.yaml", "scalar-root.yaml",
        "sequence-root.yaml")) {
      Run r = hostile(0, f);
      assertEquals(0, findingsOf(r, f), r.all());
      assertTrue(r.err.contains("2 files, 1 object:"), f + ": " + r.err);
    }
  }

  @Test
  void missingOrNonStringKindIsAnErrorAtItsPlace() throws IOException {
    // documents with an apiVersion or a kind were meant as objects: each unusable one is an error
    Run r = hostile(1, "missing-kind.yaml");
    String rule = " [PL061 missing-api-version-or-kind]";
    assertEquals(List.of(
        "missing-kind.yaml:1:1: error: The document has no kind, so nothing can tell what object it is; add kind" + rule,
        "missing-kind.yaml:8:7: error: kind must be a string such as Deployment, got integer 42" + rule,
        "missing-kind.yaml:14:7: error: kind must be a string such as Deployment, got a list" + rule,
        "missing-kind.yaml:18:7: error: The document has no kind, so nothing can tell what object it is; add kind" + rule),
        r.out.lines().filter(l -> l.startsWith("missing-kind.yaml:")).toList(), r.all());
    assertTrue(r.err.contains("2 files, 1 object:"), r.err);
  }

  @Test
  void numbersWhereNamesBelong() throws IOException {
    Run r = hostile(1, "numbers-as-names.yaml");
    assertTrue(r.out.contains("numbers-as-names.yaml:4:9: error: metadata.name: expected string, got integer 12345"), r.all());
    assertTrue(r.out.contains("numbers-as-names.yaml:13:17: error: spec.containers[0].ports[0].name: expected string"),
        r.all());
  }

  @Test
  void nanAndInfinity() throws IOException {
    Run r = hostile(1, "nan-inf.yaml");
    // JSON has no such numbers: Kubernetes refuses them in any field, a name as well as a number
    assertTrue(r.out.contains("nan-inf.yaml:4:9: error: metadata.name: got number .nan, which JSON cannot hold"), r.all());
    assertTrue(r.out.contains("nan-inf.yaml:6:13: error: spec.replicas: got number .inf, which JSON cannot hold"), r.all());
    assertTrue(r.out.contains("nan-inf.yaml:19:28: error: spec.template.spec.containers[0].readinessProbe.periodSeconds:"
        + " got number .nan, which JSON cannot hold, so Kubernetes refuses the whole document"), r.all());
  }

  @Test
  void mergeKeyMergingItsOwnMapping() throws IOException {
    // found by fuzzing (LintFuzzTest): snakeyaml-engine's merging looped forever on this
    Run r = hostile(1, "recursive-merge-key.yaml");
    invalidYamlAt(r, "recursive-merge-key.yaml", 12, 11, "a merge key (<<) merges a mapping that contains it");
    assertEquals(1, findingsOf(r, "recursive-merge-key.yaml"), r.all());
  }

  // ---- generated cases

  @Test
  void deepFlowNesting() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("flow"));
    int depth = 10_000;
    Files.writeString(d.resolve("deep.yaml"), "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 1, "deep.yaml");
    invalidYamlAt(r, "deep.yaml", 1, 3 + 1000, "nests collections more than 1000 deep");
  }

  @Test
  void deepBlockNesting() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("block"));
    // compact nested block sequences: "- - - ... x"; indentation alone would make a 50 MB file
    Files.writeString(d.resolve("deep.yaml"), "key:\n  " + "- ".repeat(10_000) + "x\n");
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 1, "deep.yaml");
    // the mapping is the first level, "- " number k (1-based) opens level k + 1
    invalidYamlAt(r, "deep.yaml", 2, 2 * 1000 + 1, "nests collections more than 1000 deep");
  }

  @Test
  void fiftyMegabyteScalar() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("huge"));
    Path f = d.resolve("huge.yaml");
    byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream o = Files.newOutputStream(f)) {
      o.write("apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 50; i++) {
        o.write(chunk);
      }
      o.write('\n');
    }
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 1, "huge.yaml");
    invalidYamlAt(r, "huge.yaml", 4, 1024 * 1024 + 1, "a line is longer than 1048576 code points");
  }

  @Test
  void documentOverTheSizeLimitStillLintsTheDocumentsBeforeIt() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("limit"));
    String pod = Files.readString(DIR.resolve("control.yaml")).replace("name: control", "name: before");
    StringBuilder big = new StringBuilder(pod).append("---\napiVersion: v1\nkind: ConfigMap\ndata:\n");
    int line = pod.split("\n", -1).length + 4;
    for (int i = 0; big.length() < 4 * 1024 * 1024; i++) {
      big.append("  k").append(i).append(": ").append("v".repeat(100)).append('\n');
    }
    Files.writeString(d.resolve("big.yaml"), big);
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 1, "big.yaml");
    assertTrue(r.out.contains("big.yaml:16:9: warning: Container 'app' has no memory limit"), r.all());
    assertTrue(r.out.lines().anyMatch(l -> l.matches("big\\.yaml:\\d+:\\d+: error: .*a document is larger than 3145728 code"
        + ".*\\[PL000 invalid-yaml]") && Integer.parseInt(l.split(":")[1]) > line), "after line " + line + ":\n" + r.all());
  }

  @Test
  void hundredThousandDocuments() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("many"));
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      s.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\n");
    }
    s.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: last}\nspec: {containers: [{name: a, image: a:latest}]}\n");
    Files.writeString(d.resolve("many.yaml"), s);
    // 100,001 objects each go through every rule and the schema check: this bound is for the whole run
    Run r = hostile(MANY_HANG_GUARD, d, new ByteArrayInputStream(new byte[0]), 0, "many.yaml");
    assertTrue(r.out.contains("many.yaml:400005:"), "the last document was linted:\n" + r.err);
  }

  @Test
  void symlinkLoopUnderADirectory() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("loop"));
    Path sub = Files.createDirectories(d.resolve("tree/sub"));
    Files.copy(DIR.resolve("tabs.yaml"), sub.resolve("tabs.yaml"));
    try {
      Files.createSymbolicLink(sub.resolve("back"), d.resolve("tree"));
      Files.createSymbolicLink(d.resolve("tree/self.yaml"), d.resolve("tree/self.yaml"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 3, "tree");
    invalidYamlAt(r, "tree/sub/tabs.yaml", 4, 1, "TAB");
    assertEquals(1, r.out.lines().filter(l -> l.contains("tabs.yaml:4:1")).count(), "each real file once:\n" + r.all());
    assertTrue(r.err.contains("tree/self.yaml"), r.all());
  }

  // ---- sizes: every file is checked before it is opened, a stream is read one byte past its limit

  static final int LIMIT = dev.podlint.load.FileReads.MANIFEST_LIMIT;

  /** A sparse file of {@code size} zero bytes (no disk space), or the test is skipped. */
  static Path sparse(Path file, long size) throws IOException {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    assumeTrue(Files.size(file) == size, "this filesystem cannot hold a " + size + "-byte file");
    return file;
  }

  @Test
  void sparseTwoGigabyteFileIsRefusedUnread() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("sparse"));
    sparse(d.resolve("huge.yaml"), 2L << 30);
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 3, "huge.yaml");
    assertTrue(r.err.contains("podlint: cannot read huge.yaml: it is 2,147,483,648 bytes, more than the 64 MiB podlint reads "
        + "from one file"), r.all());
  }

  @Test
  void aFileOneByteOverTheLimitIsRefusedAndOneAtItIsRead() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("at-limit"));
    sparse(d.resolve("over.yaml"), LIMIT + 1L);
    Run over = hostile(d, new ByteArrayInputStream(new byte[0]), 3, "over.yaml");
    assertTrue(over.err.contains("podlint: cannot read over.yaml: it is 67,108,865 bytes, more than the 64 MiB"), over.all());
    sparse(d.resolve("at.yaml"), LIMIT);
    // read: 64 MiB of NUL bytes are one line, over the line limit
    invalidYamlAt(hostile(d, new ByteArrayInputStream(new byte[0]), 1, "at.yaml"), "at.yaml", 1, 1024 * 1024 + 1,
        "a line is longer than");
  }

  /** Endless zero bytes, as from /dev/zero, counting what was read. */
  static final class Zeros extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 0);
      read += len;
      return len;
    }
  }

  @Test
  void endlessStandardInputIsReadOneBytePastTheLimit() throws IOException {
    Zeros zeros = new Zeros();
    Run r = hostile(DIR, zeros, 3, "-");
    assertTrue(r.err.contains("podlint: cannot read <stdin>: it holds more than the 64 MiB podlint reads from one "
        + "input"), r.all());
    assertEquals(LIMIT + 1L, zeros.read, "bytes read");
  }

  @Test
  void aFifoInADirectoryIsReportedNotOpened() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("fifo/k8s"));
    ChildJvm.fifo(d.resolve("pipe.yaml"));
    Run r = hostile(d.getParent(), new ByteArrayInputStream(new byte[0]), 3, "k8s");
    assertTrue(r.err.contains("podlint: cannot read k8s/pipe.yaml: not a regular file (a pipe, a device or a socket)"),
        r.all());
  }

  // ---- the directory walk: nothing dropped quietly, links kept inside, each file once

  @Test
  void aManifestDeeperThanThePathLimitIsReported() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("deep-path"));
    // 20 directories of 250 characters: 5,000 bytes, more than Linux's 4,096 (Java cannot make it)
    String name = "d".repeat(250);
    assumeTrue(new java.io.File("/bin/bash").canExecute(), "no /bin/bash to make a deep path with: case skipped");
    try {
      // bash, whose cd goes on below the limit (dash's does not)
      Process p = new ProcessBuilder("/bin/bash", "-c", "for i in {1..20}; do mkdir " + name + " && cd " + name
          + " || exit 1; done; printf 'a: [\\n' > deep.yaml").directory(d.toFile()).redirectErrorStream(true).start();
      assumeTrue(p.waitFor() == 0, "cannot make a path deeper than the system's limit here: case skipped");
      Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 3, name);
      assertTrue(r.err.lines().anyMatch(l -> l.startsWith("podlint: cannot read " + name + "/" + name + "/")
          && l.endsWith(": File name too long")), r.all());
    } finally {
      new ProcessBuilder("rm", "-rf", name).directory(d.toFile()).start().waitFor(); // too deep for Java to delete
    }
  }

  @Test
  void aLinkOutOfTheNamedDirectoryIsNotFollowed() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("link-out"));
    Files.createDirectories(d.resolve("loop"));
    Files.copy(DIR.resolve("tabs.yaml"), d.resolve("loop/tabs.yaml"));
    symlink(d.resolve("loop/self"), Path.of(".."));
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 1, "loop");
    invalidYamlAt(r, "loop/tabs.yaml", 4, 1, "TAB");
    assertEquals(1, r.out.lines().filter(l -> l.contains(CONTROL)).count(), "control.yaml once:\n" + r.all());
    assertEquals(1, r.out.lines().filter(l -> l.contains("tabs.yaml:4:1")).count(), "tabs.yaml once:\n" + r.all());
    assertTrue(r.err.contains("podlint: not following loop/self: it links out of the directories named, to "), r.all());
    assertTrue(r.err.contains("2 files, "), r.all());
  }

  @Test
  void aFileReachedByManyNamesIsLintedOnceUnderTheFirst() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("names"));
    Files.createDirectories(d.resolve("k8s/v2"));
    Files.copy(DIR.resolve("tabs.yaml"), d.resolve("k8s/v2/tabs.yaml"));
    symlink(d.resolve("k8s/current"), Path.of("v2"));
    symlink(d.resolve("k8s/a.yaml"), Path.of("v2/tabs.yaml"));
    for (List<String> args : List.of(List.of("k8s"), List.of("k8s/v2", "k8s"), List.of("k8s", "k8s/current/tabs.yaml"))) {
      Run r = run(d, new ByteArrayInputStream(new byte[0]), args.toArray(String[]::new));
      assertEquals(List.of("k8s/a.yaml:4:1"), r.out.lines().filter(l -> l.contains(":4:1:"))
          .map(l -> l.substring(0, l.indexOf(":4:1") + 4)).toList(), args + ":\n" + r.all());
      assertTrue(r.err.contains("1 file, "), r.all());
    }
  }

  static void symlink(Path link, Path target) throws IOException {
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
  }

  @Test
  void aNameThatIsNotUtf8IsAnInputProblemOfThatFile() throws Exception {
    Path d = Files.createDirectories(tmp.resolve("latin1"));
    // "caf\xe9.yaml": a Latin-1 name, which Java (in a UTF-8 locale) cannot decode
    Process p = new ProcessBuilder("/bin/sh", "-c", "mkdir k8s && cat control.yaml > \"k8s/caf$(printf '\\351').yaml\"")
        .directory(d.toFile()).redirectErrorStream(true).start();
    Files.copy(DIR.resolve("control.yaml"), d.resolve("control.yaml"));
    assumeTrue(p.waitFor() == 0, "this filesystem cannot hold a name that is not UTF-8: case skipped");
    assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "the tests do not run in a UTF-8 locale");
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 3, "k8s");
    assertTrue(r.err.contains("podlint: cannot read k8s/caf%E9.yaml: its name is not valid UTF-8; rename it"), r.all());
  }

  @Test
  void unreadableFile() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("unreadable"));
    Path f = Files.copy(DIR.resolve("tabs.yaml"), d.resolve("secret.yaml"));
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions here");
    }
    if (!unreadable(f)) {
      // root reads files whatever their mode (CAP_DAC_OVERRIDE); a write-only sysfs attribute
      // refuses reads even to root, so a link to one is a file root cannot read
      Files.delete(f);
      Path target = writeOnlySysfsAttribute().orElse(null);
      assumeTrue(target != null, "chmod 000 does not stop this user (root?) and no write-only sysfs attribute was"
          + " found to link to: unreadable-file case skipped");
      Files.createSymbolicLink(f, target);
    }
    try {
      Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 3, "secret.yaml");
      assertTrue(r.err.contains("podlint: cannot read secret.yaml: permission denied"), r.all());
    } finally {
      if (Files.isSymbolicLink(f)) {
        Files.delete(f); // the temporary directory's cleanup warns about links that leave it
      }
    }
  }

  private static boolean unreadable(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return false;
    } catch (java.nio.file.AccessDeniedException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A sysfs file (such as a PCI device's {@code rescan}) that opening for reading refuses with EACCES. */
  private static java.util.Optional<Path> writeOnlySysfsAttribute() throws IOException {
    for (String root : List.of("/sys/devices", "/sys/class", "/sys/bus")) {
      Path r = Path.of(root);
      if (!Files.isDirectory(r)) {
        continue;
      }
      try (java.util.stream.Stream<Path> s = Files.find(r, 4, (p, a) -> a.isRegularFile()
          && List.of("rescan", "remove", "hot_remove", "unbind", "bind", "uevent_trigger").contains(
              String.valueOf(p.getFileName())))) {
        java.util.Optional<Path> found = s.filter(HostileInputTest::unreadable).findFirst();
        if (found.isPresent()) {
          return found;
        }
      } catch (java.io.UncheckedIOException e) {
        // a part of /sys this user cannot list: try the next root
      }
    }
    return java.util.Optional.empty();
  }

  @Test
  void directoryNamedLikeAManifest() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("dirname"));
    Files.createDirectories(d.resolve("x.yaml"));
    Files.copy(DIR.resolve("tabs.yaml"), d.resolve("x.yaml/inner.yaml"));
    Run r = hostile(d, new ByteArrayInputStream(new byte[0]), 1, "x.yaml");
    invalidYamlAt(r, "x.yaml/inner.yaml", 4, 1, "TAB");
    Path e = Files.createDirectories(tmp.resolve("dirname-empty/x.yaml"));
    Run empty = hostile(e.getParent(), new ByteArrayInputStream(new byte[0]), 0, "x.yaml");
    assertEquals(0, findingsOf(empty, "x.yaml"), empty.all());
  }

  @Test
  void missingPath() throws IOException {
    Run r = hostile(3, "does-not-exist.yaml");
    assertTrue(r.err.contains("does-not-exist.yaml") && r.err.contains("no such file"), r.all());
  }

  @Test
  void emptyStandardInput() throws IOException {
    Run r = hostile(DIR, new ByteArrayInputStream(new byte[0]), 0, "-");
    assertEquals(0, findingsOf(r, "<stdin>"), r.all());
  }

  @Test
  void closedStandardInput() throws IOException {
    InputStream closed = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Stream closed");
      }
    };
    Run r = hostile(DIR, closed, 3, "-");
    assertTrue(r.err.contains("<stdin>") && r.err.contains("Stream closed"), r.all());
  }
}
