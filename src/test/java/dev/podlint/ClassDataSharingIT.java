package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.LauncherCheckout.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive that {@code mvn package} writes next to the jar: the JVM accepts
 * it and maps podlint's classes from it, and {@code bin/podlint} survives a corrupt or stale one
 * silently, with the same output, and puts a working archive in its place. (A java with AOT caches
 * gets one of those instead: {@link AotCacheIT}.)
 */
class ClassDataSharingIT {
  @Test
  void thePackagedArchiveIsAcceptedAndHoldsPodlintsClasses() throws Exception {
    Path archive = TestSupport.ROOT.resolve("target/podlint.jsa");
    assertTrue(Files.isRegularFile(archive), "mvn package did not write target/podlint.jsa");
    // -Xshare:on: a JVM that cannot use the archive refuses to start instead of ignoring it
    Proc p = LauncherCheckout.here().run(LauncherCheckout.lint(LauncherCheckout.java(), "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info", "-jar",
        "target/podlint.jar"));
    assertEquals(0, p.code(), p.out() + p.err());
    for (String cls : List.of("dev.podlint.cli.Main", "dev.podlint.schema.KubernetesSchemas",
        "dev.podlint.engine.Linter", "org.everit.json.schema.loader.SchemaLoader", "org.snakeyaml.engine.v2.scanner.ScannerImpl",
        // picocli is compiled from source with podlint: its own jar's Java 5 classes were never archived
        "picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec")) {
      assertTrue(p.out().contains(" " + cls + " source: shared objects file (top)"), cls + " was not in the archive");
    }
  }

  @Test
  void theLauncherReplacesACorruptOrStaleArchiveSilently(@TempDir Path dir) throws Exception {
    assumeTrue(Runtime.version().feature() < 24, "this java has AOT caches, which bin/podlint prefers (AotCacheIT)");
    Path home = Path.of(System.getProperty("java.home"));
    LauncherCheckout c = LauncherCheckout.copy(dir);
    c.assertReplacesCorruptAndStale(home, dir.resolve("target/podlint.jsa"), ClassDataSharingIT::assertUsable);
    // this java has no AOT caches: that was found out once, and none was left behind
    assertTrue(Files.readString(dir.resolve("target/podlint.aot.java")).startsWith("unusable "));
    assertFalse(Files.exists(dir.resolve("target/podlint.aot")));
  }

  /** The java bin/podlint ran starts with the archive and -Xshare:on. */
  private static void assertUsable(LauncherCheckout c, Path home, Path archive) throws Exception {
    Proc p = c.run(List.of(LauncherCheckout.java(home), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:on",
        "-XX:SharedArchiveFile=" + archive, "-jar", "target/podlint.jar", "--version"));
    assertEquals(0, p.code(), "bin/podlint left an archive java cannot use: " + p.err());
    assertTrue(Files.readString(archive.resolveSibling("podlint.jsa.java")).startsWith("usable "));
  }
}
