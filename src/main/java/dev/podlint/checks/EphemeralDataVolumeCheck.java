package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.ImageRef;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * ephemeral-data-volume: a recognised database or queue (the rule's {@code dataStores} parameter)
 * whose data directory is on an emptyDir or generic ephemeral volume (reported at the
 * volumeMount's {@code mountPath}, related: the volume's source key) or on no volume at all
 * (reported at the container's item). Regular containers and native sidecars; classic init
 * containers only wait for or seed databases.
 *
 * <p>The data directories are those of a {@code dataDirArg} argument when the container passes
 * one, else those of a {@code dataDirEnv} variable it sets, each of which must be persistent;
 * else the store's {@code dataDirs}, of which one persistent suffices (official and Bitnami
 * images use different ones). A setting podlint cannot read (valueFrom, {@code $(VAR)}, a
 * template, a MinIO {@code {1...4}} expansion) skips the container, as do unrendered templates in
 * the image or a volume mount.
 */
public final class EphemeralDataVolumeCheck implements Check.ContainerCheck {

  /** One entry of the {@code dataStores} parameter. */
  public record DataStore(String name, List<BoundedRegex> images, List<String> dataDirs, List<String> dataDirEnv,
      String dataDirArg) {
    public DataStore {
      images = List.copyOf(images);
      dataDirs = List.copyOf(dataDirs);
      dataDirEnv = List.copyOf(dataDirEnv);
    }

    /** Reads one entry of the {@code dataStores} parameter. */
    public static DataStore fromParam(YNode item) {
      if (!(item instanceof YMap m)) {
        throw new IllegalArgumentException("each dataStores entry must be a mapping");
      }
      String name = m.string("name").orElseThrow(() -> new IllegalArgumentException("a dataStores entry needs a name"));
      List<BoundedRegex> images = new ArrayList<>();
      for (YScalar p : m.seq("images").map(YSeq::items).orElse(List.of()).stream()
          .filter(n -> n instanceof YScalar s && s.isString()).map(n -> (YScalar) n).toList()) {
        try {
          images.add(BoundedRegex.compile(p.value(), "parameter " + p.path().describe() + " at " + p.span().start()));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("dataStores " + name + ": bad image pattern " + p.value() + ": " + e.getDescription(), e);
        }
      }
      return new DataStore(name, images, strings(m, "dataDirs").stream().map(EphemeralDataVolumeCheck::normalize).toList(),
          strings(m, "dataDirEnv"), m.string("dataDirArg").orElse(null));
    }

    boolean matches(String repository) {
      return images.stream().anyMatch(p -> p.find(repository));
    }
  }

  private final List<DataStore> stores;

  /** The rule's parameters. */
  public record Params(List<DataStore> dataStores) {}

  public EphemeralDataVolumeCheck(Params params) {
    this.stores = params.dataStores();
  }

  private static List<String> strings(YMap m, String key) {
    List<String> out = new ArrayList<>();
    m.seq(key).ifPresent(s -> s.items().forEach(n -> {
      if (n instanceof YScalar sc && !sc.isNull()) {
        out.add(sc.value());
      }
    }));
    return out;
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    if (c.role() == ContainerRole.INIT) {
      return;
    }
    Optional<String> image = c.image();
    if (image.isEmpty() || Templates.isUnrendered(image.get())) {
      return;
    }
    String repository = repository(image.get());
    DataStore store = stores.stream().filter(s -> s.matches(repository)).findFirst().orElse(null);
    if (store == null) {
      return;
    }
    if (onlyIdles(c)) {
      return; // a client or toolbox pod built on the database image: the server never starts
    }
    List<Mount> mounts = mounts(c);
    if (mounts == null) {
      return;
    }
    List<String> explicit = explicitDirs(store, c);
    if (explicit == null) {
      return; // the data directory is set in a way podlint cannot read
    }
    Volumes volumes = new Volumes(pod);
    if (!explicit.isEmpty()) {
      for (String dir : explicit) {
        if (report(c, store, dir, mounts, volumes, out)) {
          return;
        }
      }
      return;
    }
    // the store's usual directories: one on persistent storage suffices
    Problem first = null;
    for (String dir : store.dataDirs()) {
      Problem p = judge(dir, mounts, volumes);
      if (p == null) {
        return;
      }
      if (p.mount != null && (first == null || first.mount == null)) {
        first = p;
      }
    }
    if (first == null) {
      first = new Problem(preferredDir(store, repository), null, null);
    }
    emit(c, store, first, out);
  }

  /** Judges one directory that must be persistent; true when it was reported. */
  private static boolean report(ContainerView c, DataStore store, String dir, List<Mount> mounts, Volumes volumes,
      Findings out) {
    Problem p = judge(dir, mounts, volumes);
    if (p == null) {
      return false;
    }
    emit(c, store, p, out);
    return true;
  }

  /** Why the data in {@code dir} is lost with the pod: its ephemeral mount, or no mount at all. */
  private record Problem(String dir, Mount mount, Volumes.Source source) {}

  /** Null when {@code dir} is on persistent (or unknown) storage. */
  private static Problem judge(String dir, List<Mount> mounts, Volumes volumes) {
    Mount covering = null;
    for (Mount m : mounts) {
      if (covers(m.path, dir) && (covering == null || m.path.length() >= covering.path.length())) {
        covering = m;
      }
    }
    if (covering == null) {
      return new Problem(dir, null, null);
    }
    Volumes.Source source = volumes.source(covering.name);
    return source == null ? null : new Problem(dir, covering, source);
  }

  private static void emit(ContainerView c, DataStore store, Problem p, Findings out) {
    if (p.mount == null) {
      out.at(c.node()).variant("containerFilesystem")
          .arg("container", c.name()).arg("store", store.name()).arg("path", p.dir).report();
      return;
    }
    out.at(p.mount.pathNode).variant(p.source.variant())
        .arg("container", c.name()).arg("store", store.name()).arg("path", p.dir).arg("volume", p.mount.name)
        .arg("source", p.source.description())
        .related(p.source.node())
        .report();
  }

  /** A volume mount of the container: its volume name and normalised path. */
  private record Mount(String name, String path, YScalar pathNode) {}

  /** The container's mounts, or null when one cannot be read (an unrendered template). */
  private static List<Mount> mounts(ContainerView c) {
    List<Mount> out = new ArrayList<>();
    for (YMap m : c.node().maps("volumeMounts")) {
      Optional<YScalar> path = m.scalar("mountPath").filter(s -> !s.isNull());
      Optional<String> name = m.string("name");
      if (path.isEmpty() || name.isEmpty()) {
        continue; // invalid; schema-violation reports it
      }
      if (Templates.isUnrendered(path.get().value()) || Templates.isUnrendered(name.get())) {
        return null;
      }
      if (path.get().value().startsWith("/")) {
        out.add(new Mount(name.get(), normalize(path.get().value()), path.get()));
      }
    }
    return out;
  }

  /** The volumes of the pod by name, with StatefulSet claim templates, classified. */
  private static final class Volumes {
    /** An ephemeral volume source: the node to point at and how to name it. */
    record Source(String variant, YNode node, String description) {}

    private final PodView pod;

    Volumes(PodView pod) {
      this.pod = pod;
    }

    /** The ephemeral source of volume {@code name}, or null when it is persistent or unknown. */
    Source source(String name) {
      if (pod.object().kind().equals("StatefulSet")) {
        boolean claimed = pod.object().root().mapAt("spec").map(s -> s.maps("volumeClaimTemplates")).orElse(List.of())
            .stream().anyMatch(t -> t.mapAt("metadata").flatMap(md -> md.string("name")).map(name::equals).orElse(false));
        if (claimed) {
          return null; // the StatefulSet controller gives the pod a claim of that name
        }
      }
      YMap volume = null;
      for (YMap v : pod.spec().maps("volumes")) {
        if (v.string("name").map(name::equals).orElse(false)) {
          volume = v; // the last one counts, as for duplicate keys
        }
      }
      if (volume == null) {
        return null; // not declared here: the API server rejects the pod, schema rules report it
      }
      Optional<YMap.Entry> emptyDir = volume.entry("emptyDir");
      if (emptyDir.isPresent() && !isNull(emptyDir.get().value())) {
        return new Source("emptyDir", emptyDir.get().key(), "an emptyDir");
      }
      Optional<YMap.Entry> ephemeral = volume.entry("ephemeral");
      if (ephemeral.isPresent() && !isNull(ephemeral.get().value())) {
        return new Source("ephemeralVolume", ephemeral.get().key(), "a generic ephemeral volume");
      }
      boolean hasSource = volume.effectiveEntries().stream()
          .anyMatch(e -> !e.key().value().equals("name") && !isNull(e.value()));
      if (!hasSource) {
        // the API server defaults a volume without a source to an emptyDir
        return new Source("emptyDir", emptyDir.<YNode>map(YMap.Entry::key).orElse(volume),
            "an emptyDir (a volume without a source defaults to one)");
      }
      return null;
    }
  }

  private static boolean isNull(YNode n) {
    return n instanceof YScalar s && s.isNull();
  }

  /**
   * The directories the container sets with the store's argument or environment variable: empty
   * when it sets none (the store's defaults apply), null when it sets them in a way podlint cannot
   * read.
   */
  private static List<String> explicitDirs(DataStore store, ContainerView c) {
    if (store.dataDirArg() != null) {
      List<String> tokens = new ArrayList<>();
      c.commandAndArgs((key, s) -> {
        for (String t : s.value().trim().split("\\s+")) {
          if (!t.isEmpty()) {
            tokens.add(unquote(t));
          }
        }
      });
      List<String> values = argumentValues(store.dataDirArg(), tokens);
      if (values == null) {
        return null;
      }
      if (!values.isEmpty()) {
        return dirs(values);
      }
    }
    for (String var : store.dataDirEnv()) {
      YMap entry = null;
      for (YMap e : c.node().maps("env")) {
        if (e.string("name").map(var::equals).orElse(false)) {
          entry = e;
        }
      }
      if (entry == null) {
        continue;
      }
      if (entry.get("valueFrom").filter(v -> !(v instanceof YScalar s && s.isNull())).isPresent()) {
        return null;
      }
      String value = entry.string("value").orElse("").trim();
      if (value.isEmpty()) {
        continue;
      }
      return dirs(Arrays.asList(value.split("[,\\s]+")));
    }
    return List.of();
  }

  /** Values as directories, or null when one cannot be read (or none is left). */
  private static List<String> dirs(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      String d = v;
      int scheme = d.indexOf("://");
      if (scheme >= 0) {
        int slash = d.indexOf('/', scheme + 3);
        if (slash < 0) {
          return null; // a URL without a path names no directory
        }
        d = d.substring(slash);
      }
      if (d.isEmpty()) {
        continue;
      }
      if (!d.startsWith("/") || d.contains("{") || d.contains("$") || d.contains("*")) {
        return null; // relative to an unknown working directory, an expansion or a variable
      }
      out.add(normalize(d));
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * The values of {@code arg} in {@code tokens}: for an option ({@code --data-dir}) the value of
   * {@code --data-dir=X} or {@code --data-dir X}; for a subcommand ({@code server}) the path
   * arguments after it, skipping options and their values. Null when the value is a variable.
   */
  static List<String> argumentValues(String arg, List<String> tokens) {
    List<String> out = new ArrayList<>();
    boolean option = arg.startsWith("-");
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (option) {
        String value = null;
        if (t.startsWith(arg + "=")) {
          value = t.substring(arg.length() + 1);
        } else if (t.equals(arg) && i + 1 < tokens.size()) {
          value = tokens.get(++i);
        }
        if (value != null) {
          out.clear(); // the last occurrence wins, as with Go's flag package
          out.add(value);
        }
      } else if (t.equals(arg)) {
        out.clear();
        for (int j = i + 1; j < tokens.size(); j++) {
          String a = tokens.get(j);
          if (a.equals("&&") || a.equals(";") || a.equals("|") || a.endsWith(";")) {
            break;
          }
          if (a.startsWith("-")) {
            if (!a.contains("=")) {
              j++; // an option's separate value, such as --console-address :9001
            }
            continue;
          }
          if (a.startsWith("/") || a.contains("://") || a.startsWith("$")) {
            out.add(a);
          }
        }
      }
    }
    for (String v : out) {
      if (Templates.isUnrendered(v) || v.startsWith("$")) {
        return null;
      }
    }
    return out;
  }

  /** The programs a container runs to do nothing: {@code sleep 3600}, {@code tail -f /dev/null}. */
  private static final Pattern IDLE = Pattern.compile(
      "(exec )?(sleep \\S+|pause|cat|tail -f /dev/null|while (true|:) ?; ?do sleep \\S+ ?;? ?done"
          + "|trap \\S+ \\S+( \\S+)* ?; ?sleep infinity ?& ?wait)( ?;)?");
  private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "bash", "ash", "dash", "zsh");

  /**
   * Whether the container only idles, replacing the image's server with {@code sleep} or the like
   * (in {@code command}, in {@code args}, which the official images' entrypoints run, or in a
   * {@code sh -c} script): a client or toolbox container, typically for {@code kubectl exec}.
   */
  static boolean onlyIdles(ContainerView c) {
    List<String> words = new ArrayList<>();
    c.commandAndArgs((key, s) -> words.add(s.value()));
    if (words.isEmpty()) {
      return false;
    }
    String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
    String line;
    if (SHELLS.contains(program) && words.size() >= 3 && words.get(1).matches("-[a-z]*c")) {
      line = String.join(" ", words.subList(2, words.size()));
    } else {
      line = String.join(" ", words);
    }
    line = line.trim().replaceAll("\\s+", " ");
    int space = line.indexOf(' ');
    String first = space < 0 ? line : line.substring(0, space);
    if (first.contains("/")) {
      line = line.substring(first.lastIndexOf('/') + 1); // /bin/sleep is sleep
    }
    return IDLE.matcher(line).matches();
  }

  private static String unquote(String t) {
    String s = t;
    while (!s.isEmpty() && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
      s = s.substring(1);
    }
    while (!s.isEmpty() && (s.endsWith("\"") || s.endsWith("'"))) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /**
   * The dir named in a message when no volume is mounted: the one whose top directory is a
   * segment of the image repository (Bitnami images keep data under {@code /bitnami}), else the
   * first.
   */
  private static String preferredDir(DataStore store, String repository) {
    List<String> segments = Arrays.asList(repository.split("/"));
    for (String d : store.dataDirs()) {
      String top = d.substring(1).split("/")[0];
      if (segments.contains(top)) {
        return d;
      }
    }
    return store.dataDirs().get(0);
  }

  /**
   * The repository path of an image reference without registry host, tag and digest:
   * {@code docker.io/bitnami/postgresql:16@sha256:...} is {@code bitnami/postgresql}.
   */
  static String repository(String image) {
    return ImageRef.split(image).repository().toLowerCase(Locale.ROOT);
  }

  /** {@code path} without repeated and trailing slashes. */
  static String normalize(String path) {
    String p = path.replaceAll("/+", "/");
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** Whether a mount at {@code mount} holds {@code dir}: the same path or a parent directory. */
  static boolean covers(String mount, String dir) {
    return mount.equals(dir) || mount.equals("/") || dir.startsWith(mount + "/");
  }
}
