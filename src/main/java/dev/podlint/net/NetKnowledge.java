package dev.podlint.net;

import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ImageRef;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  public record ImagePorts(BoundedRegex image, BoundedRegex tag, List<PortSpec> ports) {
    /** Reads one entry of the {@code imagePorts} parameter. */
    public static ImagePorts fromParam(YNode entry) {
      if (!(entry instanceof YMap m)) {
        throw new IllegalArgumentException("expected a mapping at " + entry.path().describe());
      }
      BoundedRegex image = BoundedRegex.parameter(m, "image");
      if (image == null) {
        throw new IllegalArgumentException("'image' is required at " + m.path().describe());
      }
      List<PortSpec> ports = new ArrayList<>();
      for (YNode p : m.seq("ports").map(YSeq::items).orElse(List.of())) {
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
      return new ImagePorts(image, BoundedRegex.parameter(m, "tag"), ports);
    }
  }

  /** The parameters of {@value #RULE} that hold the knowledge (the rule's check reads them as this record). */
  public record Params(List<ImagePorts> imagePorts, List<Long> injectedPorts) {}

  private static final Pattern PORT_TEXT = Pattern.compile("^(\\d{1,5})(?:/(TCP|UDP|SCTP))?$", Pattern.CASE_INSENSITIVE);
  private static final int CACHE_LIMIT = 10_000;
  /** One knowledge per set of parameters, so that the rules of a run share one model per pod. */
  private static final Map<Params, NetKnowledge> BY_PARAMS = Collections.synchronizedMap(new WeakHashMap<>());

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
    return of(RuleParams.of(rule, Params.class));
  }

  /** The knowledge in {@code params}, one per set of parameters. */
  public static NetKnowledge of(Params params) {
    NetKnowledge known = BY_PARAMS.get(params);
    if (known == null) {
      Set<Integer> injected = new LinkedHashSet<>();
      params.injectedPorts().stream().filter(Addresses::isPort).forEach(v -> injected.add(v.intValue()));
      known = new NetKnowledge(params.imagePorts(), injected);
      BY_PARAMS.put(params, known);
    }
    return known;
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
