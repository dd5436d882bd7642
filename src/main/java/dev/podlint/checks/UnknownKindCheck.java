package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.K8sObject;
import dev.podlint.schema.KubernetesSchemas;

/**
 * unknown-kind: an object whose kind no API of the target Kubernetes version serves (a custom
 * resource, or a typo) is not validated. Reported once per apiVersion and kind in a run.
 */
public final class UnknownKindCheck implements Check.ObjectCheck {
  private final KubernetesSchemas schemas;
  private final boolean strict;

  public UnknownKindCheck(LintOptions options) {
    this.schemas = KubernetesSchemas.forVersion(options.kubernetesVersion());
    this.strict = options.strictKinds();
  }

  @Override
  public void check(K8sObject object, Findings out) {
    if (schemas.serves(object.apiVersion(), object.kind()) || schemas.knowsKind(object.kind())) {
      return; // validated, or a known kind at an old apiVersion (deprecated-api-version's business)
    }
    Findings.Builder b = out.at(object.root().scalar("kind").orElseThrow())
        .arg("kind", object.kind()).arg("apiVersion", object.apiVersion()).arg("version", schemas.version());
    if (strict) {
      b.variant("strict");
    }
    b.report();
  }
}
