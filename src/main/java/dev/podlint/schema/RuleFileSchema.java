package dev.podlint.schema;

import dev.podlint.model.DuplicateKeys;
import dev.podlint.model.YMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    DuplicateKeys.forEach(ruleFile, d -> out.add(new Violation(d.key(), d.map().path().key(d.key().value()).describe(),
        "duplicate key \"" + d.key().value() + "\" (first given at " + d.first().span().start() + ")")));
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
