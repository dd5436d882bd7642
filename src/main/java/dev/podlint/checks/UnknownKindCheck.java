package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.K8sObject;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.schema.KubernetesSchemas;
import dev.podlint.schema.KubernetesVersions;
import dev.podlint.schema.ServedKinds;
import java.util.List;
import java.util.Optional;

/**
 * unknown-kind: an object whose kind no API of the target Kubernetes version serves (a custom
 * resource, or a typo) is not validated. Reported once per apiVersion and kind in a run. An
 * apiVersion that only a newer supported version serves is an error (variant {@code newer}, or
 * {@code newerKind} when the target serves the kind at no apiVersion): applying it fails on a
 * cluster of the target version. The workload kinds of operators and of the configuration are
 * not reported: schema-violation validates their pods.
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
    String apiVersion = object.apiVersion();
    String kind = object.kind();
    if (schemas.serves(apiVersion, kind)
        || WorkloadKinds.current().find(object).filter(k -> !k.kubernetes()).isPresent()) {
      return; // served, or a workload kind of an operator or of the configuration: its pods are validated
    }
    Findings.Builder b = out.at(object.root().scalar("kind").orElseThrow())
        .arg("kind", kind).arg("apiVersion", apiVersion).arg("version", schemas.version());
    Optional<ServedKinds.Served> served = ServedKinds.lookup(apiVersion, kind);
    if (served.isPresent() && KubernetesVersions.compare(served.get().first(), schemas.version()) > 0) {
      List<String> instead = ServedKinds.apiVersionsOf(kind, schemas.version(), ServedKinds.groupOf(apiVersion));
      b.arg("addedIn", served.get().first());
      if (instead.isEmpty()) {
        b.variant("newerKind").report();
      } else {
        b.arg("servedAt", String.join(", ", instead)).variant("newer").report();
      }
      return;
    }
    if (served.isPresent() || schemas.knowsKind(kind)
        || DeprecatedApiVersionCheck.lookup(apiVersion, kind).isPresent()) {
      return; // an apiVersion an older version served, or a known kind at an old apiVersion: deprecated-api-version's
    }
    if (strict) {
      b.variant("strict");
    }
    b.report();
  }
}
