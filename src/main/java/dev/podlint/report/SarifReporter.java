package dev.podlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and IDE viewers, written field by field with jackson-core's
 * generator in the shape (and the bytes) the java-sarif model serialises to: its property order,
 * and none of the values it leaves out (nulls and its defaults: a rule's {@code enabled: true}).
 * URIs are relative to {@code %SRCROOT%}; columns count Unicode code points.
 */
public final class SarifReporter implements Reporter {
  public static final String SRCROOT = "%SRCROOT%";
  public static final String FINGERPRINT_KEY = "podlint/v1";
  static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
  private static final String VERSION = "2.1.0";

  @Override
  public boolean showsBaselineState() {
    return true;
  }

  /**
   * Writes the log around the results, and the results as the run finishes them; {@code invocations}
   * (whether the run succeeded, what went wrong) follows the results, as only the end of the run
   * knows it.
   */
  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    for (RuleDefinition rule : header.rules()) {
      index.put(rule.id(), index.size());
    }
    JsonGenerator g = JsonChunks.generator(out);
    g.writeStartObject();
    g.writeStringField("$schema", SCHEMA.toString());
    g.writeStringField("version", VERSION);
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "podlint");
    string(g, "version", header.toolVersion());
    string(g, "semanticVersion", header.toolVersion());
    g.writeStringField("informationUri", Podlint.HOME);
    g.writeArrayFieldStart("rules");
    boolean rules = false;
    for (RuleDefinition rule : new LinkedHashSet<>(header.rules())) {
      // podlint's own rules as they ship were rendered when podlint was built
      rules = JsonChunks.append(g, SarifRuleDescriptors.of(rule), rules);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("originalUriBaseIds");
    g.writeObjectFieldStart(SRCROOT);
    string(g, "uri", header.srcRootUri());
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("automationDetails");
    string(g, "id", header.automationId());
    g.writeEndObject();
    g.writeStringField("columnKind", "unicodeCodePoints");
    g.writeArrayFieldStart("results");
    return new FlatSession() {
      /** Whether a result was written. */
      private boolean results;

      @Override
      public String render(List<Finding> findings) throws IOException {
        return JsonChunks.render(SarifReporter::openResults, r -> {
          SarifArtifacts artifacts = new SarifArtifacts(header.srcRoot());
          for (Finding f : findings) {
            result(r, f, index.get(f.rule().id()), artifacts, header.baseline());
          }
        });
      }

      @Override
      public void write(List<Finding> findings, String text) throws IOException {
        results = JsonChunks.append(g, text, results);
      }

      @Override
      public void finish(LintRun r, Duration elapsed) throws IOException {
        g.writeEndArray();
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        if (!r.inputProblems().isEmpty() || !r.internalErrors().isEmpty()) {
          g.writeArrayFieldStart("toolExecutionNotifications");
          for (InputProblem p : r.inputProblems()) {
            notification(g, "cannot read " + p.input() + ": " + p.message());
          }
          for (String e : r.internalErrors()) {
            notification(g, "internal error: " + e);
          }
          g.writeEndArray();
        }
        g.writeBooleanField("executionSuccessful", r.internalErrors().isEmpty());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
      }
    };
  }

  /** Opens the log down to its results, as {@link #open} does: where a chunk of results is rendered. */
  private static void openResults(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeArrayFieldStart("results");
  }

  private static void notification(JsonGenerator g, String text) throws IOException {
    g.writeStartObject();
    message(g, "message", text);
    g.writeStringField("level", "error");
    g.writeEndObject();
  }

  /** A string field, left out when the value is null (as the model leaves it out). */
  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /** A message object: its text, when there is one. */
  private static void message(JsonGenerator g, String name, String text) throws IOException {
    g.writeObjectFieldStart(name);
    string(g, "text", text);
    g.writeEndObject();
  }

  /** A rule's reportingDescriptor (rendered apart, see {@link SarifRuleDescriptors}). */
  static void descriptor(JsonGenerator g, RuleDefinition rule) throws IOException {
    g.writeStartObject();
    string(g, "id", rule.id());
    string(g, "name", rule.name());
    message(g, "shortDescription", rule.title());
    message(g, "fullDescription", firstParagraph(rule.rationale()));
    g.writeObjectFieldStart("defaultConfiguration");
    if (!rule.enabledByDefault()) {
      g.writeBooleanField("enabled", false); // true is the model's default, which it leaves out
    }
    g.writeStringField("level", level(rule.severity()));
    g.writeEndObject();
    URI help = helpUri(rule);
    if (help != null) {
      g.writeStringField("helpUri", help.toString());
    }
    g.writeObjectFieldStart("help");
    string(g, "text", rule.remediation());
    string(g, "markdown", RuleDocs.markdown(rule, 2));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    // category, kind, then the rule file's tags; "security" only as a category: GitHub lists a rule
    // tagged so among security alerts, which the security-severity below ranks
    Set<String> tags = new LinkedHashSet<>(List.of(rule.category().label(), rule.kind().label()));
    rule.tags().stream().filter(t -> !t.equals(Category.SECURITY.label())).forEach(tags::add);
    g.writeArrayFieldStart("tags");
    for (String t : tags) {
      g.writeString(t);
    }
    g.writeEndArray();
    // the properties besides the tags in the order of the java-sarif property bag (a HashMap), which
    // the reports have always had
    Map<String, String> properties = new HashMap<>();
    if (rule.precision() != null) {
      properties.put("precision", rule.precision().label());
    }
    properties.put("problem.severity", switch (rule.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "recommendation";
    });
    if (rule.category() == Category.SECURITY) {
      // GitHub code scanning ranks security alerts by this score (critical 9.0+, high 7.0-8.9,
      // medium 4.0-6.9, low below); it counts only with the "security" tag, which the category tag is
      properties.put("security-severity", securitySeverity(rule.severity()));
    }
    for (Map.Entry<String, String> p : properties.entrySet()) {
      g.writeStringField(p.getKey(), p.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
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

  /** One result; {@code baseline} (or null) says whether it is new. */
  private static void result(JsonGenerator g, Finding f, int ruleIndex, SarifArtifacts artifacts,
      Baseline.Comparison baseline)
      throws IOException {
    g.writeStartObject();
    string(g, "ruleId", f.rule().id());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    message(g, "message", f.message());
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    physicalLocation(g, f.file(), f.span(), artifacts);
    if (f.object() != null) {
      g.writeArrayFieldStart("logicalLocations");
      g.writeStartObject();
      string(g, "name", f.object().name());
      string(g, "fullyQualifiedName", f.object().identity());
      g.writeStringField("kind", "object");
      g.writeEndObject();
      if (f.path() != null && !f.path().isRoot()) {
        g.writeStartObject();
        g.writeStringField("name", String.valueOf(f.path().segments().get(f.path().segments().size() - 1)));
        g.writeStringField("fullyQualifiedName", f.object().identity() + ":" + f.path());
        g.writeStringField("kind", "member");
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, f.fingerprint());
    g.writeEndObject();
    if (!f.related().isEmpty()) {
      g.writeArrayFieldStart("relatedLocations");
      int id = 1;
      for (Finding.Related rel : f.related()) {
        g.writeStartObject();
        g.writeNumberField("id", id++);
        physicalLocation(g, rel.file(), rel.span(), artifacts);
        message(g, "message", rel.message());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (f.isSuppressed()) {
      Finding.Suppression given = f.suppression();
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", given.kind().equals(Finding.Suppression.IN_SOURCE) ? "inSource" : "external");
      g.writeStringField("status", "accepted");
      string(g, "justification", given.justification());
      if (given.file() != null && given.span() != null) {
        g.writeObjectFieldStart("location");
        physicalLocation(g, given.file(), given.span(), artifacts);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndArray();
    }
    if (baseline != null) {
      g.writeStringField("baselineState", baseline.isNew(f) ? "new" : "unchanged");
    }
    if (f.fix() != null) {
      Finding.Fix fix = f.fix();
      g.writeArrayFieldStart("fixes");
      g.writeStartObject();
      message(g, "description", fix.description());
      g.writeArrayFieldStart("artifactChanges");
      g.writeStartObject();
      artifactLocation(g, fix.file(), artifacts);
      g.writeArrayFieldStart("replacements");
      for (Finding.Edit e : fix.edits()) {
        g.writeStartObject();
        region(g, "deletedRegion", e.deleted());
        message(g, "insertedContent", e.inserted());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** A location's {@code physicalLocation}: the file, and the region when {@code span} is known. */
  private static void physicalLocation(JsonGenerator g, SourceFile file, Span span, SarifArtifacts artifacts)
      throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    artifactLocation(g, file, artifacts);
    if (span != null) {
      region(g, "region", span);
    }
    g.writeEndObject();
  }

  private static void region(JsonGenerator g, String name, Span span) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("startLine", span.start().line());
    g.writeNumberField("startColumn", span.start().column());
    g.writeNumberField("endLine", span.end().line());
    g.writeNumberField("endColumn", span.end().column());
    g.writeEndObject();
  }

  private static void artifactLocation(JsonGenerator g, SourceFile file, SarifArtifacts artifacts)
      throws IOException {
    g.writeObjectFieldStart("artifactLocation");
    SarifArtifacts.Uri uri = artifacts.of(file);
    g.writeStringField("uri", uri.uri());
    string(g, "uriBaseId", uri.baseId());
    g.writeEndObject();
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

  /** The SARIF level of a severity, for rules and results alike. */
  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }
}
