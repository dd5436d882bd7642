package dev.podlint;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs podlint's {@code Main} in a child JVM on the test class path, for what an in-process run
 * cannot show or must not risk: the process's own standard streams ({@code /dev/full}, a closed
 * descriptor), its locale, a small heap, and reads that would block or fill the heap were they
 * not refused ({@code /dev/zero}, a FIFO). A child that has not ended after {@link #HANG_GUARD_SECONDS}
 * is killed and the test fails: a guard against a hang, never a speed bound.
 */
final class ChildJvm {
  static final long HANG_GUARD_SECONDS = 120;

  record Result(int code, String out, String err) {
    String all() {
      return out + "\n" + err;
    }
  }

  private final Path dir;
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
  private final Map<String, String> env = new HashMap<>();
  private File stdin = new File("/dev/null");
  private File stdout;
  private boolean closeStdout;

  ChildJvm(Path dir) {
    this.dir = dir;
  }

  ChildJvm heap(String xmx) {
    jvmOptions.set(0, "-Xmx" + xmx);
    return this;
  }

  ChildJvm env(String name, String value) {
    env.put(name, value);
    return this;
  }

  ChildJvm stdin(File f) {
    stdin = f;
    return this;
  }

  /** Standard output into {@code f} (such as /dev/full) instead of a file the test reads. */
  ChildJvm stdout(File f) {
    stdout = f;
    return this;
  }

  /** Standard output closed (the shell's {@code >&-}). */
  ChildJvm closedStdout() {
    closeStdout = true;
    return this;
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (closeStdout) {
      assumeTrue(new File("/bin/bash").canExecute(), "no /bin/bash to close standard output with");
      cmd.addAll(List.of("/bin/bash", "-c", "exec \"$@\" >&-", "bash"));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.podlint.cli.Main"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("podlint-child-out", ".txt");
    Path err = Files.createTempFile("podlint-child-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(stdin)
          .redirectOutput(stdout != null ? stdout : out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        fail("podlint " + String.join(" ", args) + " did not end within " + HANG_GUARD_SECONDS + " s (a hang):\n"
            + Files.readString(err));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Makes a FIFO with mkfifo, or skips the test (saying so) where there is none. */
  static Path fifo(Path path) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here to make a FIFO with: " + e.getMessage());
      return path;
    }
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed: FIFO case skipped");
    return path;
  }
}
