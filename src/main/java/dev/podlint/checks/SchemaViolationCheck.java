package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.K8sObject;
import dev.podlint.schema.KubernetesSchemas;
import dev.podlint.schema.Violation;

/**
 * schema-violation: the object against the API schema of the target Kubernetes version, strictly
 * (unknown fields are errors; one that another supported version has says in which version it was
 * added or removed). Kinds and apiVersions the version does not serve are left to unknown-kind and
 * deprecated-api-version.
 */
public final class SchemaViolationCheck implements Check.ObjectCheck {
  private final KubernetesSchemas schemas;

  public SchemaViolationCheck(LintOptions options) {
    this.schemas = KubernetesSchemas.forVersion(options.kubernetesVersion());
  }

  @Override
  public void check(K8sObject object, Findings out) {
    for (Violation v : schemas.validate(object.apiVersion(), object.kind(), object.root())) {
      out.at(v.node()).arg("field", v.field()).arg("problem", v.problem()).report();
    }
  }
}
