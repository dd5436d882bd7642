package dev.podlint.advise;

import dev.podlint.model.K8sObject;
import dev.podlint.model.KindGroup;
import dev.podlint.model.PodView;
import dev.podlint.model.Span;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.YMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A proposed split of one pod, as edits of its file: the object's text becomes one workload per
 * part of the {@link SplitPlan} with a Service in front of each part others reach, written anew
 * from a model of those objects by {@link YamlWriter} (the original's text is never spliced, so
 * the result is valid YAML whatever the original's style); Services of the same file that select
 * the pod are pointed at the part that serves their ports (further edits). Comments in the text
 * say what moved where and why. {@code podlint advise} prints and applies these edits, and
 * SARIF and JSON carry the same edits as the finding's fix.
 *
 * @param description one line for a SARIF fix
 * @param replacements the edits, in file order of the first (the pod's object) and then the Services;
 *     they do not overlap
 */
public record SplitProposal(String description, List<Replacement> replacements) {
  /** Replace the text inside {@code deleted} with {@code text}. */
  public record Replacement(Span deleted, String text) {}

  public SplitProposal {
    replacements = List.copyOf(replacements);
  }

  /** The proposed manifests that take the place of the pod's object. */
  public String text() {
    return replacements.get(0).text();
  }

  /** The proposal for a pod {@link PodDesign} judged, or empty when {@link #unavailable} says why not. */
  public static Optional<SplitProposal> of(PodView pod, PodDesign.Verdict verdict, Knowledge knowledge) {
    return of(pod, verdict, knowledge, new HashSet<>());
  }

  /**
   * The proposal for a pod {@link PodDesign} judged, with names that none of {@code taken} (what
   * earlier proposals for the same file took) has.
   */
  public static Optional<SplitProposal> of(PodView pod, PodDesign.Verdict verdict, Knowledge knowledge,
      Set<String> taken) {
    return of(pod, VerdictPlan.of(pod, verdict, knowledge), taken);
  }

  /**
   * The proposal that carries out {@code plan} for {@code pod}, or empty when
   * {@link #unavailable} says why not.
   *
   * @param taken {@code Kind/name} (and label values) that earlier proposals for the same file took;
   *     this one adds its own
   */
  public static Optional<SplitProposal> of(PodView pod, SplitPlan plan, Set<String> taken) {
    if (unavailable(pod).isPresent()) {
      return Optional.empty();
    }
    Region region = Region.of(pod.object(), pod.fileObjects()).orElseThrow();
    return Optional.of(new SplitBuilder(pod, plan, taken).build(region));
  }

  /** Why no proposal can be written for {@code pod}, or empty when one can. */
  public static Optional<String> unavailable(PodView pod) {
    K8sObject o = pod.object();
    WorkloadKind row = pod.workloadKind();
    if (!(row.in(KindGroup.LONG_RUNNING_CONTROLLERS) || row.pods() == WorkloadKind.Pods.OWN)) {
      return Optional.of("a " + o.kind() + " is not a workload podlint can split");
    }
    Optional<YMap> owner = o.root().mapAt("metadata").flatMap(m -> m.seq("ownerReferences"))
        .flatMap(s -> s.items().stream().filter(i -> i instanceof YMap).map(i -> (YMap) i)
            .filter(r -> r.scalar("controller").flatMap(x -> x.asBoolean()).orElse(false)).findFirst());
    if (owner.isPresent()) {
      return Optional.of("its controller (" + owner.get().string("kind").orElse("?") + " "
          + owner.get().string("name").orElse("?") + ") makes this " + o.kind() + "; split the controller instead");
    }
    return Region.whyNot(o, pod.fileObjects());
  }
}
