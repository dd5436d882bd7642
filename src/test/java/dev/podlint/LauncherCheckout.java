package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A checkout of its own for {@code bin/podlint}: the launcher, the built jar and the examples its
 * training runs lint, in a temporary directory, so that a test can break, age and replace the
 * class-data-sharing archive or AOT cache there. Runs processes in it with the environment given.
 */
final class LauncherCheckout {
  /** What a process did: exit code, standard output, standard error. */
  record Proc(int code, String out, String err) {}

  /** A file whose SARIF does not depend on the archive, the cache or the java. */
  static final String FILE = "testdata/examples/shop-good.yaml";

  final Path dir;
  final Path jar;

  private LauncherCheckout(Path dir, Path jar) {
    this.dir = dir;
    this.jar = jar;
  }

  /** This checkout itself, to run its built jar in (never to change). */
  static LauncherCheckout here() {
    return new LauncherCheckout(TestSupport.ROOT, TestSupport.ROOT.resolve("target/podlint.jar"));
  }

  /** Copies bin/podlint, target/podlint.jar and testdata/examples of this checkout into {@code dir}. */
  static LauncherCheckout copy(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("target"));
    Files.copy(TestSupport.ROOT.resolve("bin/podlint"), dir.resolve("bin/podlint"));
    Path jar = Files.copy(TestSupport.ROOT.resolve("target/podlint.jar"), dir.resolve("target/podlint.jar"));
    copyTree(TestSupport.TESTDATA.resolve("examples"), dir.resolve("testdata/examples"));
    return new LauncherCheckout(dir, jar);
  }

  /** The java of a Java home. */
  static String java(Path home) {
    return home.resolve("bin").resolve("java").toString();
  }

  /** The java running the tests. */
  static String java() {
    return java(Path.of(System.getProperty("java.home")));
  }

  /** A lint of {@link #FILE} in SARIF, after the command and options given. */
  static List<String> lint(String... before) {
    List<String> cmd = new ArrayList<>(List.of(before));
    cmd.addAll(List.of("lint", "--no-config", "-q", "-f", "sarif", FILE));
    return cmd;
  }

  /** bin/podlint's lint of {@link #FILE} with JAVA_HOME set to {@code javaHome}. */
  Proc launch(Path javaHome) throws IOException, InterruptedException {
    return run(Map.of("JAVA_HOME", javaHome.toString()), lint("bash", "bin/podlint"));
  }

  /** The lint of {@link #FILE} by plain {@code java -jar} of {@code javaHome}: what bin/podlint must print too. */
  Proc plain(Path javaHome) throws IOException, InterruptedException {
    Proc p = run(lint(java(javaHome), "-jar", jar.toString()));
    assertEquals(0, p.code(), p.err());
    return p;
  }

  Proc run(List<String> cmd) throws IOException, InterruptedException {
    return run(Map.of(), cmd);
  }

  /** Runs {@code cmd} in the checkout, with {@code env} added to this process's environment. */
  Proc run(Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile("podlint-out", ".txt");
    Path err = Files.createTempFile("podlint-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "did not finish in 180 s: " + cmd);
      return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** A check that the java of a Java home can use an archive or cache. */
  interface UsableCheck {
    void check(LauncherCheckout c, Path home, Path file) throws Exception;
  }

  /**
   * bin/podlint, run with the java of {@code home}, replaces a corrupt {@code file} (its archive or
   * cache) and then a stale one (older than the jar) silently, printing what plain {@code java -jar}
   * prints, and each time leaves one that {@code usable} accepts.
   */
  void assertReplacesCorruptAndStale(Path home, Path file, UsableCheck usable) throws Exception {
    Proc plain = plain(home);
    Files.write(file, "not an archive".repeat(1000).getBytes());
    newer(file, jar);
    assertEquals(new Proc(0, plain.out(), ""), launch(home));
    usable.check(this, home, file);

    // a new build: the jar newer than the file and its verdict, all in the past (what is made now
    // must come out newer than the jar)
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(file, FileTime.fromMillis(now - 10_000));
    Files.setLastModifiedTime(file.resolveSibling(file.getFileName() + ".java"), FileTime.fromMillis(now - 10_000));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 5_000));
    assertEquals(new Proc(0, plain.out(), ""), launch(home));
    assertTrue(Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0,
        "the stale " + file.getFileName() + " was not made again");
    usable.check(this, home, file);
  }

  /** Makes {@code file} look newer than {@code than}, as a later build or write would. */
  static void newer(Path file, Path than) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(than).toMillis() + 2000));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
