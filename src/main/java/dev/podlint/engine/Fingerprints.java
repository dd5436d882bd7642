package dev.podlint.engine;

import dev.podlint.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints: a hash of rule, file, object and field, never the line, so that a finding keeps it
 * across unrelated edits. Findings are hashed where they are made (in parallel); repeats of one
 * hash are numbered in report order ({@code :2}, {@code :3}), in their file, or across the run
 * for the rules whose findings come both per file and at the end.
 */
final class Fingerprints {
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  /** The directory file names are relative to, or null for names as given. */
  private final Path root;

  Fingerprints(Path root) {
    this.root = root;
  }

  /** The findings with the hash of their fingerprint, not yet numbered. */
  List<Finding> hashed(List<Finding> findings) {
    Map<SourceFile, String> names = new HashMap<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(f.withFingerprint(sha(base(f, names))));
    }
    return out;
  }

  /** The hash of a finding's fingerprint (made now if it was made in the in-order part of the run). */
  String hash(Finding f) {
    return f.fingerprint() != null ? f.fingerprint() : sha(base(f, new HashMap<>()));
  }

  /**
   * Whether the repeats of {@code f}'s fingerprint are numbered across the run: the rules whose
   * findings come both per file and at the end ({@code unused-suppression}, {@code regex-too-slow}),
   * as one list of findings would number them.
   */
  static boolean acrossRun(Finding f) {
    String rule = f.rule().name();
    return rule.equals(Suppressions.UNUSED_SUPPRESSION) || rule.equals(SlowRegexes.RULE);
  }

  /** {@code f} with its fingerprint: {@code hash}, numbered when {@code seen} had it already. */
  static Finding numbered(Finding f, String hash, Map<String, Integer> seen) {
    int n = seen.merge(hash, 1, Integer::sum);
    return f.withFingerprint(hash + (n > 1 ? ":" + n : ""));
  }

  /** What a fingerprint hashes: rule, file, object and field, never the line. */
  private String base(Finding f, Map<SourceFile, String> names) {
    return f.rule().id() + "\u0000" + names.computeIfAbsent(f.file(), this::name) + "\u0000"
        + (f.object() == null ? f.message() : f.object().identity() + "\u0000" + f.path());
  }

  /**
   * The name of a file in fingerprints: its path relative to the fingerprint root when it has one
   * below it (what SARIF writes as the URI), so `bad.yaml`, `./bad.yaml` and its absolute path give
   * one fingerprint; else the name as given.
   */
  private String name(SourceFile file) {
    if (root == null || file.path() == null || file.isStdin()) {
      return file.displayName();
    }
    Path abs = file.path().toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  private static String sha(String s) {
    byte[] d = SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 16);
  }
}
