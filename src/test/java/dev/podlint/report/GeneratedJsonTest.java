package dev.podlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.podlint.Podlint;
import dev.podlint.TestSupport;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.Category;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SARIF and JSON written field by field with the streaming generator, in chunks rendered on worker
 * threads, are byte for byte what the models serialise to: the java-sarif model through Jackson
 * databind for SARIF and ordered maps for JSON (both kept here as the oracles), on the findings of
 * every rule's fixtures, the examples and the golden manifests, and on variants of them that reach
 * the corners (no fingerprint, no message, suppressions with and without a place, related places
 * without a span, a fix that only deletes, a baseline, notifications).
 */
class GeneratedJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
      .addMixIn(Result.class, ExplicitLevel.class)
      .addMixIn(ReportingConfiguration.class, ExplicitLevel.class);

  private static final ForkJoinPool POOL = new ForkJoinPool(3);
  private static RuleCatalog catalog;
  private static List<Finding> findings;

  @BeforeAll
  static void lintEverything() throws IOException {
    List<Path> custom;
    try (Stream<Path> rules = Files.list(TestSupport.TESTDATA.resolve("rules"))) {
      custom = rules.map(r -> r.resolve(TestSupport.CUSTOM_RULES)).filter(Files::isDirectory).toList();
    }
    catalog = TestSupport.catalog().withDirectories(custom);
    List<SourceFile> files = new ArrayList<>();
    for (String dir : List.of("rules", "examples", "golden/manifests")) {
      try (Stream<Path> all = Files.walk(TestSupport.TESTDATA.resolve(dir))) {
        all.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains(TestSupport.CUSTOM_RULES))
            .sorted()
            .forEach(p -> files.add(new SourceFile(TestSupport.ROOT.relativize(p).toString(), p)));
      }
    }
    findings = TestSupport.linter(catalog, catalog.all(), LintOptions.DEFAULT)
        .lint(files, List.of(), java.io.InputStream::nullInputStream).findings();
    assertTrue(findings.size() > 1000, "the fixtures give many findings: " + findings.size());
    assertTrue(findings.stream().anyMatch(f -> f.fix() != null) && findings.stream().anyMatch(Finding::isSuppressed)
        && findings.stream().anyMatch(f -> !f.related().isEmpty()), "fixes, suppressions and related places");
  }

  @AfterAll
  static void stop() {
    POOL.shutdown();
  }

  /** The findings, then variants of every seventh one that reach the fields a lint seldom fills. */
  private static List<Finding> withVariants() {
    List<Finding> out = new ArrayList<>(findings);
    SourceFile elsewhere = new SourceFile("/elsewhere/x.yaml", Path.of("/elsewhere/x.yaml"));
    for (int i = 0; i < findings.size(); i += 7) {
      Finding f = findings.get(i);
      Span at = f.span();
      out.add(new Finding(f.rule(), Severity.values()[i % 3], i % 2 == 0 ? null : f.message(), f.file(), at,
          f.object(), f.path(), List.of(new Finding.Related(elsewhere, null, "far"),
              new Finding.Related(f.file(), at, null)),
          i % 3 == 0 ? new Finding.Suppression(Finding.Suppression.IN_SOURCE, "because", f.file(), at)
              : i % 3 == 1 ? new Finding.Suppression(Finding.Suppression.EXTERNAL, null) : null,
          i % 5 == 0 ? null : f.fingerprint(),
          new Finding.Fix("drop it", f.file(), List.of(new Finding.Edit(at, ""), new Finding.Edit(at, "x\n")))));
      out.add(new Finding(f.rule(), f.severity(), f.message(), new SourceFile("<stdin>", null), at, null, null,
          List.of(), null, f.fingerprint()));
    }
    return out;
  }

  private static Report.Header header(Baseline.Comparison baseline) {
    List<RuleDefinition> rules = catalog.all().stream().sorted(java.util.Comparator.comparing(RuleDefinition::id))
        .toList();
    return new Report.Header(rules, "1.2.3", TestSupport.ROOT, baseline, Report.automationId("ci"));
  }

  private static LintRun run(boolean problems) {
    return new LintRun(List.of(), problems ? List.of(new InputProblem("a.yaml", "no such file")) : List.of(),
        problems ? List.of("b.yaml: boom") : List.of(), 3, 4, 5);
  }

  /** The report streamed by {@code reporter}: in random chunks, rendered on the pool when {@code ahead}. */
  private static String streamed(Reporter reporter, Report.Header header, List<Finding> all, LintRun run,
      boolean ahead) throws IOException {
    StringWriter out = new StringWriter();
    Reporter.Session s = reporter.open(header, out);
    if (ahead) {
      s = RenderAhead.of(s, POOL, 3);
    }
    Random random = new Random(all.size());
    int i = 0;
    while (i < all.size()) {
      int n = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(40);
      List<Finding> chunk = all.subList(i, Math.min(all.size(), i + n));
      switch (random.nextInt(3)) {
        case 0 -> s.part(chunk.isEmpty() ? new SourceFile("x", null) : chunk.get(0).file(), chunk);
        case 1 -> s.file(new SourceFile("x", null), chunk, null);
        default -> s.rest(chunk);
      }
      i += n;
    }
    s.finish(run, Duration.ZERO);
    return out.toString();
  }

  @Test
  void sarifIsWhatTheModelSerialisesTo() throws IOException {
    List<Finding> all = withVariants();
    Set<String> known = new HashSet<>();
    for (int i = 0; i < all.size(); i += 2) {
      known.add(all.get(i).rule().id() + "\u0000" + all.get(i).fingerprint());
    }
    // without a baseline, and with one and the run's problems
    for (Baseline.Comparison baseline : new Baseline.Comparison[] {null, new Baseline.Comparison(known)}) {
      boolean problems = baseline != null;
      String expected = SarifOracle.log(header(baseline), all, run(problems));
      assertEquals(expected, streamed(new SarifReporter(), header(baseline), all, run(problems), false));
      assertEquals(expected, streamed(new SarifReporter(), header(baseline), all, run(problems), true));
    }
    // no result at all
    assertEquals(SarifOracle.log(header(null), List.of(), run(false)),
        streamed(new SarifReporter(), header(null), List.of(), run(false), true));
  }

  /**
   * The end of a run may report a finding for most of its objects in one call: rendered ahead, it
   * is rendered in slices (a text each), and the report is the same as written whole.
   */
  @Test
  void theLastFindingsOfARunAreTheSameRenderedInSlices() throws IOException {
    List<Finding> all = new ArrayList<>();
    while (all.size() <= 2 * RenderAhead.SLICE) {
      all.addAll(withVariants());
    }
    for (Reporter reporter : new Reporter[] {new SarifReporter(), new JsonReporter()}) {
      StringWriter whole = new StringWriter();
      Reporter.Session s = reporter.open(header(null), whole);
      s.rest(all);
      s.finish(run(false), Duration.ZERO);
      StringWriter sliced = new StringWriter();
      Reporter.Session ahead = RenderAhead.of(reporter.open(header(null), sliced), POOL, 3);
      assertTrue(ahead instanceof RenderAhead, reporter.toString());
      ahead.rest(all);
      ahead.finish(run(false), Duration.ZERO);
      assertEquals(whole.toString(), sliced.toString());
    }
  }

  @Test
  void jsonIsWhatTheMapsSerialiseTo() throws IOException {
    List<Finding> all = withVariants().stream().filter(f -> f.fingerprint() != null || f.message() != null).toList();
    for (boolean problems : new boolean[] {false, true}) {
      String expected = JsonOracle.report(header(null), all, run(problems));
      assertEquals(expected, streamed(new JsonReporter(), header(null), all, run(problems), false));
      assertEquals(expected, streamed(new JsonReporter(), header(null), all, run(problems), true));
    }
    assertEquals(JsonOracle.report(header(null), List.of(), run(false)),
        streamed(new JsonReporter(), header(null), List.of(), run(false), true));
  }

  @Test
  void linesAreTheSameRenderedAhead() throws IOException {
    List<Finding> all = withVariants().stream().filter(f -> f.message() != null).toList();
    for (Reporter r : List.of(new TextReporter(false), new TextReporter(true), new GithubReporter())) {
      String inOrder = streamed(r, header(null), all, run(false), false);
      assertTrue(inOrder.lines().count() > 1000, inOrder.length() + " chars");
      assertEquals(inOrder, streamed(r, header(null), all, run(false), true));
    }
  }

  /** The SARIF log as the java-sarif model serialised it before results were streamed field by field. */
  private static final class SarifOracle {
    static String log(Report.Header header, List<Finding> findings, LintRun r) throws IOException {
      StringWriter out = new StringWriter();
      Map<String, Integer> index = new HashMap<>();
      Set<ReportingDescriptor> rules = new LinkedHashSet<>();
      for (RuleDefinition rule : header.rules()) {
        index.put(rule.id(), index.size());
        rules.add(descriptor(rule));
      }
      JsonGenerator g = MAPPER.createGenerator(out).useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SarifReporter.SCHEMA.toString());
      g.writeObjectField("version", SarifSchema210.Version._2_1_0);
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectField("tool", new Tool().withDriver(new ToolComponent()
          .withName("podlint")
          .withVersion(header.toolVersion())
          .withSemanticVersion(header.toolVersion())
          .withInformationUri(URI.create(Podlint.HOME))
          .withRules(rules)));
      g.writeObjectField("originalUriBaseIds", new OriginalUriBaseIds().withAdditionalProperty(
          SarifReporter.SRCROOT, new ArtifactLocation().withUri(header.srcRootUri())));
      g.writeObjectField("automationDetails", new RunAutomationDetails().withId(header.automationId()));
      g.writeObjectField("columnKind", Run.ColumnKind.UNICODE_CODE_POINTS);
      g.writeArrayFieldStart("results");
      for (Finding f : findings) {
        Result res = result(f, index.get(f.rule().id()), header.srcRoot());
        if (header.baseline() != null) {
          res.withBaselineState(header.baseline().isNew(f) ? Result.BaselineState.NEW
              : Result.BaselineState.UNCHANGED);
        }
        g.writeObject(res);
      }
      g.writeEndArray();
      List<Notification> notifications = new ArrayList<>();
      for (InputProblem p : r.inputProblems()) {
        notifications.add(new Notification().withLevel(Notification.Level.ERROR)
            .withMessage(new Message().withText("cannot read " + p.input() + ": " + p.message())));
      }
      for (String e : r.internalErrors()) {
        notifications.add(new Notification().withLevel(Notification.Level.ERROR)
            .withMessage(new Message().withText("internal error: " + e)));
      }
      Invocation invocation = new Invocation().withExecutionSuccessful(r.internalErrors().isEmpty());
      if (!notifications.isEmpty()) {
        invocation.withToolExecutionNotifications(notifications);
      }
      g.writeObjectField("invocations", List.of(invocation));
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write('\n');
      return out.toString();
    }

    private static ReportingDescriptor descriptor(RuleDefinition rule) {
      Set<String> tags = new LinkedHashSet<>(List.of(rule.category().label(), rule.kind().label()));
      rule.tags().stream().filter(t -> !t.equals(Category.SECURITY.label())).forEach(tags::add);
      PropertyBag props = new PropertyBag().withTags(tags);
      if (rule.precision() != null) {
        props.withAdditionalProperty("precision", rule.precision().label());
      }
      props.withAdditionalProperty("problem.severity", switch (rule.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case NOTE -> "recommendation";
      });
      if (rule.category() == Category.SECURITY) {
        props.withAdditionalProperty("security-severity", SarifReporter.securitySeverity(rule.severity()));
      }
      String rationale = rule.rationale();
      int p = rationale.indexOf("\n\n");
      return new ReportingDescriptor()
          .withId(rule.id())
          .withName(rule.name())
          .withShortDescription(new MultiformatMessageString().withText(rule.title()))
          .withFullDescription(new MultiformatMessageString()
              .withText((p < 0 ? rationale : rationale.substring(0, p)).replace('\n', ' ').strip()))
          .withHelp(new MultiformatMessageString().withText(rule.remediation()).withMarkdown(RuleDocs.markdown(rule, 2)))
          .withHelpUri(RuleDocs.url(rule).orElse(null))
          .withDefaultConfiguration(new ReportingConfiguration()
              .withEnabled(rule.enabledByDefault())
              .withLevel(ReportingConfiguration.Level.fromValue(level(rule.severity()))))
          .withProperties(props);
    }

    private static String level(Severity s) {
      return s == Severity.ERROR ? "error" : s == Severity.WARNING ? "warning" : "note";
    }

    private static Result result(Finding f, int ruleIndex, Path srcRoot) {
      Location primary = location(f.file(), f.span(), srcRoot);
      if (f.object() != null) {
        Set<LogicalLocation> logical = new LinkedHashSet<>();
        logical.add(new LogicalLocation().withName(f.object().name())
            .withFullyQualifiedName(f.object().identity()).withKind("object"));
        if (f.path() != null && !f.path().isRoot()) {
          logical.add(new LogicalLocation()
              .withName(String.valueOf(f.path().segments().get(f.path().segments().size() - 1)))
              .withFullyQualifiedName(f.object().identity() + ":" + f.path()).withKind("member"));
        }
        primary.withLogicalLocations(logical);
      }
      Result res = new Result()
          .withRuleId(f.rule().id())
          .withRuleIndex(ruleIndex)
          .withLevel(Result.Level.fromValue(level(f.severity())))
          .withMessage(new Message().withText(f.message()))
          .withLocations(List.of(primary))
          .withPartialFingerprints(new PartialFingerprints()
              .withAdditionalProperty(SarifReporter.FINGERPRINT_KEY, f.fingerprint()));
      if (!f.related().isEmpty()) {
        Set<Location> related = new LinkedHashSet<>();
        int id = 1;
        for (Finding.Related rel : f.related()) {
          related.add(location(rel.file(), rel.span(), srcRoot).withId(id++)
              .withMessage(new Message().withText(rel.message())));
        }
        res.withRelatedLocations(related);
      }
      if (f.fix() != null) {
        List<com.contrastsecurity.sarif.Replacement> replacements = new ArrayList<>();
        for (Finding.Edit e : f.fix().edits()) {
          replacements.add(new com.contrastsecurity.sarif.Replacement()
              .withDeletedRegion(region(e.deleted()))
              .withInsertedContent(new com.contrastsecurity.sarif.ArtifactContent().withText(e.inserted())));
        }
        res.withFixes(Set.of(new com.contrastsecurity.sarif.Fix()
            .withDescription(new Message().withText(f.fix().description()))
            .withArtifactChanges(Set.of(new com.contrastsecurity.sarif.ArtifactChange()
                .withArtifactLocation(artifact(f.fix().file(), srcRoot))
                .withReplacements(replacements)))));
      }
      if (f.isSuppressed()) {
        Finding.Suppression given = f.suppression();
        Suppression sup = new Suppression()
            .withKind(given.kind().equals(Finding.Suppression.IN_SOURCE) ? Suppression.Kind.IN_SOURCE
                : Suppression.Kind.EXTERNAL)
            .withStatus(Suppression.Status.ACCEPTED)
            .withJustification(given.justification());
        if (given.file() != null && given.span() != null) {
          sup.withLocation(location(given.file(), given.span(), srcRoot));
        }
        res.withSuppressions(Set.of(sup));
      }
      return res;
    }

    private static Region region(Span d) {
      return new Region().withStartLine(d.start().line()).withStartColumn(d.start().column())
          .withEndLine(d.end().line()).withEndColumn(d.end().column());
    }

    private static Location location(SourceFile file, Span span, Path srcRoot) {
      PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifact(file, srcRoot));
      return new Location().withPhysicalLocation(span == null ? physical : physical.withRegion(region(span)));
    }

    private static ArtifactLocation artifact(SourceFile file, Path srcRoot) {
      if (file.path() == null) {
        return new ArtifactLocation().withUri("stdin");
      }
      if (file.kind() == SourceFile.Kind.TEMPLATE) {
        String rel = file.path().normalize().toString();
        return rel.startsWith("../") || file.path().isAbsolute()
            ? new ArtifactLocation().withUri(SarifReporter.encodePath(rel))
            : new ArtifactLocation().withUri(SarifReporter.encodePath(rel)).withUriBaseId(SarifReporter.SRCROOT);
      }
      Path abs = file.path().toAbsolutePath().normalize();
      Path root = srcRoot.toAbsolutePath().normalize();
      if (abs.startsWith(root)) {
        return new ArtifactLocation().withUri(SarifReporter.encodePath(root.relativize(abs).toString()))
            .withUriBaseId(SarifReporter.SRCROOT);
      }
      return new ArtifactLocation().withUri(abs.toUri().toString());
    }
  }

  /** Always writes {@code level}, as the reporter did (java-sarif leaves out its default, warning). */
  abstract static class ExplicitLevel {
    @JsonProperty("level")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Object level;
  }

  /** The JSON report as ordered maps serialised it before it was written field by field. */
  private static final class JsonOracle {
    static String report(Report.Header header, List<Finding> findings, LintRun r) throws IOException {
      Writer out = new StringWriter();
      JsonGenerator g = MAPPER.createGenerator(out).useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", JsonReporter.SCHEMA_VERSION);
      Map<String, Object> tool = new LinkedHashMap<>();
      tool.put("name", "podlint");
      tool.put("version", header.toolVersion());
      g.writeObjectField("tool", tool);
      g.writeArrayFieldStart("findings");
      long[] counts = new long[3];
      long suppressed = 0;
      for (Finding f : findings) {
        if (f.isSuppressed()) {
          suppressed++;
        } else {
          counts[f.severity().ordinal()]++;
        }
        g.writeObject(finding(f));
      }
      g.writeEndArray();
      List<Object> problems = new ArrayList<>();
      for (InputProblem p : r.inputProblems()) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("input", p.input());
        problem.put("message", p.message());
        problems.add(problem);
      }
      g.writeObjectField("inputErrors", problems);
      g.writeObjectField("internalErrors", r.internalErrors());
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("files", r.files());
      summary.put("documents", r.documents());
      summary.put("objects", r.objects());
      summary.put("errors", counts[Severity.ERROR.ordinal()]);
      summary.put("warnings", counts[Severity.WARNING.ordinal()]);
      summary.put("notes", counts[Severity.NOTE.ordinal()]);
      summary.put("suppressed", suppressed);
      g.writeObjectField("summary", summary);
      g.writeEndObject();
      g.flush();
      out.write('\n');
      return out.toString();
    }

    private static Map<String, Object> finding(Finding f) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ruleId", f.rule().id());
      m.put("rule", f.rule().name());
      m.put("level", f.severity().label());
      m.put("message", f.message());
      m.put("file", f.file().displayName());
      putSpan(m, f.span());
      if (f.object() != null) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", f.object().apiVersion());
        o.put("kind", f.object().kind());
        o.put("namespace", f.object().namespace());
        o.put("name", f.object().name());
        m.put("object", o);
      }
      m.put("path", f.path() == null ? null : f.path().toString());
      List<Object> related = new ArrayList<>();
      for (Finding.Related rel : f.related()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("file", rel.file().displayName());
        if (rel.span() != null) {
          putSpan(x, rel.span());
        }
        x.put("message", rel.message());
        related.add(x);
      }
      m.put("related", related);
      m.put("suppressed", f.isSuppressed());
      if (f.isSuppressed()) {
        Map<String, Object> sup = new LinkedHashMap<>();
        sup.put("kind", f.suppression().kind());
        sup.put("justification", f.suppression().justification());
        if (f.suppression().file() != null && f.suppression().span() != null) {
          sup.put("file", f.suppression().file().displayName());
          putSpan(sup, f.suppression().span());
        }
        m.put("suppression", sup);
      }
      m.put("fingerprint", f.fingerprint());
      if (f.fix() != null) {
        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("description", f.fix().description());
        fix.put("file", f.fix().file().displayName());
        List<Object> edits = new ArrayList<>();
        for (Finding.Edit e : f.fix().edits()) {
          Map<String, Object> edit = new LinkedHashMap<>();
          putSpan(edit, e.deleted());
          edit.put("insert", e.inserted());
          edits.add(edit);
        }
        fix.put("edits", edits);
        m.put("fix", fix);
      }
      return m;
    }

    private static void putSpan(Map<String, Object> m, Span s) {
      m.put("line", s.start().line());
      m.put("column", s.start().column());
      m.put("endLine", s.end().line());
      m.put("endColumn", s.end().column());
    }
  }
}
