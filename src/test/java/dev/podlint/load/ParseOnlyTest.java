package dev.podlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.podlint.bench.CorpusGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/** The benchmark's floor reads every document's events: as many documents as composing finds. */
class ParseOnlyTest {
  @TempDir
  Path tmp;

  @Test
  void readsAsManyDocumentsAsComposing() throws IOException {
    ManifestLoader loader = new ManifestLoader();
    for (Path f : new CorpusGenerator(3).write(tmp, 120, 50)) {
      byte[] bytes = Files.readAllBytes(f);
      assertEquals(composed(bytes), loader.parseOnly(bytes), f.toString());
    }
    byte[] odd = "a: 1\n---\n--- |\n  x\n...\n%YAML 1.2\n---\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(4, loader.parseOnly(odd));
    assertEquals(composed(odd), loader.parseOnly(odd));
    assertEquals(0, loader.parseOnly("# nothing\n".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IOException.class, () -> loader.parseOnly(new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}));
  }

  /** The documents snakeyaml-engine's composer makes of {@code bytes}, decoded as the loader decodes them. */
  private static int composed(byte[] bytes) throws IOException {
    int documents = 0;
    for (Node ignored : new Compose(Settings.MANIFESTS).composeAllFromReader(
        new StringReader(ManifestLoader.decodeText(bytes)))) {
      documents++;
    }
    return documents;
  }

  @Test
  void generatedFilesHoldTheDocumentsAskedFor() throws IOException {
    List<Path> files = new CorpusGenerator(5).write(tmp, 230, 100);
    int documents = 0;
    for (Path f : files) {
      documents += new ManifestLoader().parseOnly(Files.readAllBytes(f));
    }
    assertEquals(230, documents);
  }
}
