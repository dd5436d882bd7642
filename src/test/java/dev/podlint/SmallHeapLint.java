package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.podlint.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code podlint lint --no-config -q -f text} in a child JVM with a 64 MB heap and the serial
 * collector, for the tests that hold a run to bounded memory. Nothing is timed: the wait is only a
 * guard against a hang.
 */
record SmallHeapLint(int exitCode, List<String> lines, String errors) {
  /** Lints {@code input}, keeping standard output and error in {@code dir}; fails on running out of memory. */
  static SmallHeapLint run(Path dir, Path input) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "lint", "--no-config", "-q", "-f", "text", input.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("no end after ten minutes");
    }
    String errors = Files.readString(err);
    assertFalse(errors.contains("OutOfMemoryError"), errors);
    assertFalse(errors.contains("out of memory"), errors); // an internal error of a file, exit code 4
    return new SmallHeapLint(p.exitValue(), Files.readAllLines(out), errors);
  }
}
