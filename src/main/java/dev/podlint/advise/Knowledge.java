package dev.podlint.advise;

import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ContainerView;
import dev.podlint.model.ImageRef;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleParams;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What podlint knows about containers beyond the manifest: helpers that belong with the container
 * they serve (proxies, exporters, log shippers, reloaders...), well-known standalone servers
 * (databases, caches, queues, web and monitoring servers...), what a worker looks like, and which
 * settings make a container a proxy or an adapter of another. It is data, the parameters of
 * unrelated-services-in-pod, so a configuration can extend it.
 */
public final class Knowledge {
  /** The helper patterns of the Kubernetes guidance, which decide the role a helper gets. */
  public enum Pattern {
    /** Stands between its container and the network: a mesh, auth, TLS or database proxy (an ambassador). */
    PROXY,
    /** Presents its container's output in a standard form: a metrics exporter, a monitoring agent. */
    ADAPTER,
    /** Extends its container: a log shipper, a config reloader, git-sync, a secrets agent. */
    SIDECAR;

    static Pattern of(String text) {
      return text == null ? SIDECAR : valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A helper recognised by image repository (and tag) and/or container name.
   *
   * @param command when set, the image counts only with a command line it finds ({@code vault agent})
   * @param everyGroup the helper serves every container of its pod (a service-mesh proxy), so each
   *     workload of a split gets its own copy
   */
  public record Helper(String role, Pattern pattern, BoundedRegex image, BoundedRegex tag, BoundedRegex command,
      BoundedRegex name, boolean everyGroup) {
    /** Reads one entry of the {@code helpers} parameter. */
    public static Helper fromParam(YNode entry) {
      YMap m = mapping(entry);
      return new Helper(text(m, "role"), Pattern.of(m.string("pattern").orElse(null)), Knowledge.pattern(m, "image"),
          Knowledge.pattern(m, "tag"), Knowledge.pattern(m, "command"), Knowledge.pattern(m, "name"),
          flag(m, "everyGroup"));
    }
  }

  /**
   * A standalone server recognised by image repository (and tag).
   *
   * @param stateful keeps data (database, queue, search): scales and fails differently from a web tier
   * @param fastcgi speaks FastCGI to a web server beside it (php-fpm), not HTTP to clients: the two
   *     are one service
   */
  public record Server(String kind, boolean stateful, boolean fastcgi, BoundedRegex image, BoundedRegex tag) {
    /** Reads one entry of the {@code servers} parameter. */
    public static Server fromParam(YNode entry) {
      YMap m = mapping(entry);
      return new Server(text(m, "kind"), flag(m, "stateful"), flag(m, "fastcgi"), pattern(m, "image"),
          pattern(m, "tag"));
    }
  }

  /** What a worker (a long-running container that serves no port) looks like: by name, image, command line or env. */
  public record Worker(String kind, BoundedRegex name, BoundedRegex image, BoundedRegex command, BoundedRegex env) {
    /** Reads one entry of the {@code workers} parameter. */
    public static Worker fromParam(YNode entry) {
      YMap m = mapping(entry);
      return new Worker(text(m, "kind"), pattern(m, "name"), pattern(m, "image"), pattern(m, "command"),
          pattern(m, "env"));
    }
  }

  /**
   * Which settings of a {@code localhost} reference make it a helper's link (see {@link Links}).
   *
   * @param forward a flag or variable whose value is where the container forwards its traffic
   *     ({@code --upstream}): the container is a proxy in front of the one it reaches
   * @param proxy a variable or flag that names the container's own proxy ({@code HTTP_PROXY}): the
   *     one it reaches is its ambassador
   * @param read a setting that names what the container reads ({@code --scrape-uri})
   * @param readPath a URL path that is a status or metrics page ({@code /metrics}, {@code /stub_status})
   */
  public record LinkSettings(BoundedRegex forward, BoundedRegex proxy, BoundedRegex read, BoundedRegex readPath) {
    static final LinkSettings NONE = new LinkSettings(null, null, null, null);

    /** Reads the {@code links} parameter. */
    public static LinkSettings fromParam(YNode links) {
      YMap m = mapping(links);
      return new LinkSettings(pattern(m, "forward"), pattern(m, "proxy"), pattern(m, "read"), pattern(m, "readPath"));
    }
  }

  /** The parameters of unrelated-services-in-pod that hold the knowledge. */
  public record Params(List<Helper> helpers, List<Server> servers, List<Worker> workers, LinkSettings links) {}

  private final List<Helper> helpers;
  private final List<Server> servers;
  private final List<Worker> workers;
  private final LinkSettings links;
  /**
   * What {@link #helper} and {@link #server} found per image (and name): a pod is weighed pair by
   * pair and a run repeats the same few images, while each answer tries every pattern. Bounded:
   * past {@link #CACHE_LIMIT} entries new answers are not kept.
   */
  private final Map<ImageAndName, Optional<Helper>> helperCache = new ConcurrentHashMap<>();
  private final Map<String, Optional<Server>> serverCache = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  private record ImageAndName(String image, String commandLine, String name, boolean byName) {}

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

  public Knowledge(List<Helper> helpers, List<Server> servers, List<Worker> workers, LinkSettings links) {
    this.helpers = List.copyOf(helpers);
    this.servers = List.copyOf(servers);
    this.workers = List.copyOf(workers);
    this.links = links;
  }

  /**
   * Reads the parameters {@code helpers}, {@code servers}, {@code workers} and {@code links} of
   * {@code rule} (unrelated-services-in-pod, as configured).
   *
   * @throws IllegalArgumentException when a parameter is not usable (a bad regular expression)
   */
  public static Knowledge of(RuleDefinition rule) {
    return of(RuleParams.of(rule, Params.class));
  }

  /** The knowledge in the parameters of unrelated-services-in-pod. */
  public static Knowledge of(Params params) {
    return new Knowledge(params.helpers(), params.servers(), params.workers(),
        params.links() == null ? LinkSettings.NONE : params.links());
  }

  private static YMap mapping(YNode n) {
    if (!(n instanceof YMap m)) {
      throw new IllegalArgumentException("expected a mapping at " + n.path().describe());
    }
    return m;
  }

  private static boolean flag(YMap m, String key) {
    return m.scalar(key).flatMap(YScalar::asBoolean).orElse(false);
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

  private static String tag(String image) {
    String t = ImageRef.split(image).tag();
    return t == null ? "" : t;
  }

  private static boolean matches(BoundedRegex image, BoundedRegex tag, String reference) {
    if (image == null || reference == null) {
      return false;
    }
    String repo = repository(reference);
    return !repo.isEmpty() && image.find(repo) && (tag == null || tag.find(tag(reference)));
  }

  /**
   * The helper role of {@code c}: by image first, then by container name unless the image is a
   * well-known server.
   */
  public Optional<Helper> helper(ContainerView c) {
    return cached(helperCache, new ImageAndName(c.image().orElse(null), Roles.commandLine(c),
        c.node().string("name").orElse(""), true), this::helper);
  }

  /** The helper role of {@code c} by its image alone. */
  public Optional<Helper> helperByImage(ContainerView c) {
    return cached(helperCache, new ImageAndName(c.image().orElse(null), Roles.commandLine(c), "", false),
        this::helper);
  }

  private Optional<Helper> helper(ImageAndName c) {
    for (Helper h : helpers) {
      if (matches(h.image(), h.tag(), c.image()) && (h.command() == null || h.command().find(c.commandLine()))) {
        return Optional.of(h);
      }
    }
    if (!c.byName() || server(c.image()).isPresent()) {
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
    for (Server s : servers) {
      if (matches(s.image(), s.tag(), image)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * What says {@code c} is a worker: the first entry whose name, image, command line (command
   * and args joined by spaces) or env pattern finds it, as a clause ({@code runs "celery worker"}).
   *
   * @param env the names of the container's variables
   */
  public Optional<String> worker(ContainerView c, String commandLine, List<String> env) {
    String name = c.node().string("name").orElse("");
    String repo = c.image().map(Knowledge::repository).orElse("");
    for (Worker w : workers) {
      if (w.command() != null && !commandLine.isEmpty() && w.command().find(commandLine)) {
        return Optional.of("runs \"" + shorten(commandLine) + "\" (" + article(w.kind()) + ")");
      }
      if (w.name() != null && !name.isEmpty() && w.name().find(name)) {
        return Optional.of("is named like " + article(w.kind()));
      }
      if (w.image() != null && !repo.isEmpty() && w.image().find(repo)) {
        return Optional.of("runs image " + repo + ", named like " + article(w.kind()));
      }
      for (String e : env) {
        if (w.env() != null && w.env().find(e)) {
          return Optional.of("reads " + e + " (" + article(w.kind()) + "'s setting)");
        }
      }
    }
    return Optional.empty();
  }

  private static String article(String noun) {
    return Role.article(noun);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Which settings make a reference a helper's link. */
  public LinkSettings links() {
    return links;
  }
}
