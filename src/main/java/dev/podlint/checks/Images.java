package dev.podlint.checks;

import java.util.Optional;

/** Reads a container image reference: {@code [registry[:port]/]path[:tag][@digest]}. */
final class Images {
  private Images() {}

  /**
   * The parts of an image reference.
   *
   * @param name everything before the tag and digest ({@code registry.example.com:5000/team/app})
   * @param tag the tag, or null when there is none
   * @param digest the digest ({@code sha256:...}), or null when there is none
   */
  record Ref(String name, String tag, String digest) {
    boolean pinnedByDigest() {
      return digest != null;
    }
  }

  /**
   * A reference as the distribution spec allows it, loosely: an optional registry host (any
   * case, with a port), lowercase path components, then an optional tag and digest. Anything
   * else is a placeholder ({@code us-docker.pkg.dev/PROJECT_ID/app}, {@code $IMAGE},
   * {@code <your-image>}) that is replaced before it reaches a cluster.
   */
  private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
      "(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z0-9]+(?:[+._-][A-Za-z0-9]+)*:[0-9A-Fa-f]{32,})?");

  /**
   * The parts of {@code image}; empty for an empty reference, unrendered template text
   * ({@code {{ .Values.image }}}, {@code ${IMAGE}}) or a placeholder that is not a valid
   * reference, where nothing can be judged.
   */
  static Optional<Ref> parse(String image) {
    String s = image.strip();
    if (s.isEmpty() || Templates.isUnrendered(s) || !REFERENCE.matcher(s).matches()) {
      return Optional.empty();
    }
    String digest = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String tag = null;
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    return Optional.of(new Ref(s, tag == null || tag.isEmpty() ? null : tag, digest == null || digest.isEmpty() ? null : digest));
  }
}
