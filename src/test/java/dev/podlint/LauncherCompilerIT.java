package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.LauncherCheckout.Proc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/podlint} runs C1 alone with one compiler thread (BENCHMARKS.md has why), and leaves the
 * compilers to {@code PODLINT_JAVA_OPTS} when it chooses them: C2 needs two compiler threads, and
 * a JVM given one refuses to start.
 */
class LauncherCompilerIT {
  private static final Pattern COUNT = Pattern.compile("\\sCICompilerCount\\s+=\\s+(\\d+)");

  @Test
  void oneCompilerThreadUnlessTheOptionsChooseTheCompilers(@TempDir Path dir) throws Exception {
    LauncherCheckout c = LauncherCheckout.copy(dir);
    Map<String, String> home = Map.of("JAVA_HOME", System.getProperty("java.home"));
    assertEquals(1, compilerThreads(c, home, "-XX:+PrintFlagsFinal"));
    for (String c2 : List.of("-XX:TieredStopAtLevel=4", "-XX:+TieredCompilation -XX:TieredStopAtLevel=4")) {
      int threads = compilerThreads(c, home, "-XX:+PrintFlagsFinal " + c2);
      assertTrue(threads >= 2, c2 + ": " + threads + " compiler threads");
    }
  }

  /** The compiler threads of bin/podlint's JVM with {@code opts} as PODLINT_JAVA_OPTS; the run must succeed. */
  private static int compilerThreads(LauncherCheckout c, Map<String, String> home, String opts) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(home);
    env.put("PODLINT_JAVA_OPTS", opts);
    Proc p = c.run(env, List.of("bash", "bin/podlint", "--version"));
    assertEquals(0, p.code(), opts + ": " + p.err());
    Matcher m = COUNT.matcher(p.out());
    assertTrue(m.find(), p.out());
    return Integer.parseInt(m.group(1));
  }
}
