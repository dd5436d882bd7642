package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podlint.LauncherCheckout.Proc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/podlint} starts the heap small (64 MB, so that it grows with what a run keeps, with a
 * young generation of 32 MB, which a one-file lint does not fill), caps only its young generation
 * (64 MB) and leaves its maximum to Java, as plain {@code java} has it: a large input gets the heap
 * it would get without bin/podlint, never a cap of podlint's making.
 */
class LauncherHeapIT {
  private static final Pattern FLAG =
      Pattern.compile("\\s(InitialHeapSize|MaxHeapSize|NewSize|MaxNewSize)\\s+=\\s+(\\d+)");

  @Test
  void theHeapStartsSmallAndIsNotCapped(@TempDir Path dir) throws Exception {
    LauncherCheckout c = LauncherCheckout.copy(dir);
    Path home = Path.of(System.getProperty("java.home"));
    Map<String, Long> launched = heapFlags(c.run(Map.of("JAVA_HOME", home.toString(),
        "PODLINT_JAVA_OPTS", "-XX:+PrintFlagsFinal"), List.of("bash", "bin/podlint", "--version")));
    Map<String, Long> plain = heapFlags(c.run(List.of(LauncherCheckout.java(home), "-XX:+UseSerialGC",
        "-XX:+PrintFlagsFinal", "-version")));
    assertEquals(64L << 20, launched.get("InitialHeapSize"));
    // a one-file lint fits in the young generation: no collection just before it ends
    assertEquals(32L << 20, launched.get("NewSize"));
    assertEquals(64L << 20, launched.get("MaxNewSize"), "the young generation is capped, not the heap");
    assertEquals(plain.get("MaxHeapSize"), launched.get("MaxHeapSize"));
  }

  private static Map<String, Long> heapFlags(Proc p) {
    assertEquals(0, p.code(), p.err());
    Matcher m = FLAG.matcher(p.out());
    Map<String, Long> flags = new java.util.HashMap<>();
    while (m.find()) {
      flags.put(m.group(1), Long.parseLong(m.group(2)));
    }
    assertEquals(4, flags.size(), p.out());
    return flags;
  }
}
