package dev.podlint.config;

import dev.podlint.engine.CheckFactory;
import dev.podlint.engine.Exemption;
import dev.podlint.engine.LintOptions;
import dev.podlint.load.FileReads;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.YamlSyntaxException;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.DuplicateKeys;
import dev.podlint.model.EditDistance;
import dev.podlint.model.Position;
import dev.podlint.model.Span;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.model.YTree;
import dev.podlint.rule.Engine;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleParams;
import dev.podlint.rule.Severity;
import dev.podlint.schema.JsonSchema;
import dev.podlint.schema.SchemaValidator;
import dev.podlint.schema.Violation;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A configuration file as read: parsed with podlint's position-aware loader and checked against
 * {@code schemas/config.schema.json} and everything that does not depend on which rules exist.
 * {@link #resolve} then checks the rule settings against a catalog and gives the
 * {@link Configuration} of a run, or every problem found in the file.
 *
 * <p>Reading happens in two steps so that a caller can load the custom rules of
 * {@link #ruleDirectories()} into the catalog before the rule names are checked.
 */
public final class ConfigFile {
  private static final String SCHEMA = "/schemas/config.schema.json";
  private static volatile JsonSchema schema;

  /** The words a level may be written as (an unquoted on or off is a YAML 1.1 boolean, taken alike). */
  static final List<String> LEVELS = List.of("off", "on", "note", "warning", "error");

  private static final List<String> CRITERIA = List.of("rules", "kinds", "namespaces", "names", "containers");

  private final Path path;
  private final String display;
  private final Path dir;
  private final YMap root;
  private final List<ConfigProblem> problems = new ArrayList<>();
  /** Nodes whose schema violations are replaced by podlint's own, more specific, messages. */
  private final Set<YNode> ownMessages = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Path> ruleDirectories = new ArrayList<>();
  /** What {@link #resolve} validates Java rules' parameters with: the records their checks read them as. */
  private CheckFactory checks;
  private final List<Exclusions.Exclude> excludes = new ArrayList<>();
  private String failOn;
  private String show;
  private String kubernetesVersion;
  private Boolean strictKinds;
  /** Whether rules that {@code rules:} does not name keep their default (true) or are off (false). */
  private boolean defaultRules = true;
  private List<WorkloadKind> workloadKinds = List.of();

  private ConfigFile(Path path, String display, YMap root) {
    this.path = path;
    this.display = display;
    this.dir = path.toAbsolutePath().normalize().getParent();
    this.root = root;
  }

  /**
   * Reads and checks a configuration file.
   *
   * @param workingDir the directory the file's name is shown relative to in messages
   * @throws ConfigException when the file cannot be read or is not valid YAML (problems of its
   *     content are collected and thrown by {@link #resolve})
   */
  public static ConfigFile read(Path file, Path workingDir) {
    String display = display(file, workingDir);
    String text;
    byte[] bytes;
    try {
      bytes = FileReads.read(file, FileReads.CONFIG_LIMIT);
    } catch (NoSuchFileException e) {
      throw new ConfigException(new ConfigProblem(display, null, "cannot read the configuration: no such file"));
    } catch (AccessDeniedException e) {
      throw new ConfigException(new ConfigProblem(display, null, "cannot read the configuration: permission denied"));
    } catch (IOException e) {
      throw new ConfigException(new ConfigProblem(display, null, "cannot read the configuration: "
          + FileReads.reason(e)));
    }
    try {
      text = ManifestLoader.decodeText(bytes);
    } catch (IOException e) {
      // "<what> at <line>:<col>": the position goes where every other problem has it
      java.util.regex.Matcher m = Pattern.compile("(.*) at (\\d+):(\\d+)$").matcher(String.valueOf(e.getMessage()));
      throw new ConfigException(m.matches()
          ? new ConfigProblem(display, new Position(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
              m.group(1))
          : new ConfigProblem(display, null, String.valueOf(e.getMessage())));
    }
    return parse(file, display, text);
  }

  /** Checks configuration text that claims to come from {@code file} (tests, editors). */
  public static ConfigFile parse(Path file, String display, String text) {
    List<YNode> docs;
    try {
      docs = new ManifestLoader().parseDocuments(text);
    } catch (YamlSyntaxException e) {
      throw new ConfigException(new ConfigProblem(display, e.error().position(), e.error().problem()));
    }
    YMap empty = new YMap(List.of(), Span.point(1, 1), YPath.ROOT);
    YNode first = docs.isEmpty() ? empty : docs.get(0);
    ConfigFile c = new ConfigFile(file, display, first instanceof YMap m ? m : empty);
    if (docs.size() > 1) {
      c.problem(docs.get(1).span().start(), "a configuration file holds one YAML document, this one holds "
          + docs.size());
    }
    if (!(first instanceof YMap) && !(first instanceof YScalar s && s.isNull())) {
      c.problem(first.span().start(), "the configuration must be a mapping of settings, got "
          + SchemaValidator.describe(first));
      return c;
    }
    c.check();
    return c;
  }

  /** {@code path} as shown in messages: relative to the working directory. */
  static String display(Path file, Path workingDir) {
    Path abs = file.toAbsolutePath().normalize();
    Path wd = workingDir.toAbsolutePath().normalize();
    try {
      String rel = wd.relativize(abs).toString().replace('\\', '/');
      return rel.isEmpty() ? abs.toString() : rel;
    } catch (IllegalArgumentException e) {
      return abs.toString(); // another drive
    }
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The file as shown in messages. */
  public String displayName() {
    return display;
  }

  /**
   * The custom rule directories the file names, as absolute paths, in order. Each exists; a
   * missing one is a problem of the file.
   */
  public List<Path> ruleDirectories() {
    return List.copyOf(ruleDirectories);
  }

  // ---------------------------------------------------------------------------------------------
  // Checks that need no rule catalog

  private void check() {
    duplicateKeys();
    for (YMap.Entry e : root.effectiveEntries()) {
      if (e.key().value().equals("rules") && e.value() instanceof YMap rules) {
        for (YMap.Entry r : rules.effectiveEntries()) {
          YNode v = r.value();
          if (!(v instanceof YMap)) {
            ownMessages.add(v);
          } else {
            ((YMap) v).get("level").ifPresent(ownMessages::add);
          }
        }
      }
    }
    for (Violation v : schema().validate(root)) {
      if (ownMessages.contains(v.node())) {
        continue;
      }
      String problem = v.problem();
      if (v.field().equals("kubernetesVersion") && v.node() instanceof YScalar s && !s.isString() && !s.isNull()) {
        problem = "expected a quoted string such as \"" + LintOptions.KUBERNETES_VERSIONS.get(
            LintOptions.KUBERNETES_VERSIONS.size() - 1) + "\", got " + SchemaValidator.describe(s)
            + " (YAML reads an unquoted version as a number: 1.30 would be 1.3)";
      }
      problem(v.node().span().start(), v.field() + ": " + problem + enumHint(v));
    }
    for (YMap.Entry e : root.effectiveEntries()) {
      YNode v = e.value();
      switch (e.key().value()) {
        case "failOn" -> failOn = string(v);
        case "show" -> show = string(v);
        case "kubernetesVersion" -> kubernetesVersion = v instanceof YScalar s && s.isString()
            && LintOptions.KUBERNETES_VERSIONS.contains(s.value()) ? s.value() : null;
        case "strictKinds" -> strictKinds = v instanceof YScalar s ? s.asBoolean().orElse(null) : null;
        case "defaultRules" -> defaultRules = !(v instanceof YScalar s && s.asBoolean().isPresent()
            && !s.asBoolean().get());
        case "exclude" -> excludes(v);
        case "workloadKinds" -> workloadKinds = DeclaredKinds.read(v, this::problem);
        case "ruleDirectories" -> ruleDirectories(v);
        case "exemptions" -> {
          for (YNode item : items(v)) {
            if (item instanceof YMap m) {
              exemptionShape(m);
            }
          }
        }
        default -> {
          // rules need the catalog (resolve); unknown keys are reported by the schema
        }
      }
    }
  }

  /** A key given twice in one mapping: YAML keeps the last, which hides the first. */
  private void duplicateKeys() {
    DuplicateKeys.forEach(root, d -> problem(d.key().span().start(), fieldOf(d.key()) + ": duplicate key \""
        + d.key().value() + "\" (first at line " + d.first().span().start().line() + "); only the last one would count"));
  }

  private void excludes(YNode v) {
    for (YNode item : items(v)) {
      if (item instanceof YScalar s && s.isString() && !s.value().isEmpty()) {
        try {
          excludes.add(new Exclusions.Exclude(Glob.compile(s.value(), origin(s)), origin(s)));
        } catch (IllegalArgumentException e) {
          problem(s.span().start(), s.path().describe() + ": the pattern \"" + s.value() + "\" " + e.getMessage());
        }
      }
    }
  }

  private void ruleDirectories(YNode v) {
    for (YNode item : items(v)) {
      if (item instanceof YScalar s && s.isString() && !s.value().isEmpty()) {
        Path d = dir.resolve(s.value()).normalize();
        if (!Files.isDirectory(d)) {
          problem(s.span().start(), s.path().describe() + ": " + (Files.exists(d) ? "not a directory: " : "no such "
              + "directory: ") + d);
        } else {
          ruleDirectories.add(d);
        }
      }
    }
  }

  /** What can be checked of an exemption without the catalog. */
  private void exemptionShape(YMap m) {
    if (CRITERIA.stream().noneMatch(k -> m.get(k).isPresent())) {
      problem(m.span().start(), m.path().describe() + ": an exemption needs at least one of "
          + String.join(", ", CRITERIA) + "; without any it would exempt every finding");
    }
    m.scalar("names").filter(YScalar::isString).ifPresent(s -> {
      try {
        Pattern.compile(s.value());
      } catch (PatternSyntaxException e) {
        problem(s.span().start(), s.path().describe() + ": not a valid regular expression: " + e.getDescription()
            + " near index " + e.getIndex());
      }
    });
    m.scalar("reason").filter(s -> s.isString() && !s.value().isEmpty() && s.value().isBlank())
        .ifPresent(s -> problem(s.span().start(), s.path().describe() + ": expected a reason, got only blanks"));
  }

  // ---------------------------------------------------------------------------------------------
  // Checks against the rules

  /**
   * Checks the rule settings against {@code catalog} (the parameters of Java rules also by filling
   * the records their checks read them as, which {@code checks} names) and gives the configuration
   * of a run.
   *
   * @throws ConfigException with every problem of the file, in file order
   */
  public Configuration resolve(RuleCatalog catalog, CheckFactory checks) {
    this.checks = checks;
    List<ConfigProblem> before = new ArrayList<>(problems);
    Map<String, RuleDefinition> byName = new LinkedHashMap<>();
    for (RuleDefinition r : catalog.all()) {
      byName.put(r.name(), r);
    }
    Map<String, RuleDefinition> configured = new LinkedHashMap<>();
    byName.forEach((name, r) -> configured.put(name, defaultRules || r.alwaysOn() ? r : r.withEnabled(false)));
    root.map("rules").ifPresent(rules -> {
      for (YMap.Entry e : rules.effectiveEntries()) {
        RuleDefinition rule = rule(e.key(), fieldOf(e.key()), byName, catalog);
        if (rule != null) {
          RuleDefinition r = configure(rule, e);
          if (r != null) {
            configured.put(rule.name(), r);
          }
        }
      }
    });
    List<Exemption> exemptions = new ArrayList<>();
    Set<String> kinds = new TreeSet<>();
    WorkloadKinds table = WorkloadKinds.BUILT_IN.with(workloadKinds);
    catalog.all().forEach(r -> kinds.addAll(table.expand(r.appliesTo())));
    table.all().forEach(k -> kinds.add(k.kind()));
    kinds.remove("*");
    for (YNode item : items(root.get("exemptions").orElse(null))) {
      if (item instanceof YMap m) {
        Exemption x = exemption(m, byName, catalog, kinds);
        if (x != null) {
          exemptions.add(x);
        }
      }
    }
    if (!problems.isEmpty()) {
      List<ConfigProblem> all = new ArrayList<>(problems);
      problems.clear();
      problems.addAll(before); // resolve may be called again with another catalog
      throw new ConfigException(all);
    }
    return new Configuration(path, new RuleCatalog(List.copyOf(configured.values())), failOn, show, kubernetesVersion,
        strictKinds, exemptions, new Exclusions(dir, excludes), ruleDirectories, table);
  }

  /** The rule a key of {@code rules:} or an item of an exemption's {@code rules} names, or null after a problem. */
  private RuleDefinition rule(YScalar key, String field, Map<String, RuleDefinition> byName, RuleCatalog catalog) {
    RuleDefinition r = byName.get(key.value());
    if (r != null) {
      return r;
    }
    Optional<RuleDefinition> byId = catalog.find(key.value());
    String where = field + ": ";
    if (byId.isPresent()) {
      problem(key.span().start(), where + "name the rule " + byId.get().name() + " instead of its id " + key.value()
          + ", so the configuration stays readable");
      return null;
    }
    String hint = didYouMean(key.value(), byName.keySet());
    problem(key.span().start(), where + "unknown rule \"" + key.value() + "\""
        + (hint.isEmpty() ? " (podlint rules lists the rules)" : hint));
    return null;
  }

  /** Applies one entry of {@code rules:}, or reports why it cannot be. */
  private RuleDefinition configure(RuleDefinition rule, YMap.Entry e) {
    YNode v = e.value();
    YNode levelNode = v instanceof YMap m ? m.get("level").orElse(null) : v;
    String level = "on";
    if (levelNode != null) {
      level = level(levelNode);
      if (level == null) {
        return null;
      }
    }
    if (level.equals("off") && rule.alwaysOn()) {
      problem(levelNode.span().start(), levelNode.path().describe() + ": " + rule.name()
          + " cannot be turned off: a file podlint cannot read would pass unchecked; exclude the file instead");
      return null;
    }
    RuleDefinition r = switch (level) {
      case "off" -> rule.withEnabled(false);
      case "on" -> rule.withEnabled(true);
      default -> rule.withSeverity(Severity.parse(level)).withEnabled(true);
    };
    if (v instanceof YMap m && m.get("params").orElse(null) instanceof YMap params) {
      YScalar paramsKey = m.keyNode("params").orElseThrow();
      r = params(r, paramsKey, params);
    }
    return r;
  }

  /** The level a node says, or null after reporting a problem. */
  private String level(YNode n) {
    if (n instanceof YScalar s && s.type() == YScalar.Type.BOOL) {
      return s.asBoolean().orElse(false) ? "on" : "off";
    }
    if (n instanceof YScalar s && s.isString() && LEVELS.contains(s.value())) {
      return s.value();
    }
    String hint = n instanceof YScalar s && s.isString()
        ? didYouMean(s.value().toLowerCase(Locale.ROOT), LEVELS) : "";
    boolean inMapping = n.path().segments().size() > 2;
    problem(n.span().start(), n.path().describe() + ": expected " + String.join(", ", LEVELS.subList(0, 4)) + " or "
        + LEVELS.get(4) + (inMapping ? "" : ", or a mapping with level and params") + ", got "
        + SchemaValidator.describe(n) + hint);
    return null;
  }

  /** Replaces parameter defaults with the configured values, after checking them against the rule's schema. */
  private RuleDefinition params(RuleDefinition r, YScalar key, YMap params) {
    if (r.params() == null) {
      problem(key.span().start(), fieldOf(key) + ": rule " + r.name() + " has no parameters");
      return r;
    }
    List<String> names = r.paramNames();
    List<YMap.Entry> known = new ArrayList<>();
    for (YMap.Entry p : params.effectiveEntries()) {
      if (names.contains(p.key().value())) {
        known.add(p);
      } else {
        String hint = didYouMean(p.key().value(), names);
        problem(p.key().span().start(), fieldOf(p.key()) + ": rule " + r.name() + " has no parameter \""
            + p.key().value() + "\"" + (hint.isEmpty() ? "; its parameters: " + String.join(", ", names) : hint));
      }
    }
    YMap checked = new YMap(known, params.span(), params.path());
    List<Violation> violations;
    try {
      violations = JsonSchema.of(r.params()).validate(checked, key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(r.fileName() + ": params is not a valid JSON Schema: " + e.getMessage(), e);
    }
    for (Violation v : violations) {
      problem(v.node().span().start(), v.field() + ": " + v.problem());
    }
    if (!violations.isEmpty() || known.isEmpty()) {
      return r;
    }
    Map<String, YNode> values = new LinkedHashMap<>();
    known.forEach(p -> values.put(p.key().value(), p.value()));
    RuleDefinition withParams = r.withParams(values);
    if (r.engine() == Engine.JAVA) {
      try {
        // the check reads its parameters as this record, filled the same way when a run makes it
        checks.paramsType(r).ifPresent(type -> RuleParams.of(withParams, type));
      } catch (IllegalArgumentException e) {
        problem(key.span().start(), fieldOf(key) + ": rule " + r.name() + " cannot use these parameters: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    return withParams;
  }

  private Exemption exemption(YMap m, Map<String, RuleDefinition> byName, RuleCatalog catalog, Set<String> kinds) {
    int before = problems.size();
    Set<String> rules = new LinkedHashSet<>();
    for (YNode n : items(m.get("rules").orElse(null))) {
      if (n instanceof YScalar s && s.isString()) {
        RuleDefinition r = rule(s, s.path().describe(), byName, catalog);
        if (r != null) {
          rules.add(r.name());
        }
      }
    }
    Set<String> kindSet = strings(m, "kinds");
    for (YNode n : items(m.get("kinds").orElse(null))) {
      if (n instanceof YScalar s && s.isString() && !kinds.contains(s.value())) {
        String hint = didYouMean(s.value(), kinds, Math.max(1, s.value().length() / 4));
        if (!hint.isEmpty()) {
          problem(s.span().start(), s.path().describe() + ": no kind \"" + s.value() + "\"" + hint
              + " (kinds are case-sensitive)");
        }
      }
    }
    BoundedRegex names = m.scalar("names").filter(YScalar::isString).map(s -> {
      try {
        return BoundedRegex.compile(s.value(), origin(s));
      } catch (PatternSyntaxException e) {
        return null; // reported by check()
      }
    }).orElse(null);
    String reason = m.scalar("reason").filter(YScalar::isString).map(YScalar::value).orElse(null);
    if (problems.size() > before || reason == null || reason.isBlank()
        || CRITERIA.stream().noneMatch(k -> m.get(k).isPresent())) {
      return null;
    }
    return new Exemption(rules, kindSet, strings(m, "namespaces"), names, strings(m, "containers"), reason.strip(),
        origin(m));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A did-you-mean for a string that is not one of the values a schema enumerates. */
  private static String enumHint(Violation v) {
    String p = v.problem();
    int got = p.indexOf(", got ");
    if (!p.startsWith("expected one of ") || got < 0 || !(v.node() instanceof YScalar s) || !s.isString()) {
      return "";
    }
    return didYouMean(s.value(), List.of(p.substring("expected one of ".length(), got).split(", ")));
  }

  private static JsonSchema schema() {
    JsonSchema s = schema;
    if (s == null) {
      s = JsonSchema.resource(SCHEMA);
      schema = s;
    }
    return s;
  }

  private void problem(Position at, String message) {
    ConfigProblem p = new ConfigProblem(display, at, message);
    if (!problems.contains(p)) {
      problems.add(p);
    }
  }

  /** The field a key node names: {@code rules.naked-pod} for the key {@code naked-pod} of {@code rules}. */
  private static String fieldOf(YScalar key) {
    return key.path().isRoot() ? key.value() : key.path().key(key.value()).toString();
  }

  private String origin(YNode n) {
    return display + ":" + n.span().start();
  }

  private static List<YNode> items(YNode n) {
    return n instanceof YSeq s ? s.items() : List.of();
  }

  private static Set<String> strings(YMap m, String key) {
    Set<String> out = new LinkedHashSet<>();
    for (YNode n : items(m.get(key).orElse(null))) {
      if (n instanceof YScalar s && s.isString()) {
        out.add(s.value());
      }
    }
    return out;
  }

  private static String string(YNode n) {
    return n instanceof YScalar s && s.isString() ? s.value() : null;
  }

  /**
   * {@code ; did you mean "x"?} for the closest candidate within a few edits (one for short words,
   * a quarter of the word's length for long ones), or the only candidate the word abbreviates
   * ({@code warn}); else empty.
   */
  static String didYouMean(String word, java.util.Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    List<String> prefixed = candidates.stream()
        .filter(c -> lower.length() >= 3 && c.toLowerCase(Locale.ROOT).startsWith(lower) && !c.equals(word)).toList();
    if (prefixed.size() == 1) {
      return "; did you mean \"" + prefixed.get(0) + "\"?";
    }
    return didYouMean(word, candidates, word.length() <= 4 ? 1 : Math.max(2, word.length() / 4));
  }

  private static String didYouMean(String word, java.util.Collection<String> candidates, int maxDistance) {
    return EditDistance.closest(word, candidates, maxDistance).filter(best -> !best.equals(word))
        .map(best -> "; did you mean \"" + best + "\"?").orElse("");
  }
}
