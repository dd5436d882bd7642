package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report or a proposal never replaces a file the run reads, whatever name the output is given
 * (the input's own, a link to it, a directory link leading to it), and two outputs never share a
 * file; each is a usage error before anything is written. Standard output that cannot be written
 * is a usage error too.
 */
class OutputTargetsTest {
  static final Path SHOP = TestSupport.TESTDATA.resolve("rules/unrelated-services-in-pod/bad-two-databases.yaml");

  @TempDir Path dir;
  String original;

  @BeforeEach
  void files() throws IOException {
    original = Files.readString(SHOP);
    Files.writeString(dir.resolve("shop.yaml"), original);
  }

  void refused(Cli.Run r, String message) throws IOException {
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals("", r.out());
    assertEquals(original, Files.readString(dir.resolve("shop.yaml")), "the input is untouched");
  }

  @Test
  void aReportIsNeverWrittenOverAnInput() throws IOException {
    refused(Cli.run(dir, null, "lint", "--no-config", "shop.yaml", "-o", "shop.yaml"),
        "podlint: refusing to write the text report over input shop.yaml");
    refused(Cli.run(dir, null, "lint", "--no-config", "shop.yaml", "-o", "./sub/../shop.yaml"),
        "refusing to write the text report over input shop.yaml (./sub/../shop.yaml names it)");
    HostileInputTest.symlink(dir.resolve("p.yaml"), Path.of("shop.yaml"));
    refused(Cli.run(dir, null, "lint", "--no-config", "shop.yaml", "-f", "sarif", "-o", "p.yaml"),
        "podlint: refusing to write the sarif report over input shop.yaml (p.yaml names it)");
    assertTrue(Files.isSymbolicLink(dir.resolve("p.yaml")));
    Files.delete(dir.resolve("p.yaml")); // else "." holds two names of shop.yaml, and p.yaml, first, is linted
    // an input found in a directory, named through a link to that directory
    HostileInputTest.symlink(dir.resolve("here"), Path.of("."));
    refused(Cli.run(dir, null, "lint", "--no-config", ".", "-f", "json", "-o", "here/shop.yaml"),
        "podlint: refusing to write the json report over input shop.yaml (here/shop.yaml names it)");
  }

  @Test
  void aProposalIsNeverWrittenOverAnInputThroughALink() throws IOException {
    HostileInputTest.symlink(dir.resolve("p.yaml"), Path.of("shop.yaml"));
    refused(Cli.run(dir, null, "advise", "--no-config", "shop.yaml", "-o", "p.yaml"),
        "podlint: refusing to write the proposal over input shop.yaml (p.yaml names it)");
    assertTrue(Files.isSymbolicLink(dir.resolve("p.yaml")), "the link is kept");
    Files.delete(dir.resolve("p.yaml"));
    Files.createDirectories(dir.resolve("out"));
    HostileInputTest.symlink(dir.resolve("out/up"), Path.of(".."));
    refused(Cli.run(dir, null, "advise", "--no-config", ".", "-o", "out/up/shop.yaml"),
        "podlint: refusing to write the proposal over input shop.yaml (out/up/shop.yaml names it)");
    Cli.Run ok = Cli.run(dir, null, "advise", "--no-config", "-q", "shop.yaml", "-o", "out/split.yaml");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(Files.readString(dir.resolve("out/split.yaml")).contains("name: databases-mysql"));
  }

  @Test
  void anEarlierReportInTheLintedDirectoryIsReplacedNotLinted() throws IOException {
    for (String format : new String[] {"json", "sarif"}) {
      String name = "report." + format + ".json";
      Cli.Run first = Cli.run(dir, null, "lint", "--no-config", "--fail-on", "none", ".", "-f", format, "-o", name);
      assertEquals(0, first.code(), first.err());
      String report = Files.readString(dir.resolve(name));
      // run again: the walk finds the earlier report, which this run replaces instead of refusing
      Cli.Run again = Cli.run(dir, null, "lint", "--no-config", "--fail-on", "none", ".", "-f", format, "-o", name);
      assertEquals(0, again.code(), again.err());
      assertTrue(again.err().contains("podlint: not linting " + name + ": it is an earlier podlint report, which this"
          + " run replaces"), again.err());
      assertEquals(report, Files.readString(dir.resolve(name)), "the same report, not one of itself");
      // named on the command line, it is an input as any other, and is not written over
      Cli.Run named = Cli.run(dir, null, "lint", "--no-config", name, "-f", format, "-o", name);
      assertEquals(2, named.code(), named.err());
      assertTrue(named.err().contains("refusing to write the " + format + " report over input " + name), named.err());
      Files.delete(dir.resolve(name));
    }
    // a JSON file of the user's in the walked directory is protected as before
    Files.writeString(dir.resolve("mine.json"), "{\"schemaVersion\": 1, \"tool\": {\"name\": \"other\"}}\n");
    refused(Cli.run(dir, null, "lint", "--no-config", ".", "-f", "json", "-o", "mine.json"),
        "podlint: refusing to write the json report over input mine.json");
    assertEquals("{\"schemaVersion\": 1, \"tool\": {\"name\": \"other\"}}\n", Files.readString(dir.resolve("mine.json")));
  }

  @Test
  void twoReportsNeverShareAFileThatIsStillToBeMade() throws IOException {
    // two dangling links to one file: it does not exist yet, so only the paths they lead to tell
    Files.createDirectories(dir.resolve("reports"));
    HostileInputTest.symlink(dir.resolve("a.json"), Path.of("reports/new.json"));
    HostileInputTest.symlink(dir.resolve("b.sarif"), Path.of("reports/../reports/new.json"));
    refused(Cli.run(dir, null, "lint", "--no-config", "shop.yaml", "-f", "json", "-o", "a.json", "-f", "sarif", "-o",
        "b.sarif"), "podlint: the json report and the sarif report would both be written to b.sarif");
    assertTrue(Files.notExists(dir.resolve("reports/new.json")));
  }

  @Test
  void standardOutputThatCannotBeWrittenIsAUsageError() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {
      }
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"lint", "--no-config", "shop.yaml"}, new PrintWriter(broken), new PrintWriter(err),
        new Main.Env(dir, new ByteArrayInputStream(new byte[0]), Map.of(), false));
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("podlint: cannot write to standard output: "), err.toString());
  }
}
