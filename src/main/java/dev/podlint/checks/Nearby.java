package dev.podlint.checks;

import dev.podlint.model.SourceFile;
import java.nio.file.Path;

/**
 * Whether an object of the input tells something about a workload's surroundings. The rules that
 * judge what the input lacks (no ServiceAccount, headless Service or NetworkPolicy for a workload)
 * judge only a workload with such evidence nearby: an object of the kind they need that names the
 * same namespace explicitly, or, when either leaves its namespace out (to {@code kubectl -n}, Helm
 * or Kustomize), one in the same file or directory. A whole repository linted at once holds many
 * applications, and one application's ServiceAccount says nothing about another's.
 */
final class Nearby {
  private Nearby() {}

  /** Whether objects in {@code fa} (namespace {@code nsA}) and {@code fb} ({@code nsB}) belong together. */
  static boolean together(SourceFile fa, String nsA, SourceFile fb, String nsB) {
    if (isExplicit(nsA) && isExplicit(nsB)) {
      return nsA.equals(nsB);
    }
    return sameDirectory(fa, fb);
  }

  /** Whether {@code namespace} is named outright: present and not template text. */
  static boolean isExplicit(String namespace) {
    return namespace != null && !Templates.isUnrendered(namespace);
  }

  /** The normalised absolute directory of {@code f}; null for standard input or a file at the root. */
  static Path directory(SourceFile f) {
    return f.path() == null ? null : f.path().toAbsolutePath().normalize().getParent();
  }

  private static boolean sameDirectory(SourceFile a, SourceFile b) {
    if (a.equals(b) || a.displayName().equals(b.displayName())) {
      return true;
    }
    Path pa = directory(a);
    return pa != null && pa.equals(directory(b));
  }
}
