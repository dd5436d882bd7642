package dev.podlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The heap watch tightens the free ratios of a serial-collector JVM once its heap is large, and
 * leaves alone a small heap, another collector and ratios the user set. Each case runs in a child
 * JVM ({@link Probe}), which prints its ratios; the wait is only a hang guard.
 */
class HeapWatchTest {
  @Test
  void aLargeSerialHeapGetsTheTightRatios() throws Exception {
    assertEquals("10 30", probe("watch", "-XX:+UseSerialGC", "-Xms300m"));
  }

  @Test
  void aSmallHeapKeepsTheDefaults() throws Exception {
    assertEquals("40 70", probe("small", "-XX:+UseSerialGC", "-Xms64m"));
  }

  @Test
  void anotherCollectorOrTheUsersRatiosAreLeftAlone() throws Exception {
    assertEquals("false 40 70", probe("tighten", "-XX:+UseG1GC"));
    assertEquals("false 20 70", probe("tighten", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20"));
    assertEquals("true 10 30", probe("tighten", "-XX:+UseSerialGC"));
  }

  private static String probe(String what, String... jvm) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvm));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), what));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "hang guard");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** The child: {@code watch} starts the watch and waits for it (a minute at most), {@code small} gives it two of its turns, {@code tighten} calls it once. */
  static final class Probe {
    public static void main(String[] args) throws InterruptedException {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      String done = "";
      switch (args[0]) {
        case "tighten" -> done = HeapWatch.tighten(vm) + " ";
        case "small" -> {
          HeapWatch.start();
          Thread.sleep(1_200);
        }
        default -> {
          HeapWatch.start();
          for (int i = 0; i < 600 && !ratio(vm, "MinHeapFreeRatio").equals(HeapWatch.MIN_FREE); i++) {
            Thread.sleep(100);
          }
          Thread.sleep(100); // the maximum is set just after the minimum
        }
      }
      System.out.println(done + ratio(vm, "MinHeapFreeRatio") + " " + ratio(vm, "MaxHeapFreeRatio"));
    }

    private static String ratio(HotSpotDiagnosticMXBean vm, String name) {
      return vm.getVMOption(name).getValue();
    }
  }
}
