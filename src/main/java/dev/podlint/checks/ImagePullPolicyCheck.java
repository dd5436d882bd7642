package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.ImageRef;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * image-pull-policy: a container whose effective pull policy is not {@code Always}, so a node can
 * start an image it already holds without asking the registry. The effective policy is the
 * explicit {@code imagePullPolicy}, else the API server's default: {@code Always} for an untagged
 * or {@code :latest} image, {@code IfNotPresent} for any other tag or a bare digest. Images pinned
 * by digest are accepted with any policy unless the {@code acceptDigests} parameter is false.
 *
 * <p>An explicit policy is reported at its value (variants: default {@code IfNotPresent},
 * {@code never}); a defaulted one at the container (variant {@code defaulted}).
 */
public final class ImagePullPolicyCheck implements Check.ContainerCheck {
  private final boolean acceptDigests;

  /** The rule's parameters. */
  public record Params(boolean acceptDigests) {}

  public ImagePullPolicyCheck(Params params) {
    this.acceptDigests = params.acceptDigests();
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    Optional<YScalar> image = c.node().scalar("image").filter(s -> !s.isNull());
    Optional<ImageRef> ref = image.flatMap(i -> ImageRef.parse(i.value()));
    if (ref.isEmpty() || acceptDigests && ref.get().pinnedByDigest()) {
      return;
    }
    Optional<YScalar> policy = c.node().scalar("imagePullPolicy").filter(s -> !s.isNull());
    if (policy.isPresent()) {
      String p = policy.get().value();
      if (p.equals("IfNotPresent") || p.equals("Never")) {
        out.at(policy.get()).variant(p.equals("Never") ? "never" : null)
            .arg("container", c.name()).arg("image", image.get().value()).report();
      }
      return; // Always, or a value schema validation reports
    }
    String tag = ref.get().tag();
    boolean defaultsToAlways = tag == null && !ref.get().pinnedByDigest() || "latest".equals(tag);
    if (!defaultsToAlways) {
      out.at(c.node()).variant("defaulted").arg("container", c.name()).arg("image", image.get().value()).report();
    }
  }
}
