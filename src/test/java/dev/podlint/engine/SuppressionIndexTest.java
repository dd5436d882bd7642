package dev.podlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.engine.Suppressions.FileDirectives;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Suppression matching is indexed: a finding is checked only against the suppressions that name its
 * rule and are written on its line, its document or its object, so the work grows with the number
 * of findings, not with their product with the suppressions of the file (20,000 annotated Pods in
 * one file took 85 s when every finding met every suppression). The work is counted, not timed.
 */
class SuppressionIndexTest {
  static final RuleCatalog CATALOG = TestSupport.catalog();
  static final List<String> RULES = List.of("naked-pod", "missing-memory-limit", "missing-liveness-probe",
      "missing-cpu-limit", "latest-image-tag", Suppressions.UNUSED_SUPPRESSION);

  /** {@code n} Pods in one file, each with every kind of suppression. */
  static String pods(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : "---\n").append("""
          # podlint:ignore-file missing-cpu-limit -- limits set by the namespace %d
          apiVersion: v1
          kind: Pod
          metadata:
            name: pod-%d
            annotations:
              podlint.io/ignore: naked-pod -- run by the batch system
              podlint.io/ignore.container.app: missing-memory-limit -- sized by the operator
          spec:
            containers:
              # podlint:ignore missing-liveness-probe -- exits when done
              # podlint:ignore missing-liveness-probe -- the second of two on one line
              - name: app
                image: example/app:latest
          """.formatted(i, i));
    }
    return sb.toString();
  }

  record Matched(FileDirectives directives, List<Finding> in, List<Finding> out) {}

  /** Findings of each listed rule on each Pod, matched against the file's suppressions. */
  static Matched match(int n) {
    LoadedFile loaded = new ManifestLoader().loadText(new SourceFile("pods.yaml", null), pods(n));
    FileDirectives fd = Suppressions.read(loaded, CATALOG);
    List<Finding> in = new ArrayList<>();
    for (K8sObject o : loaded.objects()) {
      YMap container = PodView.of(o).orElseThrow().containers().stream().map(ContainerView::node).findFirst()
          .orElseThrow();
      in.add(finding("naked-pod", o, o.root().keyNode("kind").orElseThrow().span(), o.root()));
      for (String rule : List.of("missing-memory-limit", "missing-liveness-probe", "missing-cpu-limit")) {
        in.add(finding(rule, o, container.span(), container));
      }
      in.add(finding("latest-image-tag", o, container.scalar("image").orElseThrow().span(), container));
    }
    List<RuleDefinition> ran = RULES.stream().map(CATALOG::get).toList();
    List<Finding> out = Suppressions.apply(in, List.of(fd), List.of(), ran, CATALOG, r -> true, true, new HashSet<>());
    return new Matched(fd, in, out);
  }

  static Finding finding(String rule, K8sObject o, Span span, YMap node) {
    RuleDefinition r = CATALOG.get(rule);
    return new Finding(r, r.severity(), rule, o.file(), span, o, node.path(), List.of(), null, null);
  }

  @Test
  void everyFindingIsMatchedAsWritten() {
    Matched m = match(50);
    Map<String, Integer> suppressed = new HashMap<>();
    for (Finding f : m.out()) {
      if (f.suppression() != null) {
        suppressed.merge(f.rule().name(), 1, Integer::sum);
      }
      String pod = f.object().name();
      int i = Integer.parseInt(pod.substring("pod-".length()));
      switch (f.rule().name()) {
        case "naked-pod" -> assertEquals("run by the batch system", f.suppression().justification());
        case "missing-memory-limit" -> assertEquals("sized by the operator", f.suppression().justification());
        // of two equally specific suppressions, the first as written
        case "missing-liveness-probe" -> assertEquals("exits when done", f.suppression().justification());
        // the document's own comment, more specific than the first document's, which covers the file
        case "missing-cpu-limit" -> assertEquals("limits set by the namespace " + i, f.suppression().justification());
        case "latest-image-tag" -> assertNull(f.suppression());
        default -> throw new AssertionError("unexpected " + f.rule().name() + ": " + f.message());
      }
    }
    assertEquals(Map.of("naked-pod", 50, "missing-memory-limit", 50, "missing-liveness-probe", 50,
        "missing-cpu-limit", 50), suppressed);
    assertEquals(m.in().size(), m.out().size(), "no unused-suppression: every suppression did something");
  }

  @Test
  void matchingWorkGrowsWithTheFindingsNotWithTheSuppressions() {
    Matched small = match(100);
    Matched big = match(2_000);
    // a finding meets the suppressions that could cover it: one, or two (its document's and the file's)
    assertTrue(big.directives().attempts <= 2L * big.in().size(),
        big.directives().attempts + " suppressions checked for " + big.in().size() + " findings");
    // 20 times the Pods, 20 times the work, not 400 times
    assertEquals(20.0 * small.directives().attempts, big.directives().attempts, 20.0 * 5);
  }
}
