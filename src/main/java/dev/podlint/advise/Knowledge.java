package dev.podlint.advise;

import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ContainerView;
import dev.podlint.model.ImageRef;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What podlint knows about container images: helpers that belong with the container they serve
 * (proxies, log shippers, exporters, reloaders...) and well-known standalone servers (databases,
 * caches, queues, web servers...). It is data from the rule's {@code params}, so users can extend it.
 */
public final class Knowledge {
  /**
   * A helper role recognised by image repository and/or container name.
   *
   * @param everyGroup the helper serves every container of its pod (a service-mesh proxy), so each
   *     workload of a split gets its own copy
   */
  public record Helper(String role, BoundedRegex image, BoundedRegex name, boolean everyGroup) {}

  /**
   * A standalone server recognised by image repository.
   *
   * @param stateful keeps data (database, queue, search): scales and fails differently from a web tier
   */
  public record Server(String kind, boolean stateful, BoundedRegex image) {}

  private final List<Helper> helpers;
  private final List<Server> servers;
  /**
   * What {@link #helper} and {@link #server} found per image (and name): a pod is weighed pair by
   * pair and a run repeats the same few images, while each answer tries every pattern. Bounded:
   * past {@link #CACHE_LIMIT} entries new answers are not kept.
   */
  private final Map<ImageAndName, Optional<Helper>> helperCache = new ConcurrentHashMap<>();
  private final Map<String, Optional<Server>> serverCache = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  private record ImageAndName(String image, String name) {}

  private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> compute) {
    V found = cache.get(key);
    if (found == null) {
      found = compute.apply(key);
      if (cache.size() < CACHE_LIMIT) {
        cache.put(key, found);
      }
    }
    return found;
  }

  public Knowledge(List<Helper> helpers, List<Server> servers) {
    this.helpers = List.copyOf(helpers);
    this.servers = List.copyOf(servers);
  }

  /** Reads the {@code helpers} and {@code servers} lists of a rule's params. */
  public static Knowledge of(Optional<YNode> helpers, Optional<YNode> servers) {
    List<Helper> h = new ArrayList<>();
    for (YMap m : maps(helpers)) {
      h.add(new Helper(text(m, "role"), pattern(m, "image"), pattern(m, "name"),
          m.scalar("everyGroup").flatMap(YScalar::asBoolean).orElse(false)));
    }
    List<Server> s = new ArrayList<>();
    for (YMap m : maps(servers)) {
      s.add(new Server(text(m, "kind"), m.scalar("stateful").flatMap(YScalar::asBoolean).orElse(false),
          pattern(m, "image")));
    }
    return new Knowledge(h, s);
  }

  private static List<YMap> maps(Optional<YNode> list) {
    if (list.isEmpty() || !(list.get() instanceof YSeq seq)) {
      return List.of();
    }
    List<YMap> out = new ArrayList<>();
    for (YNode n : seq.items()) {
      if (n instanceof YMap m) {
        out.add(m);
      }
    }
    return out;
  }

  private static String text(YMap m, String key) {
    return m.string(key).orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required at " + m.path()));
  }

  private static BoundedRegex pattern(YMap m, String key) {
    return BoundedRegex.parameter(m, key);
  }

  /**
   * The repository part of an image reference, lower case, without tag or digest:
   * {@code docker.io/library/redis:7@sha256:..} gives {@code docker.io/library/redis}.
   */
  public static String repository(String image) {
    return ImageRef.split(image).name().toLowerCase(Locale.ROOT);
  }

  /**
   * The helper role of {@code c}: by image first, then by container name unless the image is a
   * well-known server.
   */
  public Optional<Helper> helper(ContainerView c) {
    return cached(helperCache, new ImageAndName(c.image().orElse(null), c.node().string("name").orElse("")),
        this::helper);
  }

  private Optional<Helper> helper(ImageAndName c) {
    String repo = c.image() == null ? "" : repository(c.image());
    for (Helper h : helpers) {
      if (h.image() != null && !repo.isEmpty() && h.image().find(repo)) {
        return Optional.of(h);
      }
    }
    if (server(c.image()).isPresent()) {
      return Optional.empty(); // a redis:7 container named "agent" is still a cache
    }
    String name = c.name();
    for (Helper h : helpers) {
      if (h.name() != null && !name.isEmpty() && h.name().find(name)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** The well-known server {@code c} runs, by image. */
  public Optional<Server> server(ContainerView c) {
    return server(c.image().orElse(null));
  }

  private Optional<Server> server(String image) {
    return image == null ? Optional.empty() : cached(serverCache, image, this::serverOf);
  }

  private Optional<Server> serverOf(String image) {
    String repo = repository(image);
    if (repo.isEmpty()) {
      return Optional.empty();
    }
    for (Server s : servers) {
      if (s.image().find(repo)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
