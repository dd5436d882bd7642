package dev.podlint.rule;

import dev.podlint.model.ContainerRole;
import dev.podlint.model.K8sObject;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rule as declared in {@code rules/PL###-name.yaml}: the only home of its text.
 *
 * @param engine how its findings are made (see {@link Engine})
 * @param tags free-form labels of the rule file ({@code cis}, {@code reliability}), in file order
 * @param variants alternative messages (and severities) a check may choose by name
 * @param oncePerRun only the first finding with a given message counts in a run
 * @param dependsOnKubernetesVersion its findings depend on the target Kubernetes version (see
 *     {@link #kubernetesVersions()})
 * @param redactsFixes its findings mark their object as holding a secret: reports drop the proposed
 *     fixes of every finding on that object, as a fix repeats the object's text
 * @param alwaysOn the configuration cannot turn the rule off
 * @param suppression Markdown: how its findings are suppressed, when not the usual way; null for the usual way
 * @param params the JSON Schema (draft-07) of the rule's tunables, each property with its
 *     {@code default}; null when the rule has none
 * @param match what an {@code engine: schema} rule checks; null for other engines
 * @param fileName the file name of a packaged rule ({@code PL001-name.yaml}), the path of a user's
 *     rule file as given
 */
public record RuleDefinition(
    String id,
    String name,
    String title,
    Severity severity,
    Category category,
    RuleKind kind,
    Precision precision,
    boolean enabledByDefault,
    String since,
    Set<String> appliesTo,
    Engine engine,
    String message,
    String relatedMessage,
    Map<String, Variant> variants,
    String rationale,
    String remediation,
    String help,
    List<Reference> references,
    String badExample,
    String goodExample,
    boolean oncePerRun,
    boolean dependsOnKubernetesVersion,
    boolean redactsFixes,
    boolean alwaysOn,
    String suppression,
    YMap params,
    Match match,
    List<String> tags,
    String fileName) {

  /** An alternative wording a check can pick, with its own severity when given. */
  public record Variant(Severity severity, String message) {}

  /** A link to further reading. */
  public record Reference(String title, String url) {}

  /** What a declarative rule looks at. */
  public enum Target {
    /** The whole object. */
    OBJECT("object"),
    /** The pod spec of a workload. */
    POD_SPEC("podSpec"),
    /** Each container of a pod spec. */
    CONTAINER("container");

    private final String label;

    Target(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<Target> parse(String s) {
      for (Target t : values()) {
        if (t.label.equals(s)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The {@code match} block of an {@code engine: schema} rule.
   *
   * @param roles for container targets, the roles checked ({@code regular}, {@code init},
   *     {@code sidecar}); every role when empty
   * @param kinds narrows {@code appliesTo}; every kind of appliesTo when empty
   * @param workload {@code longRunning}, {@code runToCompletion}, or null for any pod
   * @param when a JSON Schema the target must match for the rule to apply, or null
   * @param schema the JSON Schema of a compliant target
   */
  public record Match(Target target, Set<ContainerRole> roles, Set<String> kinds, String workload, YMap when,
      YMap schema) {
    public Match {
      roles = Set.copyOf(roles);
      kinds = Set.copyOf(kinds);
    }
  }

  /**
   * Equal rules have equal ids, names and files, so these alone make the hash: the record's own
   * hash walks every text and every schema tree of the rule, and each run puts its rules in sets.
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, name, fileName);
  }

  /**
   * Whether the rule checks objects of {@code kind} at a Kubernetes apiVersion (the built-in
   * kinds); {@code *} in the rule file means every kind, a {@link dev.podlint.model.KindGroup}
   * every workload kind of the group.
   */
  public boolean appliesTo(String kind) {
    return appliesTo(kind, WorkloadKinds.BUILT_IN.named(kind).orElse(null));
  }

  /** Whether the rule checks {@code object}, as the {@link WorkloadKinds#current} table sees it. */
  public boolean appliesTo(K8sObject object) {
    return appliesTo(object.kind(), WorkloadKinds.current().find(object).orElse(null));
  }

  /** Whether the rule checks objects of {@code kind} whose workload row is {@code row} (null: none). */
  public boolean appliesTo(String kind, WorkloadKind row) {
    return WorkloadKinds.takes(appliesTo, kind, row);
  }

  public Optional<Variant> variant(String name) {
    return Optional.ofNullable(variants.get(name));
  }

  /** The severity of a finding in the given variant (or the rule's own). */
  public Severity severityOf(String variant) {
    if (variant == null) {
      return severity;
    }
    Variant v = variants.get(variant);
    if (v == null) {
      throw new IllegalStateException("rule " + name + " has no variant '" + variant + "'");
    }
    return v.severity() == null ? severity : v.severity();
  }

  public String messageOf(String variant) {
    return variant == null ? message : variants.get(variant).message();
  }

  /** The strongest level any finding of this rule can have. */
  public Severity maxSeverity() {
    Severity max = severity;
    for (Variant v : variants.values()) {
      if (v.severity() != null && v.severity().atLeast(max)) {
        max = v.severity();
      }
    }
    return max;
  }

  /** The default value of parameter {@code name} from the rule file's {@code params} schema. */
  public Optional<YNode> paramDefault(String name) {
    if (params == null) {
      return Optional.empty();
    }
    return params.mapAt("properties", name).flatMap(p -> p.get("default"));
  }

  /** The names of the rule's parameters, in file order. */
  public List<String> paramNames() {
    if (params == null) {
      return List.of();
    }
    return params.map("properties").map(m -> m.entries().stream().map(e -> e.key().value()).toList())
        .orElse(List.of());
  }

  /**
   * This rule at {@code level}: the level of every finding, whatever message variant a check
   * chooses (variants keep their wording, not their own levels).
   */
  public RuleDefinition withSeverity(Severity level) {
    Map<String, Variant> vs = new java.util.LinkedHashMap<>();
    variants.forEach((k, v) -> vs.put(k, new Variant(v.severity() == null ? null : level, v.message())));
    return copy(level, enabledByDefault, java.util.Collections.unmodifiableMap(vs), params);
  }

  /** This rule, enabled or not unless a run names it explicitly. */
  public RuleDefinition withEnabled(boolean enabled) {
    return copy(severity, enabled, variants, params);
  }

  /**
   * This rule with the defaults of some parameters replaced by {@code values} (parameter name to
   * value); checks read them with {@link #paramDefault}.
   *
   * @throws IllegalArgumentException for a name that is not one of {@link #paramNames()}
   */
  public RuleDefinition withParams(Map<String, YNode> values) {
    if (values.isEmpty()) {
      return this;
    }
    for (String name : values.keySet()) {
      if (!paramNames().contains(name)) {
        throw new IllegalArgumentException("rule " + this.name + " has no parameter '" + name + "'");
      }
    }
    List<YMap.Entry> top = new java.util.ArrayList<>();
    for (YMap.Entry e : params.entries()) {
      if (e.key().value().equals("properties") && e.value() instanceof YMap props) {
        List<YMap.Entry> ps = new java.util.ArrayList<>();
        for (YMap.Entry p : props.entries()) {
          YNode value = values.get(p.key().value());
          ps.add(value == null || !(p.value() instanceof YMap prop) ? p : new YMap.Entry(p.key(), withDefault(prop, value)));
        }
        top.add(new YMap.Entry(e.key(), new YMap(ps, props.span(), props.path())));
      } else {
        top.add(e);
      }
    }
    return copy(severity, enabledByDefault, variants, new YMap(top, params.span(), params.path()));
  }

  private static YMap withDefault(YMap property, YNode value) {
    List<YMap.Entry> out = new java.util.ArrayList<>();
    for (YMap.Entry e : property.entries()) {
      if (!e.key().value().equals("default")) {
        out.add(e);
      }
    }
    YMap.Entry old = property.entry("default").orElseThrow();
    out.add(new YMap.Entry(old.key(), value));
    return new YMap(out, property.span(), property.path());
  }

  /** The one place that copies a definition, so that a new component is added here only. */
  private RuleDefinition copy(Severity severity, boolean enabled, Map<String, Variant> variants, YMap params) {
    return new RuleDefinition(id, name, title, severity, category, kind, precision, enabled, since, appliesTo,
        engine, message, relatedMessage, variants, rationale, remediation, help, references, badExample,
        goodExample, oncePerRun, dependsOnKubernetesVersion, redactsFixes, alwaysOn, suppression, params, match,
        tags, fileName);
  }

  /** The Kubernetes versions the rule knows, oldest first; none when its findings do not depend on one. */
  public List<String> kubernetesVersions() {
    return dependsOnKubernetesVersion ? dev.podlint.schema.KubernetesVersions.ALL : List.of();
  }

  /** Whether the rule comes from a user's rule directory rather than with podlint (ids PL### are podlint's). */
  public boolean isCustom() {
    return !id.startsWith("PL");
  }

  /** Whether the rule is declarative ({@code engine: schema}). */
  public boolean isDeclarative() {
    return engine == Engine.SCHEMA;
  }

  /** {@code PL001 container-port-conflict}. */
  public String label() {
    return id + " " + name;
  }
}
