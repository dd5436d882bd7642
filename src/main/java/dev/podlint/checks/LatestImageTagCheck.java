package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.ImageRef;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * latest-image-tag: a container image without a tag (which means {@code :latest}) or with a tag
 * that moves ({@code latest} and the rule's {@code mutableTags}), unless a digest pins it. Every
 * container that runs is checked, init containers and sidecars included. Reported at the image
 * value; template text and empty images are left alone.
 */
public final class LatestImageTagCheck implements Check.ContainerCheck {
  private final Set<String> mutableTags;

  /** The rule's parameters. */
  public record Params(List<String> mutableTags) {}

  /** A check that treats {@code mutableTags} (the rule parameter) and {@code latest} as moving tags. */
  public LatestImageTagCheck(Params params) {
    Set<String> tags = new LinkedHashSet<>(params.mutableTags());
    tags.add("latest");
    this.mutableTags = Set.copyOf(tags);
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    Optional<YScalar> image = c.node().scalar("image").filter(s -> !s.isNull());
    if (image.isEmpty()) {
      return;
    }
    Optional<ImageRef> ref = ImageRef.parse(image.get().value());
    if (ref.isEmpty() || ref.get().pinnedByDigest()) {
      return;
    }
    String tag = ref.get().tag();
    if (tag == null) {
      out.at(image.get()).variant("untagged").arg("container", c.name()).arg("image", image.get().value()).report();
    } else if (mutableTags.contains(tag)) {
      out.at(image.get()).arg("container", c.name()).arg("image", image.get().value()).arg("tag", tag).report();
    }
  }
}
