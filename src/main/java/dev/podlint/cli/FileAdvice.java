package dev.podlint.cli;

import dev.podlint.advise.Knowledge;
import dev.podlint.advise.PodDesign;
import dev.podlint.advise.SplitProposal;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.report.TextEscape;
import dev.podlint.net.NetKnowledge;
import dev.podlint.net.PodNet;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code podlint advise} proposes for one file: the linter says which pods
 * unrelated-services-in-pod flags (so suppressions and exemptions count), and the advisor writes a
 * proposal for each, as edits of the file's text. Names stay unique across the proposals of the
 * file; a proposal whose edits would overlap an earlier one's is left out with a message.
 *
 * @param edits the edits of all proposals, not overlapping
 * @param pods how many pods got a proposal
 * @param skipped how many flagged pods got none
 * @param messages for standard error, one line each
 * @param unreadable the file holds invalid YAML (the objects before the error were advised)
 */
record FileAdvice(List<Finding.Edit> edits, int pods, int skipped, List<String> messages, boolean unreadable) {
  /** The advice for file {@code f}, whose objects carry pods as {@code kinds} says. */
  static FileAdvice of(SourceFile f, String text, Linter linter, RuleDefinition rule, Knowledge knowledge,
      NetKnowledge net, RunConfigMaps configMaps, WorkloadKinds kinds) {
    WorkloadKinds before = WorkloadKinds.use(kinds);
    try {
      return of(f, text, linter, rule, knowledge, net, configMaps);
    } finally {
      WorkloadKinds.use(before);
    }
  }

  private static FileAdvice of(SourceFile f, String text, Linter linter, RuleDefinition rule, Knowledge knowledge,
      NetKnowledge net, RunConfigMaps configMaps) {
    LintResult r = linter.lintText(f, text, configMaps);
    List<String> messages = new ArrayList<>();
    boolean unreadable = false;
    List<Finding> flagged = new ArrayList<>();
    for (Finding x : r.findings()) {
      if (x.rule().name().equals(Linter.INVALID_YAML)) {
        messages.add("podlint: " + TextEscape.fileName(f.displayName()) + ":" + x.span().start() + ": "
            + TextEscape.value(x.message())
            + "; no advice for the objects after it");
        unreadable = true;
      } else if (x.rule() == rule && !x.isSuppressed() && x.object() != null) {
        flagged.add(x);
      }
    }
    if (flagged.isEmpty()) {
      return new FileAdvice(List.of(), 0, 0, messages, unreadable);
    }
    LoadedFile loaded = new ManifestLoader().loadText(f, text);
    Set<String> taken = new HashSet<>();
    List<Finding.Edit> edits = new ArrayList<>();
    int pods = 0;
    int skipped = 0;
    for (Finding x : flagged) {
      String at = "podlint: " + TextEscape.fileName(f.displayName()) + ":" + x.span().start() + ": this pod holds independent services, but ";
      Optional<PodView> pod = same(loaded.objects(), x.object()).flatMap(o -> PodView.of(o, loaded.objects(), configMaps));
      Optional<String> why = pod.isEmpty() ? Optional.of("podlint could not read it again")
          : SplitProposal.unavailable(pod.get());
      Optional<SplitProposal> proposal = why.isPresent() ? Optional.empty()
          : PodDesign.analyze(pod.get(), knowledge, PodNet.of(pod.get(), net)).flatMap(v -> SplitProposal.of(pod.get(), v, knowledge, taken));
      if (proposal.isEmpty()) {
        messages.add(at + why.orElse("podlint found no split for it") + ", so no split is printed");
        skipped++;
        continue;
      }
      List<Finding.Edit> mine = proposal.get().replacements().stream()
          .map(e -> new Finding.Edit(e.deleted(), e.text())).toList();
      if (mine.stream().anyMatch(e -> edits.stream().anyMatch(o -> overlap(e.deleted(), o.deleted())))) {
        messages.add(at + "its split changes a Service an earlier split in this file changes too; apply that one "
            + "and run podlint advise again");
        skipped++;
        continue;
      }
      edits.addAll(mine);
      pods++;
    }
    return new FileAdvice(edits, pods, skipped, messages, unreadable);
  }

  /** The object of a second reading of the file that is {@code o}: same document, same place. */
  private static Optional<K8sObject> same(List<K8sObject> objects, K8sObject o) {
    return objects.stream().filter(x -> x.documentIndex() == o.documentIndex()
        && x.root().span().start().equals(o.root().span().start())).findFirst();
  }

  private static boolean overlap(Span a, Span b) {
    return a.start().compareTo(b.end()) < 0 && b.start().compareTo(a.end()) < 0;
  }
}
