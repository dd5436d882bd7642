package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.YMap;
import dev.podlint.schema.KubernetesSchemas;
import dev.podlint.schema.Violation;
import java.util.List;

/**
 * schema-violation: the object against the API schema of the target Kubernetes version, strictly
 * (unknown fields are errors; one that another supported version has says in which version it was
 * added or removed). Kinds and apiVersions the version does not serve are left to unknown-kind and
 * deprecated-api-version, except for the pods of a workload kind that is not Kubernetes' own (an
 * operator's built-in kind, or one the configuration declares): its pod template (or pod spec) is
 * validated against the version's PodTemplateSpec (or PodSpec), with the fields the kind adds to a
 * pod spec left out, and the rest of the object left alone.
 */
public final class SchemaViolationCheck implements Check.ObjectCheck {
  private final KubernetesSchemas schemas;

  public SchemaViolationCheck(LintOptions options) {
    this.schemas = KubernetesSchemas.forVersion(options.kubernetesVersion());
  }

  @Override
  public void check(K8sObject object, Findings out) {
    List<Violation> violations = schemas.serves(object.apiVersion(), object.kind())
        ? schemas.validate(object.apiVersion(), object.kind(), object.root())
        : PodView.of(object).filter(p -> !p.workloadKind().kubernetes()).map(this::podViolations).orElse(List.of());
    for (Violation v : violations) {
      out.at(v.node()).arg("field", v.field()).arg("problem", v.problem()).report();
    }
  }

  /** The violations of the pod part of an object of an operator's or a declared kind. */
  private List<Violation> podViolations(PodView pod) {
    WorkloadKind kind = pod.workloadKind();
    YMap spec = withoutFields(pod.spec(), kind);
    YMap validated = spec;
    if (kind.podTemplate()) {
      validated = new YMap(pod.template().entries().stream()
          .map(e -> e.value() == pod.spec() ? new YMap.Entry(e.key(), spec) : e).toList(),
          pod.template().span(), pod.template().path());
    }
    return schemas.validatePod(validated, kind.podTemplate(), pod.specKey()).stream()
        .filter(v -> !optional(v, kind)).toList();
  }

  /** {@code spec} without the fields the kind adds to a pod spec. */
  private static YMap withoutFields(YMap spec, WorkloadKind kind) {
    if (kind.podSpecFields().isEmpty()) {
      return spec;
    }
    return new YMap(spec.entries().stream().filter(e -> !kind.podSpecFields().contains(e.key().value())).toList(),
        spec.span(), spec.path());
  }

  /** Whether {@code v} says that a field the kind makes optional is missing. */
  private static boolean optional(Violation v, WorkloadKind kind) {
    if (kind.optionalFields().isEmpty() || !v.problem().startsWith("required field is missing")) {
      return false;
    }
    String field = v.field().replaceAll("\\[\\d+\\]", "[]");
    return kind.optionalFields().stream().anyMatch(f -> field.endsWith("." + f));
  }
}
