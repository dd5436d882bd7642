package dev.podlint.schema;

import java.util.List;

/** The Kubernetes versions podlint carries API schemas for, and their order. */
public final class KubernetesVersions {
  /** Oldest first; the newest is the default. */
  public static final List<String> ALL = List.of("1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36");

  private KubernetesVersions() {}

  public static String newest() {
    return ALL.get(ALL.size() - 1);
  }

  /** The minor number of a version: 31 for "1.31". */
  public static int minor(String version) {
    return Integer.parseInt(version.substring(version.indexOf('.') + 1));
  }

  /** Orders versions by their minor number. */
  public static int compare(String a, String b) {
    return Integer.compare(minor(a), minor(b));
  }

  /** The supported version after {@code version}, or null for the newest. */
  public static String next(String version) {
    int i = ALL.indexOf(version);
    return i < 0 || i == ALL.size() - 1 ? null : ALL.get(i + 1);
  }
}
