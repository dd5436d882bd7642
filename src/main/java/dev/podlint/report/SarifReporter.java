package dev.podlint.report;

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
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.Category;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleDocs;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and IDE viewers, written with the java-sarif model. URIs are
 * relative to {@code %SRCROOT%}; columns count Unicode code points.
 */
public final class SarifReporter implements Reporter {
  public static final String SRCROOT = "%SRCROOT%";
  public static final String FINGERPRINT_KEY = "podlint/v1";
  static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");

  /** One mapper for every report: building one (its serializers for the SARIF model) takes tens of ms. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
      .addMixIn(Result.class, ExplicitLevel.class)
      .addMixIn(ReportingConfiguration.class, ExplicitLevel.class);

  @Override
  public boolean showsBaselineState() {
    return true;
  }

  /**
   * Writes the log around the results by hand and each result with the java-sarif model, so that
   * results go out as the run finishes them; {@code invocations} (whether the run succeeded, what
   * went wrong) follows the results, as only the end of the run knows it.
   */
  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>();
    for (RuleDefinition rule : header.rules()) {
      index.put(rule.id(), index.size());
      rules.add(descriptor(rule));
    }
    JsonGenerator g = MAPPER.createGenerator(out).useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA.toString());
    g.writeObjectField("version", SarifSchema210.Version._2_1_0);
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectField("tool", new Tool().withDriver(new ToolComponent()
        .withName("podlint")
        .withVersion(header.toolVersion())
        .withSemanticVersion(header.toolVersion())
        .withInformationUri(URI.create(Podlint.HOME))
        .withRules(rules)));
    g.writeObjectField("originalUriBaseIds", new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
        new ArtifactLocation().withUri(header.srcRootUri())));
    g.writeObjectField("automationDetails", new RunAutomationDetails().withId(header.automationId()));
    g.writeObjectField("columnKind", Run.ColumnKind.UNICODE_CODE_POINTS);
    g.writeArrayFieldStart("results");
    return new FlatSession() {
      @Override
      public void rest(List<Finding> findings) throws IOException {
        for (Finding f : findings) {
          Result res = result(f, index.get(f.rule().id()), header.srcRoot());
          if (header.baseline() != null) {
            res.withBaselineState(header.baseline().isNew(f) ? Result.BaselineState.NEW
                : Result.BaselineState.UNCHANGED);
          }
          g.writeObject(res);
        }
      }

      @Override
      public void finish(LintRun r, Duration elapsed) throws IOException {
        g.writeEndArray();
        List<Notification> notifications = new ArrayList<>();
        for (InputProblem p : r.inputProblems()) {
          notifications.add(new Notification()
              .withLevel(Notification.Level.ERROR)
              .withMessage(new Message().withText("cannot read " + p.input() + ": " + p.message())));
        }
        for (String e : r.internalErrors()) {
          notifications.add(new Notification()
              .withLevel(Notification.Level.ERROR)
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
        out.flush();
      }
    };
  }

  /**
   * java-sarif leaves out values equal to the schema default, so {@code "level": "warning"} would
   * vanish and a result would inherit its rule's default level instead (a warning of a rule whose
   * default is error would read as an error). This mix-in writes {@code level} whenever it is set.
   */
  abstract static class ExplicitLevel {
    @JsonProperty("level")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Object level;
  }

  private static ReportingDescriptor descriptor(RuleDefinition rule) {
    // category, kind, then the rule file's tags; "security" only as a category: GitHub lists a rule
    // tagged so among security alerts, which the security-severity below ranks
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
      // GitHub code scanning ranks security alerts by this score (critical 9.0+, high 7.0-8.9,
      // medium 4.0-6.9, low below); it counts only with the "security" tag, which the category tag is
      props.withAdditionalProperty("security-severity", securitySeverity(rule.severity()));
    }
    return new ReportingDescriptor()
        .withId(rule.id())
        .withName(rule.name())
        .withShortDescription(new MultiformatMessageString().withText(rule.title()))
        .withFullDescription(new MultiformatMessageString().withText(firstParagraph(rule.rationale())))
        .withHelp(new MultiformatMessageString()
            .withText(rule.remediation())
            .withMarkdown(RuleDocs.markdown(rule, 2)))
        .withHelpUri(helpUri(rule))
        .withDefaultConfiguration(new ReportingConfiguration()
            .withEnabled(rule.enabledByDefault())
            .withLevel(level(rule.severity())))
        .withProperties(props);
  }

  /** The {@code security-severity} of a security rule of a level: high, medium or low. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case ERROR -> "8.0";
      case WARNING -> "5.5";
      case NOTE -> "3.0";
    };
  }

  /** podlint's page of its own rules; a user rule's first reference, if it has one (a URI). */
  private static URI helpUri(RuleDefinition rule) {
    return RuleDocs.url(rule).orElse(null); // a URL that is no URI (SARIF would refuse it): no link
  }

  private static Result result(Finding f, int ruleIndex, Path srcRoot) {
    Location primary = location(f.file(), f.span(), srcRoot);
    if (f.object() != null) {
      Set<LogicalLocation> logical = new LinkedHashSet<>();
      logical.add(new LogicalLocation()
          .withName(f.object().name())
          .withFullyQualifiedName(f.object().identity())
          .withKind("object"));
      if (f.path() != null && !f.path().isRoot()) {
        logical.add(new LogicalLocation()
            .withName(String.valueOf(f.path().segments().get(f.path().segments().size() - 1)))
            .withFullyQualifiedName(f.object().identity() + ":" + f.path())
            .withKind("member"));
      }
      primary.withLogicalLocations(logical);
    }
    Result res = new Result()
        .withRuleId(f.rule().id())
        .withRuleIndex(ruleIndex)
        .withLevel(resultLevel(f.severity()))
        .withMessage(new Message().withText(f.message()))
        .withLocations(List.of(primary))
        .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, f.fingerprint()));
    if (!f.related().isEmpty()) {
      Set<Location> related = new LinkedHashSet<>();
      int id = 1;
      for (Finding.Related rel : f.related()) {
        related.add(location(rel.file(), rel.span(), srcRoot)
            .withId(id++)
            .withMessage(new Message().withText(rel.message())));
      }
      res.withRelatedLocations(related);
    }
    if (f.fix() != null) {
      Finding.Fix fix = f.fix();
      List<com.contrastsecurity.sarif.Replacement> replacements = new ArrayList<>();
      for (Finding.Edit e : fix.edits()) {
        Span d = e.deleted();
        replacements.add(new com.contrastsecurity.sarif.Replacement()
            .withDeletedRegion(new Region()
                .withStartLine(d.start().line())
                .withStartColumn(d.start().column())
                .withEndLine(d.end().line())
                .withEndColumn(d.end().column()))
            .withInsertedContent(new com.contrastsecurity.sarif.ArtifactContent().withText(e.inserted())));
      }
      res.withFixes(Set.of(new com.contrastsecurity.sarif.Fix()
          .withDescription(new Message().withText(fix.description()))
          .withArtifactChanges(Set.of(new com.contrastsecurity.sarif.ArtifactChange()
              .withArtifactLocation(artifact(fix.file(), srcRoot))
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

  private static Location location(SourceFile file, Span span, Path srcRoot) {
    if (span == null) {
      return new Location().withPhysicalLocation(new PhysicalLocation().withArtifactLocation(artifact(file, srcRoot)));
    }
    return new Location().withPhysicalLocation(new PhysicalLocation()
        .withArtifactLocation(artifact(file, srcRoot))
        .withRegion(new Region()
            .withStartLine(span.start().line())
            .withStartColumn(span.start().column())
            .withEndLine(span.end().line())
            .withEndColumn(span.end().column())));
  }

  /** A URI relative to {@code %SRCROOT%} when the file is below it, else an absolute file URI. */
  static ArtifactLocation artifact(SourceFile file, Path srcRoot) {
    if (file.path() == null) {
      return new ArtifactLocation().withUri("stdin");
    }
    if (file.kind() == SourceFile.Kind.TEMPLATE) {
      String rel = file.path().normalize().toString().replace('\\', '/');
      return rel.startsWith("../") || file.path().isAbsolute() ? new ArtifactLocation().withUri(encodePath(rel))
          : new ArtifactLocation().withUri(encodePath(rel)).withUriBaseId(SRCROOT);
    }
    Path abs = file.path().toAbsolutePath().normalize();
    Path root = srcRoot.toAbsolutePath().normalize();
    if (abs.startsWith(root)) {
      String rel = root.relativize(abs).toString().replace('\\', '/');
      return new ArtifactLocation().withUri(encodePath(rel)).withUriBaseId(SRCROOT);
    }
    return new ArtifactLocation().withUri(abs.toUri().toString());
  }

  /** Percent-encodes what a relative URI reference cannot hold, keeping slashes. */
  static String encodePath(String rel) {
    StringBuilder sb = new StringBuilder();
    for (byte b : rel.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  private static String firstParagraph(String markdown) {
    int i = markdown.indexOf("\n\n");
    return (i < 0 ? markdown : markdown.substring(0, i)).replace('\n', ' ').strip();
  }

  private static ReportingConfiguration.Level level(Severity s) {
    return switch (s) {
      case ERROR -> ReportingConfiguration.Level.ERROR;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case NOTE -> ReportingConfiguration.Level.NOTE;
    };
  }

  private static Result.Level resultLevel(Severity s) {
    return switch (s) {
      case ERROR -> Result.Level.ERROR;
      case WARNING -> Result.Level.WARNING;
      case NOTE -> Result.Level.NOTE;
    };
  }
}
