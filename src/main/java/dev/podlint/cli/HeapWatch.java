package dev.podlint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Keeps the heap of a large run close to what the run holds. The serial collector (what
 * {@code bin/podlint} runs, and what the user guide tells {@code java -jar} users to pass) grows
 * its old generation after a full collection until 40% of it is free ({@code MinHeapFreeRatio}),
 * which costs nothing on a small run but, on a run whose cross-object inventory holds hundreds of
 * megabytes, keeps as much again committed and touched. Once the committed heap passes
 * {@link #LARGE}, a thread that otherwise only sleeps sets the two ratios that the JVM lets a
 * running process change for itself ({@code manageable} flags) to 10% and 30%: more full
 * collections as the run grows, each of a heap that is mostly live, and a peak that follows the
 * live set (BENCHMARKS.md has the figures). Left alone: another collector (G1 ignores the ratios
 * while the heap grows, measured), and ratios the user set. Nothing is loaded for this before the
 * heap is large: a one-file lint starts as before.
 */
final class HeapWatch {
  /** The committed heap that makes a run large: more than a lint of 100,000 generated documents needs. */
  static final long LARGE = 256L << 20;
  static final String MIN_FREE = "10";
  static final String MAX_FREE = "30";

  private HeapWatch() {}

  /** Starts watching, on a daemon thread that ends once the ratios are set or left alone. */
  static void start() {
    Thread t = new Thread(HeapWatch::watch, "podlint-heap-watch");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void watch() {
    try {
      while (Runtime.getRuntime().totalMemory() < LARGE) {
        Thread.sleep(500);
      }
      tighten(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // a JVM without these options or beans: the run goes on as it is
    }
  }

  /**
   * Sets the free ratios on a serial-collector JVM whose ratios are the defaults; returns whether it
   * did.
   */
  static boolean tighten(HotSpotDiagnosticMXBean vm) {
    if (!Boolean.parseBoolean(vm.getVMOption("UseSerialGC").getValue())
        || vm.getVMOption("MinHeapFreeRatio").getOrigin() != VMOption.Origin.DEFAULT
        || vm.getVMOption("MaxHeapFreeRatio").getOrigin() != VMOption.Origin.DEFAULT) {
      return false;
    }
    vm.setVMOption("MinHeapFreeRatio", MIN_FREE); // first: the minimum may not pass the maximum
    vm.setVMOption("MaxHeapFreeRatio", MAX_FREE);
    return true;
  }
}
