package dev.podlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.bench.CorpusGenerator;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.net.NetKnowledge;
import dev.podlint.rule.RuleCatalog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the cross-object inventory keeps of a run stays small per document: 10,000 documents of the
 * benchmark's generated corpus (Deployments with their Services, StatefulSets, CronJobs), added
 * file by file as a run adds them, are held in well under a kilobyte each (about half of one; when
 * the inventory kept copies of the nodes it pointed at, it was 2.6 kilobytes). Measured as the heap
 * that a full collection cannot free while the inventory is held and can once it is dropped, so it
 * counts only what the inventory keeps reachable. Nothing here is timed.
 */
class InventoryFootprintTest {
  static final int DOCUMENTS = 10_000;

  @TempDir Path dir;

  @Test
  void aDocumentCostsTheRunLessThanAKilobyte() throws IOException {
    List<Path> files = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).write(dir, DOCUMENTS, 100);
    NetKnowledge knowledge = NetKnowledge.of(RuleCatalog.builtin().get(NetKnowledge.RULE));
    ManifestLoader loader = new ManifestLoader();
    long before = retained();
    Inventory run = new Inventory();
    int objects = 0;
    for (Path f : files) {
      LoadedFile loaded = loader.load(new SourceFile(f.toString(), f), Files.readAllBytes(f));
      Inventory part = new Inventory();
      for (K8sObject o : loaded.objects()) {
        part.add(o, PodView.of(o, loaded.objects()).orElse(null), knowledge);
        objects++;
      }
      run.addAll(part);
    }
    long held = retained() - before; // the inventory is used below, so it is reachable here
    assertEquals(DOCUMENTS, objects);
    assertTrue(run.workloads().size() > DOCUMENTS / 2 && run.services().size() > DOCUMENTS / 5,
        "the generated corpus holds workloads and Services");
    assertTrue(held > 0, "the inventory is held: " + held);
    assertTrue(held < DOCUMENTS * 1024L, "a document costs " + held / DOCUMENTS + " bytes");
  }

  /** The heap in use after a full collection. */
  private static long retained() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
