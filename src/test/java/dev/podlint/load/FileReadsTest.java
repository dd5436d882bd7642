package dev.podlint.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads with a limit, of regular files only, checked before a file is opened. */
class FileReadsTest {
  @TempDir Path dir;

  @Test
  void aFileIsReadWholeUpToItsLimitAndRefusedPastIt() throws IOException {
    Path f = Files.writeString(dir.resolve("a.yaml"), "kind: Pod\n");
    assertArrayEquals("kind: Pod\n".getBytes(StandardCharsets.UTF_8), FileReads.read(f, 10));
    FileReads.Refused e = assertThrows(FileReads.Refused.class, () -> FileReads.read(f, 9));
    assertEquals("it is 10 bytes, more than the 9 bytes podlint reads from one file", e.getMessage());
    Path empty = Files.createFile(dir.resolve("empty.yaml"));
    assertArrayEquals(new byte[0], FileReads.read(empty, 0));
  }

  @Test
  void aStreamIsReadOneBytePastItsLimitAtMost() throws IOException {
    byte[] data = new byte[100_000];
    assertArrayEquals(data, FileReads.read(new ByteArrayInputStream(data), 100_000));
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    FileReads.Refused e = assertThrows(FileReads.Refused.class, () -> FileReads.read(in, 50_000));
    assertEquals("it holds more than the 50,000 bytes podlint reads from one input", e.getMessage());
    assertEquals(100_000 - 50_001, in.available(), "read no further than one byte past the limit");
  }

  @Test
  void onlyRegularFilesAreOpened() throws Exception {
    assertEquals("it is a directory", assertThrows(FileReads.Refused.class, () -> FileReads.read(dir, 100))
        .getMessage());
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      assertEquals("not a regular file (a pipe, a device or a socket)",
          assertThrows(FileReads.Refused.class, () -> FileReads.read(zero, 100)).getMessage());
    }
    Path fifo = dir.resolve("fifo.yaml");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here: the FIFO case is skipped");
      return;
    }
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed: the FIFO case is skipped");
    // opening a FIFO blocks until a writer comes: a one-minute guard against that hang
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertEquals(
        "not a regular file (a pipe, a device or a socket)",
        assertThrows(FileReads.Refused.class, () -> FileReads.read(fifo, 100)).getMessage()));
  }

  @Test
  void sizesAreShownInTheirUnit() {
    assertEquals("64 MiB", FileReads.size(FileReads.MANIFEST_LIMIT));
    assertEquals("1 MiB", FileReads.size(FileReads.CONFIG_LIMIT));
    assertEquals("256 MiB", FileReads.size(FileReads.BASELINE_LIMIT));
    assertEquals("1.5 MiB", FileReads.size(3 << 19));
    assertEquals("2.0 GiB", FileReads.size(2L << 30));
    assertEquals("1,500 bytes", FileReads.size(1500));
  }
}
