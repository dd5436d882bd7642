package dev.podlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.podlint.engine.Finding;
import dev.podlint.engine.LintResult;
import dev.podlint.load.InputProblem;
import dev.podlint.model.Span;
import dev.podlint.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stable JSON shape for scripts (documented in the README; {@code "schemaVersion": 1}).
 * Suppressed findings are included with their suppression.
 */
public final class JsonReporter implements Reporter {
  public static final int SCHEMA_VERSION = 1;

  @Override
  public void write(Report report, Writer out) throws IOException {
    LintResult r = report.result();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", Map.of("name", "podlint", "version", report.toolVersion()));
    List<Object> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
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
      findings.add(m);
    }
    root.put("findings", findings);
    List<Object> problems = new ArrayList<>();
    for (InputProblem p : r.inputProblems()) {
      problems.add(Map.of("input", p.input(), "message", p.message()));
    }
    root.put("inputErrors", problems);
    root.put("internalErrors", r.internalErrors());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("files", r.files());
    summary.put("documents", r.documents());
    summary.put("objects", r.objects());
    summary.put("errors", r.count(Severity.ERROR));
    summary.put("warnings", r.count(Severity.WARNING));
    summary.put("notes", r.count(Severity.NOTE));
    summary.put("suppressed", r.suppressed());
    root.put("summary", summary);
    ObjectMapper mapper = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(out, root);
    out.write('\n');
    out.flush();
  }

  private static void putSpan(Map<String, Object> m, Span s) {
    m.put("line", s.start().line());
    m.put("column", s.start().column());
    m.put("endLine", s.end().line());
    m.put("endColumn", s.end().column());
  }
}
