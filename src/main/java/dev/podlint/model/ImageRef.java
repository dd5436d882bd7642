package dev.podlint.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry[:port]/]repository[:tag][@digest]}, in its parts.
 *
 * @param registry the registry host (with its port) when the first path component names one (it
 *     holds a dot or a colon, or is {@code localhost}), else null
 * @param repository the path without registry, tag and digest ({@code team/app}); as written
 * @param tag the tag, or null when there is none
 * @param digest the digest ({@code sha256:...}), or null when there is none
 */
public record ImageRef(String registry, String repository, String tag, String digest) {
  /**
   * A reference as the distribution spec allows it, loosely: an optional registry host (any
   * case, with a port), lowercase path components, then an optional tag and digest. Anything
   * else is a placeholder ({@code us-docker.pkg.dev/PROJECT_ID/app}, {@code $IMAGE},
   * {@code <your-image>}, unrendered template text) that is replaced before it reaches a cluster.
   */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z0-9]+(?:[+._-][A-Za-z0-9]+)*:[0-9A-Fa-f]{32,})?");

  /**
   * The parts of a valid {@code image}; empty for an empty reference, unrendered template text
   * ({@code {{ .Values.image }}}, {@code ${IMAGE}}) or a placeholder that is not a valid
   * reference, where nothing can be judged.
   */
  public static Optional<ImageRef> parse(String image) {
    String s = image.strip();
    if (s.isEmpty() || !REFERENCE.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(split(s));
  }

  /**
   * The parts of any {@code image}, valid or not: the digest is what follows the first {@code @},
   * the tag what follows the last {@code :} after the last {@code /}.
   */
  public static ImageRef split(String image) {
    String s = image.strip();
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
    String registry = null;
    int first = s.indexOf('/');
    if (first > 0) {
      String host = s.substring(0, first);
      if (host.contains(".") || host.contains(":") || host.equalsIgnoreCase("localhost")) {
        registry = host;
        s = s.substring(first + 1);
      }
    }
    return new ImageRef(registry, s, tag == null || tag.isEmpty() ? null : tag,
        digest == null || digest.isEmpty() ? null : digest);
  }

  /** Registry and repository, without tag and digest ({@code registry.example.com:5000/team/app}). */
  public String name() {
    return registry == null ? repository : registry + "/" + repository;
  }

  public boolean pinnedByDigest() {
    return digest != null;
  }
}
