package dev.podlint.net;

import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ImageRef;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What podlint knows about ports beyond the manifest: the ports well-known images listen on when
 * nothing says otherwise, and the ports sidecars injected at admission serve. Both are data, the
 * parameters {@code imagePorts} and {@code injectedPorts} of the rule {@value #RULE}, which every
 * networking rule reads, so a configuration that teaches podlint an image's port teaches all of
 * them.
 */
public final class NetKnowledge {
  /** The rule whose parameters hold the knowledge. */
  public static final String RULE = "localhost-port-unbound";

  /** A port and its protocol (TCP, UDP or SCTP). */
  public record PortSpec(int port, String protocol) {}

  /** The ports of the images whose repository (and tag, when given) match. */
  record ImagePorts(BoundedRegex image, BoundedRegex tag, List<PortSpec> ports) {}

  private static final Pattern PORT_TEXT = Pattern.compile("^(\\d{1,5})(?:/(TCP|UDP|SCTP))?$", Pattern.CASE_INSENSITIVE);
  private static final int CACHE_LIMIT = 10_000;
  /** One knowledge per set of parameters, so that the rules of a run share one model per pod. */
  private static final Map<YMap, NetKnowledge> BY_PARAMS = Collections.synchronizedMap(new WeakHashMap<>());

  private final List<ImagePorts> images;
  private final Set<Integer> injected;
  private final Map<String, List<PortSpec>> byImage = new ConcurrentHashMap<>();

  NetKnowledge(List<ImagePorts> images, Set<Integer> injected) {
    this.images = List.copyOf(images);
    this.injected = Collections.unmodifiableSet(new LinkedHashSet<>(injected));
  }

  /**
   * The knowledge of a run whose rule definitions {@code rules} gives by name (none when its
   * catalog does not have the rule, as in tests of other rules).
   */
  public static NetKnowledge of(Function<String, RuleDefinition> rules) {
    RuleDefinition rule;
    try {
      rule = rules.apply(RULE);
    } catch (IllegalArgumentException e) {
      rule = null; // a catalog without podlint's own rules
    }
    return of(rule);
  }

  /**
   * The knowledge in the parameters of {@code rule} ({@value #RULE}, as configured).
   *
   * @throws IllegalArgumentException when a parameter is not usable (a bad regular expression)
   */
  public static NetKnowledge of(RuleDefinition rule) {
    if (rule == null || rule.params() == null) {
      return new NetKnowledge(List.of(), Set.of());
    }
    NetKnowledge known = BY_PARAMS.get(rule.params());
    if (known == null) {
      known = parse(rule.paramDefault("imagePorts"), rule.paramDefault("injectedPorts"));
      BY_PARAMS.put(rule.params(), known);
    }
    return known;
  }

  static NetKnowledge parse(Optional<YNode> imagePorts, Optional<YNode> injectedPorts) {
    List<ImagePorts> images = new ArrayList<>();
    for (YNode n : items(imagePorts)) {
      if (!(n instanceof YMap m)) {
        continue;
      }
      BoundedRegex image = BoundedRegex.parameter(m, "image");
      if (image == null) {
        throw new IllegalArgumentException("'image' is required at " + m.path().describe());
      }
      List<PortSpec> ports = new ArrayList<>();
      for (YNode p : items(m.get("ports"))) {
        if (p instanceof YScalar s) {
          Matcher pm = PORT_TEXT.matcher(s.value().strip());
          if (!pm.matches() || !Addresses.isPort(Long.parseLong(pm.group(1)))) {
            throw new IllegalArgumentException("'" + s.value() + "' at " + s.path().describe()
                + " is not a port (write 8080 or 53/UDP)");
          }
          ports.add(new PortSpec(Integer.parseInt(pm.group(1)),
              pm.group(2) == null ? "TCP" : pm.group(2).toUpperCase(Locale.ROOT)));
        }
      }
      images.add(new ImagePorts(image, BoundedRegex.parameter(m, "tag"), ports));
    }
    Set<Integer> injected = new LinkedHashSet<>();
    for (YNode n : items(injectedPorts)) {
      if (n instanceof YScalar s) {
        s.asLong().filter(Addresses::isPort).ifPresent(v -> injected.add(v.intValue()));
      }
    }
    return new NetKnowledge(images, injected);
  }

  private static List<YNode> items(Optional<YNode> list) {
    return list.isPresent() && list.get() instanceof YSeq seq ? seq.items() : List.of();
  }

  /**
   * The ports {@code image} listens on by default: those of every entry whose pattern finds the
   * image's repository (lower case, registry included, without tag or digest) and whose
   * {@code tag} pattern, if it has one, finds its tag.
   */
  public List<PortSpec> defaults(String image) {
    if (image == null || image.isBlank() || images.isEmpty()) {
      return List.of();
    }
    List<PortSpec> found = byImage.get(image);
    if (found == null) {
      found = lookUp(image);
      if (byImage.size() < CACHE_LIMIT) {
        byImage.put(image, found);
      }
    }
    return found;
  }

  private List<PortSpec> lookUp(String image) {
    ImageRef ref = ImageRef.split(image);
    String repository = ref.name().toLowerCase(Locale.ROOT);
    String tag = ref.tag() == null ? "" : ref.tag();
    Set<PortSpec> out = new LinkedHashSet<>();
    for (ImagePorts i : images) {
      if (!repository.isEmpty() && i.image().find(repository) && (i.tag() == null || i.tag().find(tag))) {
        out.addAll(i.ports());
      }
    }
    return List.copyOf(out);
  }

  /** Ports that sidecars injected at admission (service meshes, Dapr) serve in the pod. */
  public Set<Integer> injected() {
    return injected;
  }
}
