package dev.podlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.TestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas under {@code schemas/k8s/} are exactly what the generator makes from the
 * committed specs of every version podlint supports, and nothing else lies beside them;
 * {@code -Dschemas.update=true} rewrites them (and deletes what is left over).
 */
class GeneratedSchemasTest {
  static final Path BASE = TestSupport.ROOT.resolve("schemas/k8s");
  private static final String REGENERATE = ": run mvn test -Dtest=GeneratedSchemasTest -Dschemas.update=true";

  @Test
  void committedSchemasAreCurrent() throws IOException {
    JSONObject enums = new JSONObject(Files.readString(BASE.resolve("enums.json")));
    Map<String, SchemaGenerator.Translation> versions = new LinkedHashMap<>();
    for (String version : KubernetesSchemas.VERSIONS) {
      versions.put(version, SchemaGenerator.translate(SchemaGenerator.readSpec(source(version)), enums));
    }
    Map<String, String> files = SchemaStore.files(versions);
    boolean update = Boolean.getBoolean("schemas.update");
    Set<String> committed = generatedFiles();
    for (String stale : committed) {
      if (update && !files.containsKey(stale)) {
        Files.delete(BASE.resolve(stale));
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = BASE.resolve(f.getKey());
      if (update) {
        Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(p), p + " is missing" + REGENERATE);
      assertEquals(f.getValue(), Files.readString(p, StandardCharsets.UTF_8), p + " is stale" + REGENERATE);
    }
    assertEquals(new TreeSet<>(files.keySet()), generatedFiles(), "files in schemas/k8s the generator does not make"
        + REGENERATE);
  }

  /** What lies in schemas/k8s besides the generator's input (source/ and enums.json). */
  private static Set<String> generatedFiles() throws IOException {
    try (Stream<Path> s = Files.walk(BASE)) {
      return s.filter(Files::isRegularFile).map(p -> BASE.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("source/") && !p.equals("enums.json"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  static Path source(String version) {
    return BASE.resolve("source/kubernetes-v" + version + "-swagger.json.gz");
  }

  /** Each committed spec is the upstream file its README names, byte for byte, and there is one per version. */
  @Test
  void committedSpecsAreTheUpstreamFilesTheReadmeLists() throws Exception {
    String readme = Files.readString(BASE.resolve("source/README.md"));
    Matcher m = Pattern.compile("\\| kubernetes-v(1\\.\\d+)-swagger\\.json \\|[^|\\n]*\\| `([0-9a-f]{64})` \\|").matcher(readme);
    Map<String, String> listed = new LinkedHashMap<>();
    while (m.find()) {
      listed.put(m.group(1), m.group(2));
    }
    assertEquals(KubernetesSchemas.VERSIONS, java.util.List.copyOf(listed.keySet()),
        "source/README.md lists one spec per supported version, oldest first");
    for (var e : listed.entrySet()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(source(e.getKey())))) {
        sha.update(in.readAllBytes());
      }
      assertEquals(e.getValue(), HexFormat.of().formatHex(sha.digest()), e.getKey());
    }
    try (Stream<Path> s = Files.list(BASE.resolve("source"))) {
      assertEquals(listed.size(), s.filter(p -> p.toString().endsWith(".gz")).count(), "a spec the README omits");
    }
  }
}
