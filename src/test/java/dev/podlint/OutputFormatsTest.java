package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** junit and checkstyle XML, several reports in one run, and --baseline. */
class OutputFormatsTest {
  /** A pod whose container names hold XML markup, so messages need escaping. */
  static final String MARKUP = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: odd
      spec:
        containers:
          - name: "a<b>&\\"c'"
            image: nginx:1.27
            ports:
              - containerPort: 8080
          - name: "x]]>y"
            image: shop/stats:2.1
            ports:
              - containerPort: 8080
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  // --- checkstyle

  @Test
  void checkstyleListsEveryFileAndEscapesMessages() throws Exception {
    write("odd.yaml", MARKUP);
    write("job.yaml", CliTest.CLEAN);
    Cli.Run r = Cli.run(dir, null, "-f", "checkstyle", "odd.yaml", "job.yaml");
    assertEquals(1, r.code(), r.err());
    Element root = xml(r.out()).getDocumentElement();
    assertEquals("checkstyle", root.getTagName());
    assertEquals("4.3", root.getAttribute("version"));
    List<Element> files = elements(root, "file");
    assertEquals(List.of("job.yaml", "odd.yaml"), files.stream().map(f -> f.getAttribute("name")).toList()); // by name, whatever the command line's order
    assertTrue(elements(files.get(0), "error").isEmpty(), "the clean job is listed without errors");
    Element conflict = elements(files.get(1), "error").stream()
        .filter(e -> e.getAttribute("source").equals("podlint.PL001.container-port-conflict")).findFirst().orElseThrow();
    assertEquals("14", conflict.getAttribute("line"));
    assertEquals("26", conflict.getAttribute("column"));
    assertEquals("error", conflict.getAttribute("severity"));
    assertEquals("Port 8080/TCP of container 'x]]>y' is already declared by container 'a<b>&\"c'' "
        + "[PL001 container-port-conflict]", conflict.getAttribute("message"));
    assertTrue(r.out().contains("&lt;b&gt;&amp;&quot;c'"), r.out());
    assertTrue(elements(files.get(1), "error").stream().anyMatch(e -> e.getAttribute("severity").equals("warning")));
  }

  // --- json

  @Test
  void jsonKeysComeInAFixedOrder() throws Exception {
    write("job.yaml", CliTest.CLEAN);
    Cli.Run r = Cli.run(dir, null, "-f", "json", "job.yaml", "missing.yaml");
    assertEquals(3, r.code(), r.err());
    // hash-ordered maps would change this from one JVM to the next
    assertTrue(r.out().startsWith("{\n  \"schemaVersion\" : 1,\n  \"tool\" : {\n    \"name\" : \"podlint\",\n    \"version\" : "),
        r.out());
    assertTrue(r.out().contains("\"inputErrors\" : [ {\n    \"input\" : \"missing.yaml\",\n    \"message\" : "), r.out());
  }

  // --- junit

  @Test
  void junitHasASuitePerFileAndACasePerObjectAndRule() throws Exception {
    write("odd.yaml", MARKUP);
    write("job.yaml", CliTest.CLEAN);
    Cli.Run r = Cli.run(dir, null, "-f", "junit", "odd.yaml", "job.yaml");
    assertEquals(1, r.code(), r.err());
    Element root = xml(r.out()).getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    List<Element> suites = elements(root, "testsuite");
    assertEquals(List.of("job.yaml", "odd.yaml"), suites.stream().map(s -> s.getAttribute("name")).toList()); // by name, whatever the command line's order
    List<Element> clean = elements(suites.get(0), "testcase");
    assertEquals(1, clean.size());
    assertEquals("no findings", clean.get(0).getAttribute("name"));
    assertTrue(elements(clean.get(0), "failure").isEmpty());

    List<Element> cases = elements(suites.get(1), "testcase");
    assertEquals(String.valueOf(cases.size()), suites.get(1).getAttribute("tests"));
    assertEquals(cases.size(), cases.stream().map(c -> c.getAttribute("name")).distinct().count(),
        "one case per object and rule");
    Element conflict = cases.stream().filter(c -> c.getAttribute("name").equals("Pod/-/odd PL001 container-port-conflict"))
        .findFirst().orElseThrow();
    assertEquals("odd.yaml", conflict.getAttribute("classname"));
    Element failure = elements(conflict, "failure").get(0);
    assertEquals("error", failure.getAttribute("type"));
    assertTrue(failure.getTextContent().contains("odd.yaml:14:26: error: Port 8080/TCP of container 'x]]>y' is already "
        + "declared by container 'a<b>&\"c''"), failure.getTextContent());
    // warnings pass under the default fail level and keep their findings in system-out
    long failing = cases.stream().filter(c -> !elements(c, "failure").isEmpty()).count();
    assertEquals(String.valueOf(failing), suites.get(1).getAttribute("failures"));
    assertTrue(failing < cases.size(), "warnings do not fail by default: " + r.out());
    assertTrue(cases.stream().anyMatch(c -> !elements(c, "system-out").isEmpty()));
    // streamed: the root has no totals, the suites' counts add up to them
    assertEquals("", root.getAttribute("failures"));
    assertEquals(failing, total(root, "failures"));

    Element all = xml(Cli.run(dir, null, "-f", "junit", "--fail-on", "warning", "odd.yaml").out()).getDocumentElement();
    long warningFails = elements(all, "testcase").stream().filter(c -> !elements(c, "failure").isEmpty()).count();
    assertTrue(warningFails > failing, "--fail-on warning fails the warning cases too");
    Element none = xml(Cli.run(dir, null, "-f", "junit", "--fail-on", "none", "odd.yaml").out()).getDocumentElement();
    assertEquals(0, total(none, "failures"));
    assertTrue(elements(none, "failure").isEmpty());
  }

