package dev.podlint.load;

import dev.podlint.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Shard {@code index} of {@code count} ({@code --shard K/N}, 1-based): the files whose path
 * relative to the working directory (with {@code /} separators) has a SHA-256 that is {@code K-1}
 * modulo {@code N}. The hash depends on nothing but that path, so every runner of a CI matrix picks
 * the same files for the same shard, and the N shards together lint every file exactly once.
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
    }
  }

  /** Parses {@code K/N}. */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected K/N (for example 2/4), not '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected K/N with whole numbers (for example 2/4), not '" + text + "'");
    }
  }

  /** The shard ({@code 1..count}) a path relative to the working directory belongs to. */
  public static int of(String relativePath, int count) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] d = sha.digest(relativePath.replace('\\', '/').getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = h << 8 | (d[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(h, count) + 1;
  }

  /** Whether this shard lints {@code file}, named relative to {@code workingDir}. */
  public boolean contains(SourceFile file, Path workingDir) {
    Path abs = workingDir.resolve(file.path()).toAbsolutePath().normalize();
    Path base = workingDir.toAbsolutePath().normalize();
    String rel = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    return of(rel, count) == index;
  }

  /** The files of {@code files} this shard lints, in their order. */
  public List<SourceFile> select(List<SourceFile> files, Path workingDir) {
    return files.stream().filter(f -> contains(f, workingDir)).toList();
  }

  /** {@code shard-K-of-N}, the last segment of the shard's SARIF automation id. */
  public String label() {
    return "shard-" + index + "-of-" + count;
  }
}
