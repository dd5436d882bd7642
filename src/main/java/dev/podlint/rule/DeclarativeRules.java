package dev.podlint.rule;

import dev.podlint.model.ContainerRole;
import dev.podlint.model.EditDistance;
import dev.podlint.model.KindGroup;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.model.YTree;
import dev.podlint.schema.KubernetesSchemas;
import dev.podlint.schema.ShapeSchema;
import dev.podlint.schema.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks the {@code match} block of {@code engine: schema} rules. Every problem is
 * reported at its line and column, since users write these files.
 */
final class DeclarativeRules {
  /** The names of the violation kinds, which are also the variant names a schema rule may declare. */
  static final List<String> VIOLATION_KINDS = List.of("missing", "value", "forbidden");

  /** Placeholders every schema rule's message may use. */
  static final Set<String> COMMON_PLACEHOLDERS = Set.of("kind", "name", "namespace", "field", "problem");

  private DeclarativeRules() {}

  /** The match block of a rule file, or null when the rule is not declarative. */
  static RuleDefinition.Match match(String file, YMap rule, Engine engine, Set<String> appliesTo, boolean user) {
    Optional<YMap.Entry> entry = rule.entry("match");
    boolean declarative = engine == Engine.SCHEMA;
    if (entry.isEmpty()) {
      if (declarative) {
        throw RuleFormatException.at(file, rule.keyNode("engine").<YNode>map(k -> k).orElse(rule), "match",
            "an engine: schema rule needs a match block");
      }
      return null;
    }
    List<RuleFormatException.Problem> problems = new ArrayList<>();
    if (!declarative) {
      throw RuleFormatException.at(file, entry.get().key(), "match", "only engine: schema rules have a match block");
    }
    if (!(entry.get().value() instanceof YMap m)) {
      throw RuleFormatException.at(file, entry.get().value(), "match", "must be a mapping");
    }
    YNode targetNode = m.get("target").orElse(m);
    RuleDefinition.Target target = m.string("target").flatMap(RuleDefinition.Target::parse).orElse(null);
    if (target == null) {
      throw RuleFormatException.at(file, targetNode, "match.target", "must be object, podSpec or container");
    }
    Set<String> roleNames = strings(file, m, "roles", problems);
    if (!roleNames.isEmpty() && target != RuleDefinition.Target.CONTAINER) {
      problems.add(new RuleFormatException.Problem(m.keyNode("roles").orElseThrow(), "match.roles",
          "roles choose containers, so they need target: container"));
    }
    Set<ContainerRole> roles = EnumSet.noneOf(ContainerRole.class);
    for (String r : roleNames) {
      Optional<ContainerRole> role = ContainerRole.parse(r);
      if (role.isEmpty()) {
        problems.add(new RuleFormatException.Problem(m.get("roles").orElseThrow(), "match.roles",
            "unknown role '" + r + "' (regular, init or sidecar)"));
      }
      role.ifPresent(roles::add);
    }
    Set<String> kinds = strings(file, m, "kinds", problems);
    boolean anyKind = appliesTo.contains("*");
    if (m.get("kinds").orElse(null) instanceof YSeq ks) {
      for (YNode k : ks.items()) {
        if (k instanceof YScalar s && !anyKind && !appliesTo.contains(s.value())
            && !WorkloadKinds.BUILT_IN.named(s.value()).map(w -> WorkloadKinds.takes(appliesTo, w.kind(), w))
                .orElse(false)) {
          problems.add(new RuleFormatException.Problem(k, "match.kinds", "'" + s.value()
              + "' is not in appliesTo; match.kinds can only narrow appliesTo"));
        }
      }
    }
    if (target != RuleDefinition.Target.OBJECT) {
      if (rule.get("appliesTo").orElse(null) instanceof YSeq as) {
        for (YNode k : as.items()) {
          if (k instanceof YScalar s && !s.value().equals("*") && KindGroup.parse(s.value()).isEmpty()
              && WorkloadKinds.BUILT_IN.named(s.value()).isEmpty() && kubernetesKinds().contains(s.value())) {
            problems.add(new RuleFormatException.Problem(k, "appliesTo", "'" + s.value() + "' has no pod spec, so a "
                + target.label() + " rule never applies to it; use target: object or leave the kind out"));
          }
        }
      }
    }
    String workload = m.string("workload").orElse(null);
    if (workload != null && !workload.equals("longRunning") && !workload.equals("runToCompletion")) {
      problems.add(new RuleFormatException.Problem(m.get("workload").orElseThrow(), "match.workload",
          "must be longRunning or runToCompletion"));
    }
    YMap schema = mapping(m, "schema", problems, true);
    YMap when = mapping(m, "when", problems, false);
    if (user) {
      Set<String> known = kubernetesKinds();
      for (String field : List.of("appliesTo", "match.kinds")) {
        YNode list = field.equals("appliesTo") ? rule.get("appliesTo").orElse(null) : m.get("kinds").orElse(null);
        if (list instanceof YSeq seq) {
          for (YNode k : seq.items()) {
            if (k instanceof YScalar s && !s.value().equals("*") && !known.contains(s.value())
                && KindGroup.parse(s.value()).isEmpty() && WorkloadKinds.BUILT_IN.named(s.value()).isEmpty()) {
              closest(s.value(), known).ifPresent(c -> problems.add(new RuleFormatException.Problem(k, field,
                  "Kubernetes has no kind '" + s.value() + "'; did you mean '" + c + "'? (a custom resource kind "
                      + "that close to a built-in one is taken for a typo)")));
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw RuleFormatException.of(file, problems);
    }
    return new RuleDefinition.Match(target, roles, kinds, workload, when, schema);
  }

  /**
   * Checks that a schema rule's messages only use placeholders it can fill: variants must be named
   * after the violation kinds, and a message used for missing fields cannot show {@code {value}}.
   */
  static void checkMessages(String file, YMap ruleNode, RuleDefinition rule) {
    List<RuleFormatException.Problem> problems = new ArrayList<>();
    YMap variants = ruleNode.map("variants").orElse(null);
    if (variants != null) {
      for (YMap.Entry e : variants.entries()) {
        if (!VIOLATION_KINDS.contains(e.key().value())) {
          problems.add(new RuleFormatException.Problem(e.key(), "variants." + e.key().value(),
              "a schema rule's variants are named after the kind of violation they word: missing, value or forbidden"));
        }
      }
    }
    for (String key : List.of("relatedMessage", "params")) {
      ruleNode.keyNode(key).ifPresent(k -> problems.add(new RuleFormatException.Problem(k, key,
          "schema rules have no " + (key.equals("params") ? "parameters" : "related locations"))));
    }
    boolean canMiss = mentions(rule.match().schema(), "required") || mentions(rule.match().schema(), "dependencies");
    for (String kind : VIOLATION_KINDS) {
      if (kind.equals("missing") && !canMiss) {
        continue;
      }
      boolean own = rule.variants().containsKey(kind);
      String template = own ? rule.variants().get(kind).message() : rule.message();
      Set<String> allowed = new TreeSet<>(placeholders(rule.match().target(), kind));
      for (String p : Template.placeholders(template)) {
        if (!allowed.contains(p)) {
          YNode at = own ? variants.mapAt(kind).flatMap(v -> v.get("message")).orElse(variants)
              : ruleNode.get("message").orElse(ruleNode);
          String field = own ? "variants." + kind + ".message" : "message";
          String hint = p.equals("value") && kind.equals("missing")
              ? "; a missing field has no value: add a variant 'missing' with its own message"
              : "";
          problems.add(new RuleFormatException.Problem(at, field, "placeholder {" + p + "} is not available for "
              + kind + " violations of " + ("aeiou".indexOf(rule.match().target().label().charAt(0)) >= 0 ? "an " : "a ")
              + rule.match().target().label() + " rule (available: "
              + String.join(", ", allowed.stream().map(a -> "{" + a + "}").toList()) + ")" + hint));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw RuleFormatException.of(file, problems);
    }
  }

  /** The placeholders a schema rule's message for {@code kind} violations may use. */
  static Set<String> placeholders(RuleDefinition.Target target, String kind) {
    Set<String> out = new LinkedHashSet<>(COMMON_PLACEHOLDERS);
    if (target == RuleDefinition.Target.CONTAINER) {
      out.add("container");
      out.add("role");
    }
    if (!kind.equals("missing")) {
      out.add("value");
    }
    return out;
  }

  /** Compiles a user rule's schemas now, so that a schema everit cannot use fails with its position. */
  static void compileAll(String file, RuleDefinition rule) {
    List<RuleFormatException.Problem> problems = new ArrayList<>();
    for (YMap s : new YMap[] {rule.match().schema(), rule.match().when()}) {
      if (s == null) {
        continue;
      }
      try {
        ShapeSchema.compileChecked(s);
      } catch (ShapeSchema.InvalidSchemaException e) {
        for (Violation v : e.violations()) {
          problems.add(new RuleFormatException.Problem(v.node(), v.field(), v.problem()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw RuleFormatException.of(file, problems);
    }
  }

  /**
   * The kinds the newest supported Kubernetes serves. A kind it does not know may be one a
   * configuration declares with a pod spec, so only these are known to have none.
   */
  private static Set<String> kubernetesKinds() {
    return KubernetesSchemas.forVersion(KubernetesSchemas.VERSIONS.get(KubernetesSchemas.VERSIONS.size() - 1))
        .kindNames();
  }

  private static boolean mentions(YNode schema, String keyword) {
    boolean[] found = {false};
    YTree.forEachNode(schema, n -> {
      if (n instanceof YMap m && m.get(keyword).isPresent()) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static Set<String> strings(String file, YMap m, String key, List<RuleFormatException.Problem> problems) {
    Set<String> out = new LinkedHashSet<>();
    Optional<YNode> n = m.get(key);
    if (n.isEmpty()) {
      return out;
    }
    if (!(n.get() instanceof YSeq seq)) {
      problems.add(new RuleFormatException.Problem(n.get(), "match." + key, "must be a list"));
      return out;
    }
    for (YNode item : seq.items()) {
      if (item instanceof YScalar s && s.isString()) {
        out.add(s.value());
      } else {
        problems.add(new RuleFormatException.Problem(item, "match." + key, "must list names"));
      }
    }
    return out;
  }

  private static YMap mapping(YMap m, String key, List<RuleFormatException.Problem> problems, boolean required) {
    Optional<YNode> n = m.get(key);
    if (n.isEmpty()) {
      if (required) {
        problems.add(new RuleFormatException.Problem(m, "match." + key, "missing: the JSON Schema of the compliant "
            + "target"));
      }
      return null;
    }
    if (!(n.get() instanceof YMap s)) {
      problems.add(new RuleFormatException.Problem(n.get(), "match." + key, "must be a JSON Schema (a mapping)"));
      return null;
    }
    return s;
  }

  private static Optional<String> closest(String kind, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : new TreeSet<>(known)) {
      int d = EditDistance.between(kind.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(1, kind.length() / 4) ? Optional.of(best) : Optional.empty();
  }
}
