package dev.podlint.rule;

import dev.podlint.load.FileReads;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.YamlSyntaxException;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.schema.RuleFileSchema;
import dev.podlint.schema.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every rule podlint knows: its own from the {@code rules/*.yaml} files, as the build stored them
 * ({@link RuleCatalogFile}), and a user's from their rule directories. Lookups accept a rule's name
 * or its id.
 */
public final class RuleCatalog {
  private static final Pattern FILE_NAME = Pattern.compile("(PL\\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.yaml");
  private static volatile RuleCatalog builtin;

  private final List<RuleDefinition> rules;
  private final Map<String, RuleDefinition> byKey = new HashMap<>();

  public RuleCatalog(List<RuleDefinition> rules) {
    List<RuleDefinition> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(RuleDefinition::isCustom).thenComparing(RuleDefinition::id)); // podlint's first
    this.rules = Collections.unmodifiableList(sorted);
    for (RuleDefinition r : sorted) {
      for (String key : List.of(r.id(), r.name())) {
        RuleDefinition prev = byKey.put(key.toLowerCase(Locale.ROOT), r);
        if (prev != null && prev != r) {
          RuleDefinition user = r.isCustom() ? r : prev;
          RuleDefinition other = user == r ? prev : r;
          throw new RuleFormatException(user.fileName(), "id or name '" + key + "' is already used by "
              + (other.isCustom() ? other.fileName() : "podlint's rule " + other.label())
              + "; every rule needs its own id and name");
        }
      }
    }
  }

  /** The rules shipped inside podlint. */
  public static RuleCatalog builtin() {
    RuleCatalog c = builtin;
    if (c == null) {
      synchronized (RuleCatalog.class) {
        c = builtin;
        if (c == null) {
          c = new RuleCatalog(loadBuiltinRules());
          builtin = c;
        }
      }
    }
    return c;
  }

  public List<RuleDefinition> all() {
    return rules;
  }

  /** A rule by name or id, ignoring case. */
  public Optional<RuleDefinition> find(String nameOrId) {
    return Optional.ofNullable(byKey.get(nameOrId.trim().toLowerCase(Locale.ROOT)));
  }

  public RuleDefinition get(String nameOrId) {
    return find(nameOrId).orElseThrow(() -> new IllegalArgumentException("unknown rule '" + nameOrId + "'"));
  }

  /**
   * This catalog plus the user rules in {@code directories} (relative ones are resolved against
   * the working directory of the process). See {@link #withDirectories(List, Path)}.
   */
  public RuleCatalog withDirectories(List<Path> directories) {
    return withDirectories(directories, Path.of("").toAbsolutePath());
  }

  /**
   * This catalog plus the user rules in {@code directories}: every {@code *.yaml} and
   * {@code *.yml} file directly inside each (subdirectories and hidden files are not read, so
   * test manifests can sit beside the rules). A user rule must be declarative
   * ({@code engine: schema}), its id must not start with {@code PL} (podlint's own), and neither
   * id nor name may be taken. Files are shown as the directory was given.
   *
   * @param base what relative directories are resolved against (the working directory)
   * @throws RuleFormatException naming the file, line, column and field of each problem
   */
  public RuleCatalog withDirectories(List<Path> directories, Path base) {
    if (directories.isEmpty()) {
      return this;
    }
    List<RuleDefinition> all = new ArrayList<>(rules);
    ManifestLoader yaml = new ManifestLoader();
    for (Path dir : directories) {
      Path resolved = base.resolve(dir);
      if (!Files.isDirectory(resolved)) {
        throw new RuleFormatException(dir.toString(), Files.exists(resolved) ? "not a directory"
            : "no such directory");
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(resolved)) {
        files = s.filter(p -> {
          String n = p.getFileName().toString();
          return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml")) && !Files.isDirectory(p);
        }).sorted().toList();
      } catch (IOException e) {
        throw new RuleFormatException(dir.toString(), "cannot list the directory: " + e.getMessage());
      }
      if (files.isEmpty()) {
        throw new RuleFormatException(dir.toString(), "holds no rule files (*.yaml, *.yml)");
      }
      for (Path f : files) {
        String shown = dir.resolve(f.getFileName()).toString();
        String text;
        try {
          text = ManifestLoader.decodeText(FileReads.read(f, FileReads.RULE_LIMIT));
        } catch (IOException e) {
          throw new RuleFormatException(shown, "cannot read the file: " + FileReads.reason(e));
        }
        all.add(parseUserRule(yaml, shown, text));
      }
    }
    return new RuleCatalog(all);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading rule files

  /**
   * The catalogue the build made of rules/*.yaml ({@link RuleCatalogFile}); the rule files
   * themselves, parsed, only where there is none (classes compiled without Maven's
   * {@code process-classes} step, as an IDE may).
   */
  private static List<RuleDefinition> loadBuiltinRules() {
    List<RuleDefinition> rules = RuleCatalogFile.readResource();
    return rules != null ? rules : RuleCatalogFile.parseAll(listBuiltinRuleFiles());
  }

  /** File name to text of every packaged rule file, in name order. */
  static Map<String, String> listBuiltinRuleFiles() {
    Map<String, String> out = new TreeMap<>();
    try {
      Enumeration<URL> roots = RuleCatalog.class.getClassLoader().getResources("rules");
      Set<String> seen = new LinkedHashSet<>();
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        if (!seen.add(url.toString())) {
          continue;
        }
        if (url.getProtocol().equals("file")) {
          try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            for (Path p : s.sorted().toList()) {
              String n = p.getFileName().toString();
              if (n.endsWith(".yaml")) {
                out.putIfAbsent(n, Files.readString(p, StandardCharsets.UTF_8));
              }
            }
          }
        } else if (url.getProtocol().equals("jar")) {
          String spec = url.getPath();
          String jarPath = spec.substring("file:".length(), spec.indexOf("!/"));
          try (ZipFile zip = new ZipFile(Path.of(new java.net.URI("file:" + jarPath)).toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
              ZipEntry e = entries.nextElement();
              String n = e.getName();
              if (n.startsWith("rules/") && n.endsWith(".yaml") && n.indexOf('/', 6) < 0) {
                try (InputStream in = zip.getInputStream(e)) {
                  out.putIfAbsent(n.substring(6), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Parses one of podlint's own rule files; errors name the file and the field. */
  public static RuleDefinition parse(ManifestLoader yaml, String fileName, String text) {
    YMap m = parseYaml(yaml, fileName, text);
    Fields f = new Fields(fileName, m);
    String id = f.required("id");
    String name = f.required("name");
    var fm = FILE_NAME.matcher(fileName);
    if (!fm.matches() || !fm.group(1).equals(id) || !fm.group(2).equals(name)) {
      throw new RuleFormatException(fileName, "the file must be named " + id + "-" + name + ".yaml");
    }
    return build(fileName, m, false);
  }

  /**
   * Parses a user's rule file: validated against {@code schemas/rule.schema.json} and checked as
   * a declarative rule, its JSON Schemas compiled, so that a rule that cannot work is refused up
   * front with the line, column and field of every problem.
   */
  public static RuleDefinition parseUserRule(ManifestLoader yaml, String fileName, String text) {
    YMap m = parseYaml(yaml, fileName, text);
    // what makes it a user rule first: the schema's demands on podlint's own rules would only confuse
    List<RuleFormatException.Problem> problems = new ArrayList<>();
    m.scalar("id").filter(id -> id.value().startsWith("PL")).ifPresent(id -> problems.add(
        new RuleFormatException.Problem(id, "id", "ids starting with PL are reserved for podlint's own rules; use "
            + "a prefix of your own, such as ACME001")));
    m.scalar("engine").filter(e -> !e.value().equals(Engine.SCHEMA.label())).ifPresent(e -> problems.add(
        new RuleFormatException.Problem(e, "engine", "user rules are declarative: use engine: schema with a match "
            + "block (java and core rules are built into podlint)")));
    if (!problems.isEmpty()) {
      throw RuleFormatException.of(fileName, problems);
    }
    for (Violation v : RuleFileSchema.validate(m)) {
      problems.add(new RuleFormatException.Problem(v.node(), v.field(), v.problem()));
    }
    if (!problems.isEmpty()) {
      throw RuleFormatException.of(fileName, problems);
    }
    RuleDefinition rule = build(fileName, m, true);
    DeclarativeRules.compileAll(fileName, rule);
    return rule;
  }

  private static YMap parseYaml(ManifestLoader yaml, String fileName, String text) {
    YNode root;
    try {
      root = yaml.parseDocument(text);
    } catch (YamlSyntaxException e) {
      throw new RuleFormatException(fileName + ":" + e.error().position(), e.error().problem());
    }
    if (!(root instanceof YMap m)) {
      throw new RuleFormatException(fileName, "a rule file must be a mapping");
    }
    return m;
  }

  private static RuleDefinition build(String fileName, YMap m, boolean user) {
    Fields f = new Fields(fileName, m);
    String id = f.required("id");
    String name = f.required("name");
    Map<String, RuleDefinition.Variant> variants = new LinkedHashMap<>();
    m.map("variants").ifPresent(vs -> vs.entries().forEach(e -> {
      if (!(e.value() instanceof YMap vm)) {
        throw new RuleFormatException(fileName, "variants." + e.key().value() + " must be a mapping");
      }
      Fields vf = new Fields(fileName + ": variants." + e.key().value(), vm);
      String sev = vf.optional("severity");
      variants.put(e.key().value(), new RuleDefinition.Variant(
          sev == null ? null : vf.severity(sev, "severity"), vf.required("message")));
    }));
    List<RuleDefinition.Reference> refs = new ArrayList<>();
    for (YMap r : m.maps("references")) {
      Fields rf = new Fields(fileName + ": references", r);
      refs.add(new RuleDefinition.Reference(rf.required("title"), rf.required("url")));
    }
    Optional<YMap> examples = m.map("examples");
    if (examples.isEmpty() && !user) {
      throw new RuleFormatException(fileName, "missing field 'examples'");
    }
    Fields ex = examples.map(e -> new Fields(fileName + ": examples", e)).orElse(null);
    Set<String> kinds = new LinkedHashSet<>();
    YSeq applies = m.seq("appliesTo")
        .orElseThrow(() -> new RuleFormatException(fileName, "missing list 'appliesTo'"));
    for (YNode k : applies.items()) {
      if (!(k instanceof YScalar s) || !s.isString()) {
        throw new RuleFormatException(fileName, "appliesTo must list kind names");
      }
      kinds.add(s.value());
    }
    Engine engine = f.word("engine", Engine.class);
    RuleDefinition.Match match = DeclarativeRules.match(fileName, m, engine, kinds, user);
    RuleDefinition rule = new RuleDefinition(
        id, name, f.required("title"), f.severity(f.required("severity"), "severity"),
        f.word("category", Category.class), f.word("kind", RuleKind.class),
        f.optional("precision") == null ? null : f.word("precision", Precision.class),
        f.bool("enabledByDefault"), user ? f.optional("since") : f.required("since"), Collections.unmodifiableSet(kinds),
        engine, f.required("message"), f.optional("relatedMessage"), Collections.unmodifiableMap(variants),
        f.required("rationale").strip(), f.required("remediation").strip(), stripOrNull(f.optional("help")),
        List.copyOf(refs), ex == null ? null : ex.required("bad"), ex == null ? null : ex.required("good"),
        f.optional("oncePerRun") != null && f.bool("oncePerRun"),
        f.optional("dependsOnKubernetesVersion") != null && f.bool("dependsOnKubernetesVersion"),
        f.optional("redactsFixes") != null && f.bool("redactsFixes"), f.optional("alwaysOn") != null && f.bool("alwaysOn"),
        stripOrNull(f.optional("suppression")), params(fileName, m), match, tags(fileName, m), fileName);
    if (match != null) {
      DeclarativeRules.checkMessages(fileName, m, rule);
    }
    return rule;
  }

  /** The {@code params} schema; every property must carry a description and a default. */
  private static YMap params(String fileName, YMap m) {
    Optional<YNode> n = m.get("params");
    if (n.isEmpty()) {
      return null;
    }
    if (!(n.get() instanceof YMap p)) {
      throw new RuleFormatException(fileName, "params must be a JSON Schema object");
    }
    YMap props = p.map("properties")
        .orElseThrow(() -> new RuleFormatException(fileName, "params must declare 'properties'"));
    for (YMap.Entry e : props.entries()) {
      if (!(e.value() instanceof YMap prop) || prop.get("default").isEmpty() || prop.get("description").isEmpty()) {
        throw new RuleFormatException(fileName, "params.properties." + e.key().value()
            + " needs a 'description' and a 'default'");
      }
    }
    return p;
  }

  /** The {@code tags}: a list of words, kept in file order. */
  private static List<String> tags(String fileName, YMap m) {
    Optional<YNode> n = m.get("tags");
    if (n.isEmpty() || n.get() instanceof YScalar s && s.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YNode t : n.get() instanceof YSeq seq ? seq.items() : List.of(n.get())) {
      if (!(t instanceof YScalar s) || !s.isString() || s.value().isBlank() || !(n.get() instanceof YSeq)) {
        throw RuleFormatException.at(fileName, t, "tags", "expected a list of words");
      }
      out.add(s.value().strip());
    }
    return List.copyOf(out);
  }

  private static String stripOrNull(String s) {
    return s == null ? null : s.strip();
  }

  /** Typed access to a rule file's fields with messages that name file and field. */
  private record Fields(String file, YMap map) {
    String required(String key) {
      String v = optional(key);
      if (v == null || v.isBlank()) {
        throw new RuleFormatException(file, "missing field '" + key + "'");
      }
      return v;
    }

    String optional(String key) {
      Optional<YNode> n = map.get(key);
      if (n.isEmpty() || n.get() instanceof YScalar s && s.isNull()) {
        return null;
      }
      if (!(n.get() instanceof YScalar s)) {
        throw new RuleFormatException(file, "field '" + key + "' must be a scalar");
      }
      return s.value();
    }

    boolean bool(String key) {
      String v = required(key);
      if (!v.equals("true") && !v.equals("false")) {
        throw new RuleFormatException(file, "field '" + key + "' must be true or false");
      }
      return Boolean.parseBoolean(v);
    }

    /** A word of a closed vocabulary, or a located problem that lists the words. */
    <E extends Enum<E> & Vocabulary> E word(String key, Class<E> type) {
      String v = required(key);
      return Vocabulary.parse(type, v).orElseThrow(() -> RuleFormatException.at(file, map.get(key).orElseThrow(),
          key, "expected one of " + String.join(", ", Vocabulary.labels(type)) + ", got '" + v + "'"));
    }

    Severity severity(String v, String key) {
      try {
        return Severity.parse(v);
      } catch (IllegalArgumentException e) {
        throw new RuleFormatException(file, "field '" + key + "': " + e.getMessage());
      }
    }
  }
}
