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
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * unrelated-services-in-pod: weighs coupling against independence for the containers of a pod
 * (see {@link PodDesign}) and, when it holds independent services, reports once at the
 * {@code containers} key with each independent container as a related location and the proposed
 * split as a fix.
 */
public final class UnrelatedServicesInPodCheck implements Check.PodCheck {
  private final Knowledge knowledge;
  private final NetKnowledge net;

  public UnrelatedServicesInPodCheck(RuleDefinition rule, NetKnowledge net) {
    this.knowledge = Knowledge.of(rule.paramDefault("helpers"), rule.paramDefault("servers"));
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
      List<String> rest = g.services().subList(1, g.services().size()).stream().map(c -> "'" + c.name() + "'").toList();
      names.add("'" + g.main().name() + "'" + (rest.isEmpty() ? "" : " (with " + list(rest) + ")"));
    }
    Findings.Builder b = out.at(key.get())
        .arg("containers", list(names))
        .arg("evidence", String.join("; ", v.evidence()));
    for (PodDesign.Group g : v.groups()) {
      ContainerView c = g.main();
      b.related(c.node(), Map.of("container", c.name(), "why", v.why().getOrDefault(c, "serves its own port")));
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
