package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.load.Inputs;
import dev.podlint.load.Shard;
import dev.podlint.model.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --shard K/N}: the shards partition the inputs, the same way on every machine. */
class ShardTest {
  @TempDir
  Path tmp;

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
      + "    - name: c\n      image: nginx:1.27.2\n";

  private List<String> tree(Path root, int n) throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "team-" + (i % 4) + "/app-" + i + ".yaml";
      Files.createDirectories(root.resolve(name).getParent());
      Files.writeString(root.resolve(name), POD);
      names.add(name);
    }
    return names;
  }

  private static Set<String> names(List<SourceFile> files, Path root) {
    Set<String> s = new HashSet<>();
    files.forEach(f -> s.add(root.relativize(f.path().toAbsolutePath()).toString().replace('\\', '/')));
    return s;
  }

  @Test
  void theShardsPartitionTheInputsAndAreStable() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    List<String> all = tree(a, 60);
    tree(b, 60);
    List<SourceFile> filesA = Inputs.expand(List.of("."), a).files();
    List<SourceFile> filesB = Inputs.expand(List.of("."), b).files();
    assertEquals(60, filesA.size());
    for (int n : new int[] {1, 2, 3, 7}) {
      Set<String> union = new HashSet<>();
      int total = 0;
      for (int k = 1; k <= n; k++) {
        Set<String> shard = names(new Shard(k, n).select(filesA, a), a);
        // the same relative paths in another directory fall into the same shard
        assertEquals(shard, names(new Shard(k, n).select(filesB, b), b), k + "/" + n);
        total += shard.size();
        union.addAll(shard);
        if (n == 3) {
          assertTrue(shard.size() > 5, "SHA-256 spreads 60 files over 3 shards: " + shard.size());
        }
      }
      assertEquals(60, total, "disjoint: no file is in two shards of " + n);
      assertEquals(new HashSet<>(all), union, "every file is in a shard of " + n);
    }
  }

  @Test
  void theShardOfAPathIsFixedBySha256() {
    // pinned (checked with Python: int.from_bytes(sha256(path).digest()[:8], "big") % N + 1): a change of hash would move files between the runners of existing CI matrices
    assertEquals(List.of(4, 1, 1, 1), List.of(Shard.of("a.yaml", 4), Shard.of("k8s/deploy.yaml", 4),
        Shard.of("b.yaml", 4), Shard.of("team-1/app-1.yaml", 4)));
    assertEquals(Shard.of("x/y.yaml", 5), Shard.of("x\\y.yaml", 5), "Windows separators hash as /");
    assertEquals(Shard.of("x/y.yaml", 5), new Shard(Shard.of("x/y.yaml", 5), 5).index());
  }

  @Test
  void badShardsAreRejected() {
    for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "1/2/3")) {
      assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
    }
    assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
  }

  @Test
  void eachShardLintsItsFilesAndNamesItselfInSarif() throws Exception {
    tree(tmp, 30);
    int files = 0;
    Pattern count = Pattern.compile("podlint: (\\d+) files?");
    for (int k = 1; k <= 3; k++) {
      Cli.Run r = Cli.run(tmp, null, "lint", "--no-config", "--fail-on", "none", "--shard", k + "/3", "-f", "sarif",
          ".");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("\"id\" : \"podlint/shard-" + k + "-of-3/\"")
          || r.out().contains("\"id\":\"podlint/shard-" + k + "-of-3/\""), r.out());
      Matcher m = count.matcher(r.err());
      assertTrue(m.find(), r.err());
      files += Integer.parseInt(m.group(1));
    }
    assertEquals(30, files, "the three shards lint the 30 files between them");
    Cli.Run cat = Cli.run(tmp, null, "lint", "--no-config", "--fail-on", "none", "--shard", "2/3",
        "--sarif-category", "prod/", "-f", "sarif", ".");
    assertTrue(cat.out().replace(" ", "").contains("\"id\":\"podlint/prod/shard-2-of-3/\""), cat.out());
    Cli.Run bad = Cli.run(tmp, null, "lint", "--shard", "4/3", ".");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--shard"), bad.err());
    assertEquals(2, Cli.run(tmp, POD, "lint", "--shard", "1/2", "-").code());
  }
}
