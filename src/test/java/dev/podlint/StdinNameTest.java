package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --stdin-name} and the Helm {@code # Source:} sections of rendered charts. */
class StdinNameTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String rendered() throws IOException {
    return Files.readString(TestSupport.ROOT.resolve("testdata/helm/rendered-shop.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void textNamesTheGivenFileInsteadOfStdin() throws IOException {
    Cli.Run r = Cli.run(dir, CliTest.CONFLICT, "lint", "--stdin-name", "charts/shop.yaml", "-");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("charts/shop.yaml:14:26: error: Port 8080/TCP"), r.out());
    assertFalse(r.out().contains("<stdin>"), r.out());
    Cli.Run plain = Cli.run(dir, CliTest.CONFLICT, "lint", "-");
    assertTrue(plain.out().contains("<stdin>:14:26: error: Port 8080/TCP"), plain.out());
  }

  @Test
  void jsonAndSarifNameTheFileRelativeToTheSourceRoot() throws IOException {
    Files.createDirectories(dir.resolve("charts"));
    Cli.Run json = Cli.run(dir, CliTest.CONFLICT, "lint", "-f", "json", "--stdin-name", "charts/shop.yaml", "-");
    JsonNode f = JSON.readTree(json.out()).get("findings").get(0);
    assertEquals("charts/shop.yaml", f.get("file").asText());

    Cli.Run sarif = Cli.run(dir, CliTest.CONFLICT, "lint", "-f", "sarif", "--stdin-name", "charts/shop.yaml", "-");
    JsonNode loc = JSON.readTree(sarif.out()).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals("charts/shop.yaml", loc.get("uri").asText(), sarif.out());
    assertEquals("%SRCROOT%", loc.get("uriBaseId").asText());

    Cli.Run below = Cli.run(dir, CliTest.CONFLICT, "lint", "-f", "sarif", "--srcroot", "charts",
        "--stdin-name", "charts/shop.yaml", "-");
    JsonNode run = JSON.readTree(below.out()).at("/runs/0");
    assertEquals("shop.yaml", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText().endsWith("/charts/"), below.out());

    Cli.Run unnamed = Cli.run(dir, CliTest.CONFLICT, "lint", "-f", "sarif", "-");
    assertEquals("stdin", JSON.readTree(unnamed.out())
        .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
  }

  @Test
  void stdinNameWithoutStdinIsAUsageError() {
    Cli.Run r = Cli.run(dir, CliTest.CONFLICT, "lint", "--stdin-name", "x.yaml", ".");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--stdin-name names standard input"), r.err());
    assertEquals("", r.out());
    assertEquals(2, Cli.run(dir, CliTest.CONFLICT, "lint", "--stdin-name", " ", "-").code());
  }

  @Test
  void helmFindingsNameTheirTemplateAsRelatedInJson() throws IOException {
    Cli.Run r = Cli.run(dir, rendered(), "lint", "-f", "json", "--stdin-name", "shop.yaml", "-");
    assertEquals(1, r.code(), r.err());
    List<String> seen = new ArrayList<>();
    for (JsonNode f : JSON.readTree(r.out()).get("findings")) {
      assertEquals("shop.yaml", f.get("file").asText());
      String kind = f.at("/object/kind").asText();
      String expected = switch (kind) {
        case "Deployment" -> "shop/templates/deployment.yaml";
        case "Pod" -> "shop/templates/tests/test-connection.yaml";
        default -> throw new AssertionError("unexpected finding on " + kind + ": " + f);
      };
      JsonNode last = f.get("related").get(f.get("related").size() - 1);
      assertEquals(expected, last.get("file").asText(), f.toString());
      assertEquals("rendered from the Helm template " + expected, last.get("message").asText());
      assertNull(last.get("line"), "the line in the template is unknown: " + last);
      seen.add(kind);
    }
    assertTrue(seen.contains("Deployment") && seen.contains("Pod"), seen.toString());
  }

  @Test
  void crossObjectFindingsNameTheirTemplateToo() throws IOException {
    String stream = """
        ---
        # Source: shop/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: nothing
          ports:
            - port: 80
        ---
        # Source: shop/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - containerPort: 80
        """;
    Cli.Run r = Cli.run(dir, stream, "lint", "-f", "json", "--stdin-name", "shop.yaml", "-");
    JsonNode found = null;
    for (JsonNode f : JSON.readTree(r.out()).get("findings")) {
      if (f.get("rule").asText().equals("service-selects-no-pods")) {
        found = f;
      }
    }
    assertTrue(found != null, r.out());
    JsonNode last = found.get("related").get(found.get("related").size() - 1);
    assertEquals("rendered from the Helm template shop/templates/service.yaml", last.get("message").asText());
  }

  @Test
  void helmTemplatesAreSarifRelatedLocationsRelativeToTheSourceRoot() throws IOException {
    Cli.Run r = Cli.run(dir, rendered(), "lint", "-f", "sarif", "--stdin-name", "shop.yaml", "-");
    JsonNode conflict = null;
    for (JsonNode res : JSON.readTree(r.out()).at("/runs/0/results")) {
      if (res.get("ruleId").asText().equals("PL001")) {
        conflict = res;
      }
    }
    assertTrue(conflict != null, r.out());
    JsonNode related = conflict.get("relatedLocations");
    JsonNode template = related.get(related.size() - 1);
    JsonNode art = template.at("/physicalLocation/artifactLocation");
    assertEquals("shop/templates/deployment.yaml", art.get("uri").asText());
    assertEquals("%SRCROOT%", art.get("uriBaseId").asText());
    assertTrue(template.at("/physicalLocation/region").isMissingNode(), template.toString());
    assertEquals("rendered from the Helm template shop/templates/deployment.yaml",
        template.at("/message/text").asText());
    assertEquals(related.size(), template.get("id").asInt());
  }

  @Test
  void sourceCommentsOnlyCountInsideTheirDocument() {
    String text = """
        # Source: chart/templates/a.yaml
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {containers: [{name: c, image: "x:latest"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {containers: [{name: c, image: "x:latest"}]}
        """;
    Cli.Run r = Cli.run(dir, text, "lint", "-f", "json", "-");
    int withTemplate = 0;
    try {
      for (JsonNode f : JSON.readTree(r.out()).get("findings")) {
        boolean named = f.get("related").toString().contains("chart/templates/a.yaml");
        assertEquals(f.at("/object/name").asText().equals("a"), named, f.toString());
        withTemplate += named ? 1 : 0;
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertTrue(withTemplate > 0, r.out());
  }
}
