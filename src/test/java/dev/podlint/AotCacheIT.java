package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.LauncherCheckout.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache (JDK 24 and newer) that {@code bin/podlint} makes by a training run and uses instead
 * of the class-data-sharing archive when its java has them: the output is the same as without, the
 * cache holds podlint's classes, and a corrupt or stale cache is replaced silently, as
 * {@link ClassDataSharingIT} shows for the archive. Runs only when such a JDK is named by
 * {@code -Dpodlint.aotJavaHome=DIR} or {@code PODLINT_AOT_JAVA_HOME}, or runs the tests.
 */
class AotCacheIT {
  /** The Java home of a JDK with AOT caches, if one is at hand. */
  static Optional<Path> aotJavaHome() {
    String named = System.getProperty("podlint.aotJavaHome", System.getenv("PODLINT_AOT_JAVA_HOME"));
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named)).filter(h -> Files.isExecutable(h.resolve("bin/java")));
    }
    return Runtime.version().feature() >= 24 ? Optional.of(Path.of(System.getProperty("java.home"))) : Optional.empty();
  }

  private static Path home() {
    Optional<Path> home = aotJavaHome();
    assumeTrue(home.isPresent(), "no JDK 24 or newer named by -Dpodlint.aotJavaHome or PODLINT_AOT_JAVA_HOME");
    return home.get();
  }

  @Test
  void theLauncherMakesAndUsesACacheHoldingPodlintsClasses(@TempDir Path dir) throws Exception {
    Path home = home();
    LauncherCheckout c = LauncherCheckout.copy(dir);
    Proc plain = c.plain(home);

    assertEquals(new Proc(0, plain.out(), ""), c.launch(home));
    Path cache = dir.resolve("target/podlint.aot");
    assertUsable(c, home, cache);
    assertTrue(Files.notExists(dir.resolve("target/podlint.jsa")), "the archive was made as well");
    // -XX:AOTMode=on: a JVM that cannot use the cache refuses to start instead of ignoring it
    Proc p = c.run(LauncherCheckout.lint(LauncherCheckout.java(home), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:-UsePerfData", "-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-Xlog:class+load=info", "-jar", "target/podlint.jar"));
    assertEquals(0, p.code(), p.out() + p.err());
    for (String cls : List.of("dev.podlint.cli.Main", "dev.podlint.schema.KubernetesSchemas",
        "dev.podlint.engine.Linter", "org.everit.json.schema.loader.SchemaLoader", "org.snakeyaml.engine.v2.scanner.ScannerImpl",
        // picocli is compiled from source with podlint: its own jar's Java 5 classes were never archived
        "picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec")) {
      assertTrue(p.out().contains(" " + cls + " source: shared objects file"), cls + " was not in the cache");
    }
    // a second run uses the cache as it is
    long made = Files.getLastModifiedTime(cache).toMillis();
    assertEquals(new Proc(0, plain.out(), ""), c.launch(home));
    assertEquals(made, Files.getLastModifiedTime(cache).toMillis(), "the cache was made again");

    // a java without AOT caches in between (the tests' own, when it is older than 24): each java
    // keeps its verdict, and switching back neither checks nor makes the cache again
    Path other = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() < 24) {
      assertEquals(0, c.launch(other).code());
      assertEquals(new Proc(0, plain.out(), ""), c.launch(home));
      assertEquals(made, Files.getLastModifiedTime(cache).toMillis(), "the cache was made again");
      List<String> verdicts = Files.readAllLines(cache.resolveSibling("podlint.aot.java"));
      assertEquals(2, verdicts.size(), verdicts.toString());
      assertTrue(verdicts.stream().anyMatch(v -> v.startsWith("unusable ")), verdicts.toString());
    }
  }

  @Test
  void theLauncherReplacesACorruptOrStaleCacheSilently(@TempDir Path dir) throws Exception {
    Path home = home();
    LauncherCheckout.copy(dir).assertReplacesCorruptAndStale(home, dir.resolve("target/podlint.aot"), AotCacheIT::assertUsable);
  }

  /** The java bin/podlint ran starts with the cache and -XX:AOTMode=on, and the verdict says so. */
  private static void assertUsable(LauncherCheckout c, Path home, Path cache) throws Exception {
    Proc p = c.run(List.of(LauncherCheckout.java(home), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-jar", "target/podlint.jar", "--version"));
    assertEquals(0, p.code(), "bin/podlint left a cache java cannot use: " + p.err());
    String verdict = Files.readString(cache.resolveSibling("podlint.aot.java"));
    assertTrue(verdict.startsWith("usable "), verdict);
  }
}
