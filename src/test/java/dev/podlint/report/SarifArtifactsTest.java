package dev.podlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podlint.model.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A chunk's artifact URIs, each file's made once, are those made afresh for every location. */
class SarifArtifactsTest {
  private static final Path ROOT = Path.of("work").toAbsolutePath();

  private static final List<SourceFile> FILES = List.of(
      new SourceFile("a.yaml", ROOT.resolve("a.yaml"), SourceFile.Kind.FILE),
      new SourceFile("dir/b c.yaml", ROOT.resolve("dir/b c.yaml"), SourceFile.Kind.FILE),
      new SourceFile("../out.yaml", ROOT.resolveSibling("out.yaml"), SourceFile.Kind.FILE),
      new SourceFile("chart/t.yaml", Path.of("chart/templates/t.yaml"), SourceFile.Kind.TEMPLATE),
      new SourceFile("../t.yaml", Path.of("../t.yaml"), SourceFile.Kind.TEMPLATE),
      new SourceFile(SourceFile.STDIN, null, SourceFile.Kind.FILE),
      // the same path as the first, under another name: still its URI
      new SourceFile("./a.yaml", ROOT.resolve("./a.yaml"), SourceFile.Kind.FILE));

  @Test
  void filesInAnyOrderGetTheirOwnUris() {
    SarifArtifacts memo = new SarifArtifacts(ROOT);
    Random random = new Random(19);
    for (int n = 0; n < 500; n++) {
      SourceFile f = FILES.get(random.nextInt(FILES.size()));
      assertEquals(new SarifArtifacts(ROOT).uri(f), memo.of(f), f.displayName());
    }
  }

  @Test
  void urisAreRelativeToTheSourceRootWhenBelowIt() {
    SarifArtifacts memo = new SarifArtifacts(ROOT);
    assertEquals(new SarifArtifacts.Uri("dir/b%20c.yaml", SarifReporter.SRCROOT), memo.of(FILES.get(1)));
    assertEquals(new SarifArtifacts.Uri("stdin", null), memo.of(FILES.get(5)));
    assertEquals(new SarifArtifacts.Uri("a.yaml", SarifReporter.SRCROOT), memo.of(FILES.get(6)));
    assertEquals(null, memo.of(FILES.get(2)).baseId());
  }
}
