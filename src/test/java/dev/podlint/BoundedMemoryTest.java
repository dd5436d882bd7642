package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file of many documents is linted in bounded memory: its documents are read, linted and
 * reported a few at a time, so neither their trees nor their findings pile up. A file of 10,000
 * ConfigMaps with 41 entries each (4.5 MB, a finding in every document) is linted by a child JVM
 * with a 64 MB heap; held whole, its trees and findings needed more than that (it ran out of
 * memory). Nothing here is timed: the bound is on memory, and the wait is only a hang guard.
 */
class BoundedMemoryTest {
  static final int DOCUMENTS = 10_000;

  @TempDir Path dir;

  @Test
  void aFileOfManyDocumentsIsLintedInASmallHeap() throws IOException, InterruptedException {
    StringBuilder s = new StringBuilder();
    StringBuilder data = new StringBuilder();
    for (int j = 0; j < 40; j++) {
      data.append(", k").append(j).append(": v").append(j);
    }
    for (int i = 0; i < DOCUMENTS; i++) {
      s.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\ndata: {port: ")
          .append(i).append(data).append("}\n");
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, s);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "lint", "--no-config", "-q", "-f", "text", file.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // a guard against a hang only: the bound this test checks is the heap
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("no end after ten minutes");
    }
    String errors = Files.readString(err);
    assertFalse(errors.contains("OutOfMemoryError"), errors);
    assertFalse(errors.contains("out of memory"), errors); // an internal error of the file, exit code 4
    assertEquals(1, p.exitValue(), "findings, and nothing worse:\n" + errors);
    List<String> lines = Files.readAllLines(out);
    assertEquals(DOCUMENTS, lines.size(), errors);
    // the integer of every document is reported, the last one's too
    assertTrue(lines.get(lines.size() - 1).startsWith(file + ":" + (5 * DOCUMENTS) + ":"), lines.get(lines.size() - 1));
  }
}
