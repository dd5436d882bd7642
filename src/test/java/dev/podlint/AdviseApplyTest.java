package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.cli.CliAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podlint advise --diff} and {@code --apply}: the same change as the printed proposal, and nothing else. */
class AdviseApplyTest {
  static final Path FIXTURES = TestSupport.TESTDATA.resolve("rules/unrelated-services-in-pod");

  /** The printed proposal without its "# podlint advise: FILE" line. */
  private static String proposal(Path dir, String file) {
    Cli.Run run = Cli.run(dir, null, "advise", "-q", file);
    assertEquals(0, run.code(), run.err());
    String out = run.out();
    return out.substring(out.indexOf('\n') + 1);
  }

  @Test
  void applyWritesWhatAdvisePrints(@TempDir Path dir) throws IOException {
    Files.copy(TestSupport.TESTDATA.resolve("advise/multi.yaml"), dir.resolve("multi.yaml"));
    String expected = proposal(dir, "multi.yaml");
    Cli.Run run = Cli.run(dir, null, "advise", "--apply", "multi.yaml");
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("split 1 pod(s) in 1 file(s), rewritten in place"), run.err());
    assertEquals(expected, Files.readString(dir.resolve("multi.yaml")));
    Cli.Run again = Cli.run(dir, null, "advise", "--apply", "multi.yaml");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("no pod holds independent services"), "the split is not flagged again: " + again.err());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("multi.yaml"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file stays");
    }
  }

  /**
   * Only the flagged document and the Service pointed elsewhere change: every byte before, between
   * and after them stays, with a byte order mark, CRLF line ends, comments and other documents.
   */
  @Test
  void applyKeepsEveryOtherByte(@TempDir Path dir) throws IOException {
    String head = "# leading comment\r\napiVersion: v1\r\nkind: ConfigMap  # stays\r\nmetadata:\r\n  name: first\r\n"
        + "data: {a: \"1\"}\r\n---\r\n# before the pod\r\n";
    String pod = Files.readString(FIXTURES.resolve("bad-document-ends-in-flow-collections.yaml"))
        .replace("\n", "\r\n");
    String podDoc = pod.substring(pod.indexOf("apiVersion"), pod.indexOf("---"));
    String tail = "---\r\n# a third document, untouched\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: last}\r\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = (head + podDoc + tail).getBytes(StandardCharsets.UTF_8);
    byte[] original = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, original, 0, bom.length);
    System.arraycopy(text, 0, original, bom.length, text.length);
    Path file = dir.resolve("mixed.yaml");
    Files.write(file, original);
    Cli.Run run = Cli.run(dir, null, "advise", "--apply", "-q", "mixed.yaml");
    assertEquals(0, run.code(), run.err());
    byte[] written = Files.readAllBytes(file);
    String after = new String(written, StandardCharsets.UTF_8);
    assertTrue(after.startsWith("\uFEFF" + head), "the byte order mark and everything before the pod stay");
    assertTrue(after.endsWith(tail), "everything after the pod stays");
    String replaced = after.substring(1 + head.length(), after.length() - tail.length());
    assertFalse(replaced.replace("\r\n", "").contains("\n"), "the new text takes the file's CRLF");
    assertFalse(replaced.contains("]}"), "no bracket of the original is left behind");
    assertTrue(replaced.contains("kind: StatefulSet\r\n"), replaced);
    assertEquals(List.of(), ProposalValidityTest.problems(new String(text, StandardCharsets.UTF_8), after.substring(1)));
  }

  /** A byte order mark that starts a line in the middle (files joined with cat) stays too. */
  @Test
  void applyKeepsByteOrderMarksOfJoinedFiles(@TempDir Path dir) throws IOException {
    String first = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n";
    String second = "\uFEFF" + Files.readString(FIXTURES.resolve("bad-two-databases.yaml"));
    Files.writeString(dir.resolve("joined.yaml"), first + second);
    Cli.Run run = Cli.run(dir, null, "advise", "--apply", "-q", "joined.yaml");
    assertEquals(0, run.code(), run.err());
    String after = Files.readString(dir.resolve("joined.yaml"));
    assertTrue(after.startsWith(first + "\uFEFF# Two databases in one pod"), after);
    assertTrue(after.contains("name: databases-mysql"), after);
  }

  @Test
  void applyTouchesOnlyFilesWithAProposal(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("bad-two-databases.yaml"), dir.resolve("split.yaml"));
    Path calm = dir.resolve("calm.yaml");
    Files.copy(FIXTURES.resolve("good-app-log-shipper-shared-volume.yaml"), calm);
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(calm, before);
    Cli.Run run = Cli.run(dir, null, "advise", "--apply", ".");
    assertEquals(0, run.code(), run.err());
    assertEquals(before, Files.getLastModifiedTime(calm), "a file without a proposal is not written");
    assertEquals(Files.readString(FIXTURES.resolve("good-app-log-shipper-shared-volume.yaml")), Files.readString(calm));
    assertTrue(Files.readString(dir.resolve("split.yaml")).contains("name: databases-mysql"));
  }

  @Test
  void applyWritesThroughALinkAndKeepsPermissions(@TempDir Path dir) throws IOException {
    Path real = dir.resolve("real.yaml");
    Files.copy(FIXTURES.resolve("bad-two-databases.yaml"), real);
    boolean posix = Files.getFileStore(real).supportsFileAttributeView("posix");
    if (posix) {
      Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    }
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real.getFileName());
    Cli.Run run = Cli.run(dir, null, "advise", "--apply", "-q", "link.yaml");
    assertEquals(0, run.code(), run.err());
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertTrue(Files.readString(real).contains("name: databases-mysql"));
    if (posix) {
      assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }
  }

  @Test
  void applyRefusesStandardInputAndOtherOutputs(@TempDir Path dir) throws IOException {
    String text = Files.readString(FIXTURES.resolve("bad-two-databases.yaml"));
    Cli.Run stdin = Cli.run(dir, text, "advise", "--apply", "-");
    assertEquals(2, stdin.code());
    assertEquals("", stdin.out());
    assertTrue(stdin.err().contains("standard input is no file"), stdin.err());
    Files.writeString(dir.resolve("pod.yaml"), text);
    Cli.Run withDiff = Cli.run(dir, null, "advise", "--apply", "--diff", "pod.yaml");
    assertEquals(2, withDiff.code());
    Cli.Run withOutput = Cli.run(dir, null, "advise", "--apply", "-o", "x.yaml", "pod.yaml");
    assertEquals(2, withOutput.code());
    assertEquals(text, Files.readString(dir.resolve("pod.yaml")), "nothing was written");
    assertFalse(Files.exists(dir.resolve("x.yaml")));
  }

  /** A file that changed after podlint read it is left as it is now, with a message and exit code 3. */
  @Test
  void aFileThatChangedMeanwhileIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pod.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: edited-meanwhile}\n");
    byte[] now = Files.readAllBytes(file);
    byte[] whatPodlintRead = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: as-read}\n"
        .getBytes(StandardCharsets.UTF_8);
    var err = new java.io.StringWriter();
    int code = CliAccess.rewrite(file, whatPodlintRead, "proposal\n".getBytes(StandardCharsets.UTF_8),
        new java.io.PrintWriter(err, true));
    assertEquals(3, code);
    assertTrue(err.toString().contains("pod.yaml changed while podlint worked on it, so it was not rewritten"),
        err.toString());
    assertArrayEquals(now, Files.readAllBytes(file));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file stays");
    }
    int same = CliAccess.rewrite(file, now, "proposal\n".getBytes(StandardCharsets.UTF_8),
        new java.io.PrintWriter(err, true));
    assertEquals(0, same);
    assertEquals("proposal\n", Files.readString(file));
  }

  @Test
  void diffPrintsWhatApplyDoes(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("bad-existing-service-after-the-pod.yaml"), dir.resolve("shop.yaml"));
    String before = Files.readString(dir.resolve("shop.yaml"));
    Cli.Run diff = Cli.run(dir, null, "advise", "--diff", "-q", "shop.yaml");
    assertEquals(0, diff.code(), diff.err());
    assertTrue(diff.out().startsWith("--- a/shop.yaml\n+++ b/shop.yaml\n@@ -"), diff.out());
    assertEquals(before, Files.readString(dir.resolve("shop.yaml")), "--diff changes nothing");
    assertEquals(proposal(dir, "shop.yaml"), CliAccess.patch(before, diff.out()));
    assertTrue(diff.out().contains("+  # podlint advise: was tier=backend; 'cache' runs in StatefulSet shop-cache now\n"
        + "   selector:\n     tier: backend\n+    app: shop-cache\n"), "the Service is pointed at the cache:\n" + diff.out());
  }

  @Test
  void diffOfSeveralFilesAndOfNone(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("bad-two-databases.yaml"), dir.resolve("a.yaml"));
    Files.copy(FIXTURES.resolve("bad-lamp-subpaths.yaml"), dir.resolve("b.yaml"));
    Files.copy(FIXTURES.resolve("good-app-mesh-proxy.yaml"), dir.resolve("c.yaml"));
    Cli.Run run = Cli.run(dir, null, "advise", "--diff", "a.yaml", "b.yaml", "c.yaml");
    assertEquals(0, run.code(), run.err());
    assertEquals(List.of("--- a/a.yaml", "--- a/b.yaml"), run.out().lines().filter(l -> l.startsWith("--- a/")).toList());
    assertTrue(run.err().contains("proposed splitting 2 pod(s) in 2 file(s)"), run.err());
    assertEquals("", Cli.run(dir, null, "advise", "--diff", "-q", "c.yaml").out());
  }

  /** Unchanged when run twice over: the bytes of the earlier run are the later run's input. */
  @Test
  void aSplitFileStaysAsItIs(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("bad-list-from-kubectl.yaml"), dir.resolve("list.yaml"));
    assertEquals(0, Cli.run(dir, null, "advise", "--apply", "-q", "list.yaml").code());
    byte[] once = Files.readAllBytes(dir.resolve("list.yaml"));
    assertEquals(0, Cli.run(dir, null, "advise", "--apply", "-q", "list.yaml").code());
    assertTrue(Arrays.equals(once, Files.readAllBytes(dir.resolve("list.yaml"))));
  }

  /** The --diff example of docs/pod-design.md is what podlint prints. */
  @Test
  void theDocsDiffIsCurrent() throws IOException {
    String page = Files.readString(TestSupport.ROOT.resolve("docs/pod-design.md"));
    String command = "bin/podlint advise --diff -q testdata/advise/svc.yaml";
    int at = page.indexOf(command);
    assertTrue(at >= 0, "docs/pod-design.md shows " + command);
    int start = page.indexOf("```diff\n", at) + "```diff\n".length();
    String shown = page.substring(start, page.indexOf("```\n", start));
    assertEquals(Cli.run("advise", "--diff", "-q", "testdata/advise/svc.yaml").out(), shown);
  }
}
