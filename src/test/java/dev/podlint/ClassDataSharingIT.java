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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive that {@code mvn package} writes next to the jar: the JVM accepts
 * it and maps podlint's classes from it, and {@code bin/podlint} survives a corrupt or stale one
 * silently, with the same output, and puts a working archive in its place.
 */
class ClassDataSharingIT {
  private static final String FILE = "testdata/examples/shop-good.yaml";

  private record Proc(int code, String out, String err) {}

  private static Proc run(Path dir, List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile("podlint-out", ".txt");
    Path err = Files.createTempFile("podlint-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish in 120 s: " + cmd);
      return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A lint of one file whose output does not depend on the archive. */
  private static List<String> lint(String... before) {
    List<String> cmd = new ArrayList<>(List.of(before));
    cmd.addAll(List.of("lint", "--no-config", "-q", "-f", "sarif", FILE));
    return cmd;
  }

  @Test
  void thePackagedArchiveIsAcceptedAndHoldsPodlintsClasses() throws Exception {
    Path archive = TestSupport.ROOT.resolve("target/podlint.jsa");
    assertTrue(Files.isRegularFile(archive), "mvn package did not write target/podlint.jsa");
    // -Xshare:on: a JVM that cannot use the archive refuses to start instead of ignoring it
    Proc p = run(TestSupport.ROOT, lint(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:on",
        "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info", "-jar", "target/podlint.jar"));
    assertEquals(0, p.code(), p.out() + p.err());
    for (String cls : List.of("dev.podlint.cli.Main", "dev.podlint.schema.KubernetesSchemas",
        "dev.podlint.engine.Linter", "org.everit.json.schema.loader.SchemaLoader", "org.snakeyaml.engine.v2.scanner.ScannerImpl")) {
      assertTrue(p.out().contains(" " + cls + " source: shared objects file (top)"), cls + " was not in the archive");
    }
  }

  @Test
  void theLauncherReplacesACorruptOrStaleArchiveSilently(@TempDir Path dir) throws Exception {
    // a checkout of its own: the launcher, the built jar and the examples it trains on
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("target"));
    Files.copy(TestSupport.ROOT.resolve("bin/podlint"), dir.resolve("bin/podlint"));
    Path jar = Files.copy(TestSupport.ROOT.resolve("target/podlint.jar"), dir.resolve("target/podlint.jar"));
    copyTree(TestSupport.TESTDATA.resolve("examples"), dir.resolve("testdata/examples"));
    Proc plain = run(dir, lint(java(), "-jar", jar.toString()));
    assertEquals(0, plain.code(), plain.err());

    Path archive = dir.resolve("target/podlint.jsa");
    Files.write(archive, "not an archive".repeat(1000).getBytes());
    Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
    Proc corrupt = run(dir, lint("bash", "bin/podlint"));
    assertEquals(new Proc(0, plain.out(), ""), corrupt);
    assertUsable(dir, archive);

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 2000));
    Proc stale = run(dir, lint("bash", "bin/podlint"));
    assertEquals(new Proc(0, plain.out(), ""), stale);
    assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
        "the stale archive was not made again");
    assertUsable(dir, archive);
  }

  /** The java on the PATH, which bin/podlint runs, starts with the archive and -Xshare:on. */
  private static void assertUsable(Path dir, Path archive) throws Exception {
    Proc p = run(dir, List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:on",
        "-XX:SharedArchiveFile=" + archive, "-jar", "target/podlint.jar", "--version"));
    assertEquals(0, p.code(), "bin/podlint left an archive java cannot use: " + p.err());
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
