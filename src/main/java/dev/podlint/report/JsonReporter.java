package dev.podlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.Span;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * A stable JSON shape for scripts (documented in docs/user-guide.md; {@code "schemaVersion": 1}).
 * Suppressed findings are included with their suppression.
 */
public final class JsonReporter implements Reporter {
  public static final int SCHEMA_VERSION = 1;

  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    JsonGenerator g = JsonChunks.generator(out);
    g.writeStartObject();
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", "podlint");
    g.writeStringField("version", header.toolVersion());
    g.writeEndObject();
    g.writeArrayFieldStart("findings");
    return new FlatSession() {
      private final long[] counts = new long[Severity.values().length];
      private long suppressed;
      /** Whether a finding was written. */
      private boolean written;

      @Override
      public String render(List<Finding> findings) throws IOException {
        return JsonChunks.render(JsonReporter::openFindings, r -> {
          for (Finding f : findings) {
            finding(r, f);
          }
        });
      }

      @Override
      public void write(List<Finding> findings, String text) throws IOException {
        for (Finding f : findings) {
          if (f.isSuppressed()) {
            suppressed++;
          } else {
            counts[f.severity().ordinal()]++;
          }
        }
        written = JsonChunks.append(g, text, written);
      }

      @Override
      public void finish(LintRun r, Duration elapsed) throws IOException {
        g.writeEndArray();
        g.writeArrayFieldStart("inputErrors");
        for (InputProblem p : r.inputProblems()) {
          g.writeStartObject();
          g.writeStringField("input", p.input());
          g.writeStringField("message", p.message());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("internalErrors");
        for (String e : r.internalErrors()) {
          g.writeString(e);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("files", r.files());
        g.writeNumberField("documents", r.documents());
        g.writeNumberField("objects", r.objects());
        g.writeNumberField("errors", counts[Severity.ERROR.ordinal()]);
        g.writeNumberField("warnings", counts[Severity.WARNING.ordinal()]);
        g.writeNumberField("notes", counts[Severity.NOTE.ordinal()]);
        g.writeNumberField("suppressed", suppressed);
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
      }
    };
  }

  /** Opens the report down to its findings, as {@link #open} does: where a chunk of findings is rendered. */
  private static void openFindings(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("findings");
  }

  /** One finding; every field is written, null or not. */
  private static void finding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.rule().id());
    g.writeStringField("rule", f.rule().name());
    g.writeStringField("level", f.severity().label());
    g.writeStringField("message", f.message());
    g.writeStringField("file", f.file().displayName());
    span(g, f.span());
    if (f.object() != null) {
      g.writeObjectFieldStart("object");
      g.writeStringField("apiVersion", f.object().apiVersion());
      g.writeStringField("kind", f.object().kind());
      g.writeStringField("namespace", f.object().namespace());
      g.writeStringField("name", f.object().name());
      g.writeEndObject();
    }
    g.writeStringField("path", f.path() == null ? null : f.path().toString());
    g.writeArrayFieldStart("related");
    for (Finding.Related rel : f.related()) {
      g.writeStartObject();
      g.writeStringField("file", rel.file().displayName());
      if (rel.span() != null) {
        span(g, rel.span());
      }
      g.writeStringField("message", rel.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("suppressed", f.isSuppressed());
    if (f.isSuppressed()) {
      g.writeObjectFieldStart("suppression");
      g.writeStringField("kind", f.suppression().kind());
      g.writeStringField("justification", f.suppression().justification());
      if (f.suppression().file() != null && f.suppression().span() != null) {
        g.writeStringField("file", f.suppression().file().displayName());
        span(g, f.suppression().span());
      }
      g.writeEndObject();
    }
    g.writeStringField("fingerprint", f.fingerprint());
    if (f.fix() != null) {
      g.writeObjectFieldStart("fix");
      g.writeStringField("description", f.fix().description());
      g.writeStringField("file", f.fix().file().displayName());
      g.writeArrayFieldStart("edits");
      for (Finding.Edit e : f.fix().edits()) {
        g.writeStartObject();
        span(g, e.deleted());
        g.writeStringField("insert", e.inserted());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void span(JsonGenerator g, Span s) throws IOException {
    g.writeNumberField("line", s.start().line());
    g.writeNumberField("column", s.start().column());
    g.writeNumberField("endLine", s.end().line());
    g.writeNumberField("endColumn", s.end().column());
  }
}
