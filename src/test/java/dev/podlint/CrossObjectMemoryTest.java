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
 * The cross-object rules keep what they need of a run in memory that grows with its objects, not
 * with its files times its objects. 3,000 files of one directory, each a Deployment of namespace
 * {@code shop} running as a ServiceAccount that is missing, one that is there, and one ServiceAccount
 * without a namespace: every Deployment gets a "did you mean" among the ServiceAccounts near it
 * (those of {@code shop}, and those of its directory without a namespace). A child JVM with a 64 MB
 * heap lints them; when the ServiceAccounts near each file were a list and a name index of their own
 * (one per file, each as long as the directory's), it ran out of memory, while the run now passes
 * with half of that heap. Nothing here is timed: the bound is on memory, and the wait is only a hang
 * guard.
 */
class CrossObjectMemoryTest {
  static final int FILES = 3_000;

  @TempDir Path dir;

  @Test
  void manyFilesOfOneDirectoryAreJudgedTogetherInASmallHeap() throws IOException, InterruptedException {
    Path in = Files.createDirectory(dir.resolve("in"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(in.resolve(String.format("app-%05d.yaml", i)), """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: app-%1$d, namespace: shop}
          spec:
            selector: {matchLabels: {app: app-%1$d}}
            template:
              metadata: {labels: {app: app-%1$d}}
              spec:
                serviceAccountName: runner-%1$dx
                containers: [{name: app, image: "nginx:1.27.2"}]
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: runner-%1$d, namespace: shop}
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: local-%1$d}
          """.formatted(i));
    }
    SmallHeapLint run = SmallHeapLint.run(dir, in);
    String errors = run.errors();
    assertEquals(0, run.exitCode(), "warnings, and nothing worse:\n" + errors);
    List<String> suggested = run.lines().stream().filter(l -> l.contains("[PL079 ")).toList();
    assertEquals(FILES, suggested.size(), errors);
    for (int i : new int[] {0, FILES / 2, FILES - 1}) {
      String wanted = "'runner-" + i + "x', which the input does not hold in its namespace; did you mean 'runner-" + i
          + "'?";
      assertTrue(suggested.stream().anyMatch(l -> l.contains(wanted)), wanted);
    }
  }
}
