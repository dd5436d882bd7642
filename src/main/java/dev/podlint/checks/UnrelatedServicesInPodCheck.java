package dev.podlint.checks;

import dev.podlint.advise.Knowledge;
import dev.podlint.advise.PodDesign;
import dev.podlint.advise.SplitProposal;
import dev.podlint.engine.Check;
import dev.podlint.engine.Finding;
import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YScalar;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * unrelated-services-in-pod: judges the containers of a pod by their roles and what binds them
 * (see {@link PodDesign}) and, when it holds independent workloads, reports once at the
 * {@code containers} key, naming the groups and the evidence for and against the split, with each
 * group's first container as a related location and the proposed split as a fix.
 */
public final class UnrelatedServicesInPodCheck implements Check.PodCheck {
  private final Knowledge knowledge;
  private final NetKnowledge net;

  public UnrelatedServicesInPodCheck(Knowledge.Params params, NetKnowledge net) {
    this.knowledge = Knowledge.of(params);
    this.net = net;
  }

  @Override
  public void check(PodView pod, Findings out) {
    Optional<YScalar> key = pod.containersKey();
    if (key.isEmpty() || !pod.isLongRunning()) {
      return; // a pod that runs to completion holds tasks, not services
    }
    Optional<PodDesign.Verdict> verdict = PodDesign.analyze(pod, knowledge, PodNet.of(pod, net));
    if (verdict.isEmpty()) {
      return;
    }
    PodDesign.Verdict v = verdict.get();
    List<String> names = new ArrayList<>();
    for (PodDesign.Group g : v.groups()) {
      List<String> with = new ArrayList<>();
      g.services().subList(1, g.services().size()).forEach(c -> with.add("'" + c.name() + "'"));
      g.companions().forEach(m -> with.add(v.roles().get(m.container()).label() + " '" + m.container().name() + "'"));
      names.add("'" + g.main().name() + "'" + (with.isEmpty() ? "" : " (with " + list(with) + ")"));
    }
    Findings.Builder b = out.at(key.get())
        .arg("containers", list(names))
        .arg("evidence", String.join("; ", v.evidence()))
        .arg("against", v.against().isEmpty() ? "nothing" : String.join("; ", v.against()));
    for (PodDesign.Group g : v.groups()) {
      ContainerView c = g.main();
      b.related(c.node(), Map.of("container", c.name(), "why", v.why().getOrDefault(c, "runs on its own")));
    }
    SplitProposal.of(pod, v, knowledge).ifPresent(p -> b.fix(p.description(), p.replacements().stream()
        .map(r -> new Finding.Edit(r.deleted(), r.text())).toList()));
    b.report();
  }

  /** {@code 'a', 'b' and 'c'}. */
  static String list(List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
