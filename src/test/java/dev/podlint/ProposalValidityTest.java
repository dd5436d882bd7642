package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every proposal of {@code podlint advise} is valid: it parses, validates against the Kubernetes
 * schema, brings no error the original did not have (so {@code podlint lint --fail-on error}
 * passes it when it passed the original), is not flagged by unrelated-services-in-pod again,
 * runs no two containers of one pod on one port and names no two objects alike. Checked for every
 * fixture the rule flags, and for every flagged pod of the shared corpus when it is there.
 */
class ProposalValidityTest {
  static final String RULE = "unrelated-services-in-pod";

  /** The fixtures the rule flags: its own folder, testdata/advise and the bundled examples. */
  static List<Path> flaggedFixtures() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("rules/" + RULE, "advise", "examples")) {
      try (Stream<Path> s = Files.list(TestSupport.TESTDATA.resolve(dir))) {
        for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          if (flaggedPods(p) > 0) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  private static final Linter RULE_ONLY = TestSupport.linter(TestSupport.catalog(),
      List.of(TestSupport.catalog().get(RULE)), LintOptions.DEFAULT);
  private static final Linter DEFAULTS = TestSupport.linterWithDefaults(TestSupport.catalog(), LintOptions.DEFAULT);

  static long flaggedPods(Path p) throws IOException {
    LintResult r = RULE_ONLY.lintText(new SourceFile(p.toString(), p), read(p));
    return r.findings().stream().filter(f -> !f.isSuppressed()).count();
  }

  @Test
  void theFixturesCoverEveryFolder() throws IOException {
    List<String> names = flaggedFixtures().stream().map(p -> TestSupport.TESTDATA.relativize(p).toString()).toList();
    assertTrue(names.stream().anyMatch(n -> n.startsWith("rules/")), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.startsWith("advise/")), names.toString());
    assertTrue(names.contains("examples/shop-bad.yaml"), names.toString());
  }

  @TestFactory
  Stream<DynamicTest> everyFlaggedFixtureGetsAValidProposal() throws IOException {
    return flaggedFixtures().stream().map(p -> DynamicTest.dynamicTest(TestSupport.TESTDATA.relativize(p).toString(),
        () -> {
          Cli.Run run = Cli.run("advise", "-q", TestSupport.ROOT.relativize(p).toString());
          assertEquals(0, run.code(), run.err());
          assertEquals("", run.err());
          assertEquals(List.of(), problems(read(p), run.out()), run.out());
        }));
  }

  /**
   * What is wrong with a proposal for {@code original}: empty when it parses, validates, brings no
   * new error, is not flagged again, shares no port within a pod and repeats no name.
   */
  static List<String> problems(String original, String proposed) {
    List<String> out = new ArrayList<>();
    var loaded = new ManifestLoader().loadText(new SourceFile("proposal.yaml", null), proposed);
    loaded.error().ifPresent(e -> out.add("does not parse: " + e));
    LintResult before = DEFAULTS.lintText(new SourceFile("original.yaml", null), original);
    LintResult after = DEFAULTS.lintText(new SourceFile("proposal.yaml", null), proposed);
    Set<String> errorsBefore = new HashSet<>();
    for (Finding f : before.findings()) {
      if (f.severity() == Severity.ERROR && !f.isSuppressed()) {
        errorsBefore.add(f.rule().name());
      }
    }
    for (Finding f : after.findings()) {
      if (f.isSuppressed()) {
        continue;
      }
      String name = f.rule().name();
      String where = f.span().start() + ": " + f.message();
      if (name.equals("schema-violation") && !errorsBefore.contains(name)) {
        out.add("does not validate: " + where);
      } else if (f.severity() == Severity.ERROR && !errorsBefore.contains(name)) {
        out.add("a new error: " + name + " " + where);
      } else if (name.equals(RULE) || name.equals("container-port-conflict")) {
        out.add(name + " " + where);
      }
    }
    Set<String> twiceBefore = twice(new ManifestLoader().loadText(new SourceFile("original.yaml", null), original)
        .objects());
    for (String identity : twice(loaded.objects())) {
      if (!twiceBefore.contains(identity)) {
        out.add("two objects are " + identity);
      }
    }
    return out;
  }

  /** The names two objects have. */
  private static Set<String> twice(List<K8sObject> objects) {
    Set<String> seen = new HashSet<>();
    Set<String> out = new TreeSet<>();
    for (K8sObject o : objects) {
      if (o.name() != null && !seen.add(o.identity())) {
        out.add(o.identity());
      }
    }
    return out;
  }

  /**
   * The shared corpus of real manifests (when it is there): for every file with a flagged pod, the
   * proposal is valid. The counts go to standard output.
   */
  @Test
  void everyFlaggedPodOfTheCorpusGetsAValidProposal() throws IOException {
    assumeTrue(Files.isDirectory(CorpusTest.CORPUS), "no corpus at " + CorpusTest.CORPUS);
    List<Path> files;
    try (Stream<Path> s = Files.walk(CorpusTest.CORPUS)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    long pods = 0;
    int proposed = 0;
    int parse = 0;
    int validate = 0;
    int clean = 0;
    int literal = 0;
    List<String> failures = new ArrayList<>();
    for (Path p : files) {
      long flagged;
      try {
        flagged = flaggedPods(p);
      } catch (IOException | RuntimeException e) {
        continue; // unreadable text is the loader's business, tested elsewhere
      }
      if (flagged == 0) {
        continue;
      }
      pods += flagged;
      Cli.Run run = Cli.run(TestSupport.ROOT, null, "advise", "-q", p.toString());
      long skipped = run.err().lines().filter(l -> l.contains("so no split is printed")).count();
      proposed += (int) (flagged - skipped);
      if (run.out().isEmpty()) {
        failures.add(p + ": no proposal: " + run.err());
        continue;
      }
      List<String> problems = problems(read(p), run.out());
      boolean parses = problems.stream().noneMatch(x -> x.startsWith("does not parse"));
      boolean validates = parses && problems.stream().noneMatch(x -> x.startsWith("does not validate"));
      parse += parses ? (int) flagged : 0;
      validate += validates ? (int) flagged : 0;
      clean += problems.isEmpty() ? (int) flagged : 0;
      Path tmp = Files.createTempFile("proposal", ".yaml");
      try {
        Files.writeString(tmp, run.out());
        literal += Cli.run(TestSupport.ROOT, null, "lint", "-q", "--fail-on", "error", tmp.toString()).code() == 0
            ? (int) flagged : 0;
      } finally {
        Files.delete(tmp);
      }
      if (!problems.isEmpty()) {
        failures.add(p + ": " + problems);
      }
    }
    System.out.printf("advise on the corpus: %d flagged pods, %d proposals, %d parse, %d validate, %d with no new "
        + "error and not flagged again, %d pass lint --fail-on error as they are%n", pods, proposed, parse, validate,
        clean, literal);
    assertTrue(pods > 0, "the corpus has flagged pods");
    assertEquals(List.of(), failures);
    assertEquals(pods, proposed);
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
  }

  @Test
  void aProposalThatKeepsBracketsGluedOnIsCaught() {
    String broken = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selector: {app: x}\n"
        + "  ports:\n    - port: 6379\n      targetPort: 6379]}\n";
    assertFalse(problems("", broken).isEmpty(), "the check itself sees a bracket glued to a value");
  }
}