  @Test
  void junitReportsAnUnreadableInputAsAnError() throws Exception {
    write("job.yaml", CliTest.CLEAN);
    Cli.Run r = Cli.run(dir, null, "-f", "junit", "job.yaml", "missing.yaml");
    assertEquals(3, r.code(), r.err());
    Element root = xml(r.out()).getDocumentElement();
    assertEquals(1, total(root, "errors"));
    Element error = elements(root, "error").get(0);
    assertTrue(error.getAttribute("message").startsWith("cannot read missing.yaml"), error.getAttribute("message"));
  }

  /** A count summed over the suites, as readers of JUnit XML do. */
  private static long total(Element root, String count) {
    return elements(root, "testsuite").stream().mapToLong(s -> Long.parseLong(s.getAttribute(count))).sum();
  }

  // --- several reports

  @Test
  void eachFormatPairsWithTheOutputAfterIt() throws Exception {
    write("pod.yaml", CliTest.CONFLICT);
    // the example of docs/user-guide.md
    Cli.Run r = Cli.run(dir, null, "-f", "sarif", "-o", "out.sarif", "-f", "junit", "-o", "podlint-junit.xml", "-f",
        "text", "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertEquals("testsuites", xml(Files.readString(dir.resolve("podlint-junit.xml"))).getDocumentElement().getTagName());
    r = Cli.run(dir, null, "-f", "sarif", "-o", "out.sarif", "-f", "checkstyle", "-o", "cs.xml", "-f", "text",
        "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("pod.yaml:2:7: note:") && r.out().contains("\npod.yaml:14:26: error:"), r.out());
    JsonNode sarif = new ObjectMapper().readTree(dir.resolve("out.sarif").toFile());
    assertTrue(sarif.at("/runs/0/results").findValuesAsText("ruleId").contains("PL001"), sarif.toString());
    assertEquals("checkstyle", xml(Files.readString(dir.resolve("cs.xml"))).getDocumentElement().getTagName());

    // the output may come first, too; a lone -o still writes text
    r = Cli.run(dir, null, "-o", "report.json", "-f", "json", "-o", "report.txt", "-f", "junit", "pod.yaml");
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(1, new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("schemaVersion").asInt());
    assertTrue(Files.readString(dir.resolve("report.txt")).contains("<testsuites"));
    r = Cli.run(dir, null, "-o", "plain.txt", "pod.yaml");
    assertTrue(Files.readString(dir.resolve("plain.txt")).contains("\npod.yaml:14:26: error:"));
  }

  @Test
  void ambiguousReportsAreUsageErrorsBeforeAnythingIsWritten() throws Exception {
    write("pod.yaml", CliTest.CONFLICT);
    Cli.Run r = Cli.run(dir, null, "-f", "json", "-f", "text", "pod.yaml");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("both json and text would go to standard output"), r.err());

    r = Cli.run(dir, null, "-f", "json", "-o", "a.json", "-o", "b.txt", "pod.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--output b.txt has no --format"), r.err());
    assertFalse(Files.exists(dir.resolve("a.json")), "nothing is written after a usage error");

    r = Cli.run(dir, null, "-f", "json", "-o", "same", "-f", "sarif", "-o", "./same", "pod.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the json report and the sarif report would both be written to ./same"), r.err());
    assertFalse(Files.exists(dir.resolve("same")));
    assertFalse(r.err().contains("Exception"), r.err());
  }

  // --- baseline

  /** A second pod with the same conflict: a finding the baseline does not have. */
  static final String SECOND = "---\n" + CliTest.CONFLICT.replace("name: shop", "name: shop-two");

  @Test
  void baselineReportsOnlyNewFindingsEvenWhenLinesMoved() throws Exception {
    write("pod.yaml", CliTest.CONFLICT);
    // the example of docs/user-guide.md
    assertEquals(0, Cli.run(dir, null, "-f", "sarif", "-o", "old.sarif", "--fail-on", "none", "pod.yaml").code());

    // unchanged: same findings, moved down by a comment, exit 0 and nothing printed
    write("pod.yaml", "# moved\n# down\n" + CliTest.CONFLICT);
    Cli.Run same = Cli.run(dir, null, "--baseline", "old.sarif", "pod.yaml");
    assertEquals(0, same.code(), same.out() + same.err());
    assertEquals("", same.out());
    assertTrue(same.err().contains("compared with the baseline old.sarif: 0 new findings, "), same.err());
    assertTrue(same.err().contains("podlint: 1 file, 1 object: 0 errors, 0 warnings, 0 notes"), same.err());

    write("pod.yaml", "# moved\n# down\n" + CliTest.CONFLICT + SECOND);
    Cli.Run r = Cli.run(dir, null, "--baseline", "old.sarif", "-f", "sarif", "-o", "new.sarif", "-f", "json",
        "pod.yaml");
    assertEquals(1, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.path("findings").size() > 0);
    for (JsonNode f : json.path("findings")) {
      assertEquals("Pod", f.at("/object/kind").asText());
      assertEquals("shop-two", f.at("/object/name").asText(), "only the second pod's findings are new: " + f);
    }
    SarifReporterTest.assertValid(Files.readString(dir.resolve("new.sarif")));
    JsonNode results = new ObjectMapper().readTree(dir.resolve("new.sarif").toFile()).at("/runs/0/results");
    int fresh = 0;
    int unchanged = 0;
    for (JsonNode res : results) {
      String name = res.at("/locations/0/logicalLocations/0/name").asText();
      String state = res.path("baselineState").asText();
      assertEquals(name.equals("shop-two") ? "new" : "unchanged", state, res.toString());
      if (state.equals("new")) {
        fresh++;
      } else {
        unchanged++;
      }
    }
    assertEquals(json.path("findings").size(), fresh);
    assertTrue(unchanged > 0);

    // fixed findings are counted as gone, and exit 0 when nothing new is left
    write("pod.yaml", CliTest.CLEAN);
    Cli.Run fixed = Cli.run(dir, null, "--baseline", "old.sarif", "pod.yaml");
    assertEquals(0, fixed.code());
    assertTrue(fixed.err().matches("(?s).*0 new findings, 0 unchanged, [1-9]\\d* gone.*"), fixed.err());
  }

  @Test
  void anUnusableBaselineIsAUsageErrorNamingTheFile() throws Exception {
    write("pod.yaml", CliTest.CONFLICT);
    write("notjson.sarif", "{ not json");
    write("other.sarif", """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "kube-linter"}}, "results": []}]}
        """);
    write("nofp.sarif", """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "podlint"}}, "results": [{"ruleId": "PL001"}]}]}
        """);
    write("array.json", "[]");
    String[][] cases = {
        {"missing.sarif", "cannot read the baseline missing.sarif: no such file"},
        {"notjson.sarif", "the baseline notjson.sarif is not SARIF: it is not valid JSON"},
        {"other.sarif", "the baseline other.sarif is not podlint SARIF: its tool is 'kube-linter'"},
        {"nofp.sarif", "the baseline nofp.sarif is not podlint SARIF: result 0 has no ruleId or \"podlint/v1\""},
        {"array.json", "the baseline array.json is not SARIF"},
    };
    for (String[] c : cases) {
      Cli.Run r = Cli.run(dir, null, "--baseline", c[0], "pod.yaml");
      assertEquals(2, r.code(), c[0] + ": " + r.err());
      assertEquals("", r.out());
      assertTrue(r.err().startsWith("podlint: " + c[1]), r.err());
    }
  }
}
