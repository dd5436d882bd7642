package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    SmallHeapLint run = SmallHeapLint.run(dir, file);
    String errors = run.errors();
    assertEquals(1, run.exitCode(), "findings, and nothing worse:\n" + errors);
    List<String> lines = run.lines();
    assertEquals(DOCUMENTS, lines.size(), errors);
    // the integer of every document is reported, the last one's too
    assertTrue(lines.get(lines.size() - 1).startsWith(file + ":" + (5 * DOCUMENTS) + ":"), lines.get(lines.size() - 1));
  }
}
