package dev.podlint.schema;

import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.model.YTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.json.JSONObject;

/**
 * Validates a rule file against {@code schemas/rule.schema.json} (packaged with podlint), so that a
 * user's rule file that cannot work is refused with the line, column and field of each problem.
 */
public final class RuleFileSchema {
  private static volatile Schema schema;

  private RuleFileSchema() {}

  /** Every problem of {@code ruleFile}, in document order: schema violations and duplicate keys. */
  public static List<Violation> validate(YMap ruleFile) {
    List<Violation> out = new ArrayList<>(SchemaValidator.validate(schema(), ruleFile, ruleFile));
    YTree.forEachNode(ruleFile, n -> {
      if (n instanceof YMap m) {
        Map<String, YScalar> seen = new HashMap<>();
        for (YMap.Entry e : m.entries()) {
          YScalar first = seen.putIfAbsent(e.key().value(), e.key());
          if (first != null) {
            out.add(new Violation(e.key(), m.path().key(e.key().value()).describe(), "duplicate key \"" + e.key().value()
                + "\" (first given at " + first.span().start() + ")"));
          }
        }
      }
    });
    out.sort(Comparator.comparing((Violation v) -> v.node().span()));
    return out;
  }

  private static Schema schema() {
    Schema s = schema;
    if (s == null) {
      synchronized (RuleFileSchema.class) {
        s = schema;
        if (s == null) {
          try (InputStream in = RuleFileSchema.class.getResourceAsStream("/schemas/rule.schema.json")) {
            if (in == null) {
              throw new IllegalStateException("podlint was built without /schemas/rule.schema.json");
            }
            JSONObject raw = new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            s = BoundedRegexpFactory.loader().schemaJson(raw).draftV7Support().build().load().build();
            schema = s;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return s;
  }
}
