package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.LauncherCheckout.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/podlint} runs the java of JAVA_HOME when it is set, and says so when there is none. */
class LauncherJavaHomeIT {
  @Test
  void theJavaOfJavaHomeRunsTheLint(@TempDir Path dir) throws Exception {
    LauncherCheckout c = LauncherCheckout.copy(dir.resolve("checkout"));
    Proc plain = c.plain(Path.of(System.getProperty("java.home")));
    // a Java home whose java notes each start, then runs the java of these tests
    Path home = dir.resolve("jdk");
    Path log = dir.resolve("started");
    Files.createDirectories(home.resolve("bin"));
    Path java = home.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho started >> '" + log + "'\nexec '" + LauncherCheckout.java() + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertEquals(new Proc(0, plain.out(), ""), c.launch(home));
    assertTrue(Files.readAllLines(log).size() >= 1, "the java of JAVA_HOME did not run");
    String verdict = Files.readString(c.dir.resolve("target/podlint.aot.java"));
    assertTrue(verdict.endsWith(" " + java + "\n"), verdict);
  }

  @Test
  void aJavaHomeWithoutJavaIsAClearError(@TempDir Path dir) throws Exception {
    LauncherCheckout c = LauncherCheckout.copy(dir.resolve("checkout"));
    Proc p = c.launch(dir.resolve("no-jdk"));
    assertEquals(2, p.code());
    assertEquals("", p.out());
    assertEquals("podlint: JAVA_HOME is " + dir.resolve("no-jdk") + ", which has no bin/java; set it to a Java 17 or newer,"
        + " or unset it\n", p.err());
  }
}
