package dev.podlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintRun;
import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stable JSON shape for scripts (documented in docs/user-guide.md; {@code "schemaVersion": 1}).
 * Suppressed findings are included with their suppression.
 */
public final class JsonReporter implements Reporter {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  @Override
  public Session open(Report.Header header, Writer out) throws IOException {
    JsonGenerator g = MAPPER.createGenerator(out).useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    // ordered maps only: Map.of iterates in an order that changes from one JVM to the next
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "podlint");
    tool.put("version", header.toolVersion());
    g.writeObjectField("tool", tool);
    g.writeArrayFieldStart("findings");
    return new FlatSession() {
      private final long[] counts = new long[Severity.values().length];
      private long suppressed;

      @Override
      public void rest(List<Finding> findings) throws IOException {
        for (Finding f : findings) {
          if (f.isSuppressed()) {
            suppressed++;
          } else {
            counts[f.severity().ordinal()]++;
          }
          g.writeObject(finding(f));
        }
      }

      @Override
      public void finish(LintRun r, Duration elapsed) throws IOException {
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
        out.flush();
      }
    };
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
