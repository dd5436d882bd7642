package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YSeq;
import java.util.Optional;

/**
 * job-without-ttl: a Job without {@code spec.ttlSecondsAfterFinished} stays in the cluster, with
 * its pods, after it finishes. Reported at the Job's {@code spec} key. Not reported: Jobs that
 * something else cleans up (a non-empty {@code ownerReferences}, such as the Jobs a CronJob
 * creates, and Helm or Argo CD hooks with a delete policy). CronJobs are a kind of their own: their
 * Jobs are removed by the history limits, so this rule does not apply to them.
 */
public final class JobWithoutTtlCheck implements Check.ObjectCheck {
  static final java.util.List<String> DELETE_POLICIES = java.util.List.of("helm.sh/hook-delete-policy",
      "argocd.argoproj.io/hook-delete-policy");

  @Override
  public void check(K8sObject object, Findings out) {
    Optional<YMap.Entry> spec = object.root().entry("spec").filter(e -> e.value() instanceof YMap);
    if (spec.isEmpty() || ((YMap) spec.get().value()).get("ttlSecondsAfterFinished")
        .filter(n -> !(n.asScalar() != null && n.asScalar().isNull())).isPresent()) {
      return;
    }
    if (object.metadata().flatMap(m -> m.get("ownerReferences")).filter(JobWithoutTtlCheck::nonEmpty).isPresent()
        || DELETE_POLICIES.stream().anyMatch(a -> object.annotation(a).isPresent())) {
      return;
    }
    out.at(spec.get().key()).arg("job", object.name() == null ? "(unnamed)" : object.name()).report();
  }

  private static boolean nonEmpty(YNode n) {
    return n instanceof YSeq s && s.size() > 0;
  }
}
