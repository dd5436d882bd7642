package dev.podlint.engine;

import dev.podlint.model.ContainerRole;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDefinition.Match;
import dev.podlint.schema.JsonTree;
import dev.podlint.schema.ShapeSchema;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@code engine: schema} rule: selects its targets (the object, the pod spec or each
 * container of the chosen roles, of the chosen kinds and workloads, matching {@code when}), checks
 * each against the rule's schema and reports every problem at the node {@link ShapeSchema} chose.
 * The message is the rule's variant named after the kind of problem ({@code missing},
 * {@code value}, {@code forbidden}) when it has one, else its message, with the placeholders
 * {@code {kind} {name} {namespace} {field} {problem}}, for containers {@code {container} {role}},
 * and for wrong or forbidden values {@code {value}}.
 *
 * <p>The schemas are compiled on first use, so a rule that never meets a target costs nothing.
 */
final class DeclarativeCheck {
  private DeclarativeCheck() {}

  static Check create(RuleDefinition rule) {
    Compiled c = new Compiled(rule);
    return rule.match().target() == RuleDefinition.Target.OBJECT
        ? (Check.ObjectCheck) (o, out) -> checkObject(c, o, out)
        : (Check.PodCheck) (pod, out) -> checkPod(c, pod, out);
  }

  /** A rule with its schemas, compiled once, on first use. */
  private static final class Compiled {
    final RuleDefinition rule;
    final Match match;
    private volatile ShapeSchema schema;
    private volatile ShapeSchema when;

    Compiled(RuleDefinition rule) {
      this.rule = rule;
      this.match = rule.match();
    }

    ShapeSchema schema() {
      ShapeSchema s = schema;
      if (s == null) {
        synchronized (this) {
          if (schema == null) {
            schema = ShapeSchema.compile(match.schema());
          }
          s = schema;
        }
      }
      return s;
    }

    boolean when(YNode target, Object json) {
      if (match.when() == null) {
        return true;
      }
      ShapeSchema w = when;
      if (w == null) {
        synchronized (this) {
          if (when == null) {
            when = ShapeSchema.compile(match.when());
          }
          w = when;
        }
      }
      return json == null ? w.matches(target) : w.matchesJson(json);
    }

    boolean selects(String kind, WorkloadKind row) {
      return match.kinds().isEmpty() || WorkloadKinds.takes(match.kinds(), kind, row);
    }

    boolean selects(PodView pod) {
      if (match.workload() == null) {
        return true;
      }
      return match.workload().equals("longRunning") == pod.isLongRunning();
    }

    boolean selects(ContainerRole role) {
      return match.roles().isEmpty() || match.roles().contains(role);
    }
  }

  private static void checkObject(Compiled c, K8sObject o, Findings out) {
    if (!c.selects(o.kind(), WorkloadKinds.current().find(o).orElse(null))) {
      return;
    }
    if (c.match.workload() != null) {
      PodView pod = PodView.of(o).orElse(null);
      if (pod == null || !c.selects(pod)) {
        return;
      }
    }
    YMap root = o.root();
    if (c.when(root, null)) {
      YNode anchor = root.keyNode("kind").<YNode>map(k -> k).orElse(root);
      report(c, o, null, root, null, anchor, out);
    }
  }

  private static void checkPod(Compiled c, PodView pod, Findings out) {
    if (!c.selects(pod.object().kind(), pod.workloadKind()) || !c.selects(pod)) {
      return;
    }
    if (c.match.target() == RuleDefinition.Target.POD_SPEC) {
      Object json = json(pod, pod.spec());
      if (c.when(pod.spec(), json)) {
        report(c, pod.object(), null, pod.spec(), json, pod.specKey(), out);
      }
      return;
    }
    for (ContainerView cv : pod.containers()) {
      if (c.selects(cv.role())) {
        Object json = json(pod, cv.node());
        if (c.when(cv.node(), json)) {
          report(c, pod.object(), cv, cv.node(), json, cv.node(), out);
        }
      }
    }
  }

  private static final Object JSON = new Object();

  /**
   * {@code target} (the pod spec or a container of {@code pod}) as the schemas see it, converted
   * once for every rule that checks it.
   */
  private static Object json(PodView pod, YNode target) {
    Map<YNode, Object> converted = pod.memo(JSON, IdentityHashMap::new);
    synchronized (converted) {
      return converted.computeIfAbsent(target, JsonTree::withoutUnset);
    }
  }

  /** Reports the problems of {@code target}; {@code json} is its conversion, or null to convert it here. */
  private static void report(Compiled c, K8sObject o, ContainerView cv, YNode target, Object json, YNode anchor,
      Findings out) {
    List<ShapeSchema.Problem> problems = json == null ? c.schema().check(target, anchor)
        : c.schema().check(target, json, anchor);
    for (ShapeSchema.Problem p : problems) {
      Findings.Builder b = out.at(p.at())
          .arg("kind", o.kind())
          .arg("name", o.name() == null ? "-" : o.name())
          .arg("namespace", o.namespace() == null ? "-" : o.namespace())
          .arg("field", p.field().isEmpty() ? c.match.target().label() : p.field())
          .arg("problem", p.problem());
      if (cv != null) {
        b.arg("container", cv.name()).arg("role", cv.role().label());
      }
      if (p.value() != null) {
        b.arg("value", text(p.value()));
      }
      String kind = p.kind().label();
      if (c.rule.variants().containsKey(kind)) {
        b.variant(kind);
      }
      b.report();
    }
  }

  /** A value for messages: a scalar as written, a mapping or list by what it is. */
  private static String text(YNode n) {
    if (n instanceof YScalar s) {
      return s.value();
    }
    return n instanceof YMap ? "a mapping" : "a list";
  }
}
