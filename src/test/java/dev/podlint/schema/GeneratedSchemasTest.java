package dev.podlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import dev.podlint.engine.LintOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas under {@code schemas/k8s/<version>/} are exactly what the generator makes
 * from the committed specs; {@code -Dschemas.update=true} rewrites them.
 */
class GeneratedSchemasTest {
  @Test
  void committedSchemasAreCurrent() throws IOException {
    Path base = TestSupport.ROOT.resolve("schemas/k8s");
    JSONObject enums = new JSONObject(Files.readString(base.resolve("enums.json")));
    boolean update = Boolean.getBoolean("schemas.update");
    for (String version : LintOptions.KUBERNETES_VERSIONS) {
      JSONObject spec = SchemaGenerator.readSpec(base.resolve("source/kubernetes-v" + version + "-swagger.json.gz"));
      Map<String, String> files = SchemaGenerator.generate(spec, enums);
      Path dir = base.resolve("v" + version);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        if (update) {
          Files.createDirectories(dir);
          Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(p), p + " is missing: run mvn test -Dtest=GeneratedSchemasTest -Dschemas.update=true");
        assertEquals(f.getValue(), Files.readString(p, StandardCharsets.UTF_8),
            p + " is stale: run mvn test -Dtest=GeneratedSchemasTest -Dschemas.update=true");
      }
    }
  }
}
