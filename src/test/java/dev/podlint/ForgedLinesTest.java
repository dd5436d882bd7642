package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Input cannot forge report lines: a newline in {@code metadata.name}, CR and ESC in a container
 * name, and a file named like the start of a finding line give exactly one line per finding in
 * the text and github formats, each naming the real file, and well-formed XML whose JUnit
 * failure text has one line per finding.
 */
class ForgedLinesTest {
  static final String FILE = "a:9:9: error: fake.yaml";
  /** The VS Code problem matcher of docs/integrations.md (IntegrationsReadmeTest keeps the two the same). */
  static final Pattern MATCHER = Pattern.compile("^(.+?):(\\d+):(\\d+): (error|warning|note): (.*) \\[(\\S+) (\\S+)\\]$");
  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: "web\\nfake.yaml:1:1: error: forged [PL001 container-port-conflict]"
      spec:
        containers:
          - name: "app\\r\\e[2Jfake.yaml:2:2: error: forged\\u2028x\\u202e"
            image: nginx:1.27
            ports:
              - containerPort: 8080
          - name: side
            image: nginx:1.27
            ports:
              - containerPort: 8080
      """;

  @TempDir static Path dir;
  static int findings;

  @BeforeAll
  static void setUp() throws Exception {
    Files.writeString(dir.resolve(FILE), POD, StandardCharsets.UTF_8);
    JsonNode json = new ObjectMapper().readTree(run("-f", "json"));
    findings = 0;
    for (JsonNode f : json.get("findings")) {
      findings += f.get("suppressed").asBoolean() ? 0 : 1;
    }
    assertTrue(findings > 5, "the pod has findings: " + findings);
  }

  static String run(String... format) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("lint", "--no-config", "-q", "--fail-on", "none"));
    args.addAll(List.of(format));
    args.add(FILE);
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
        new Main.Env(dir, new ByteArrayInputStream(new byte[0]), Map.of(), false));
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  @Test
  void textHasOneLineAFindingEachNamingTheRealFile() {
    String text = run();
    assertFalse(text.contains("\r") || text.contains("\u001b") || text.contains("\u2028") || text.contains("\u202e"),
        text);
    List<String> lines = text.lines().toList();
    assertEquals(findings, lines.size(), text);
    for (String line : lines) {
      Matcher m = MATCHER.matcher(line);
      assertTrue(m.matches(), line);
      assertEquals("a\\:9\\:9: error: fake.yaml", m.group(1), line);
      assertTrue(m.group(2).length() < 3 && !m.group(2).equals("9"), "a line of the file, not of the forgery: " + line);
    }
    assertTrue(text.contains("Pod 'web\\nfake.yaml:1:1: error: forged [PL001 container-port-conflict]'"), text);
    assertTrue(text.contains("'app\\r\\e[2Jfake.yaml:2:2: error: forged\\u2028x\\u202e'"), text);
  }

  @Test
  void githubHasOneCommandAFinding() {
    String text = run("-f", "github");
    List<String> lines = text.lines().toList();
    assertEquals(findings, lines.size(), text);
    for (String line : lines) {
      assertTrue(line.startsWith("::") && line.contains("file=a%3A9%3A9%3A error%3A fake.yaml,line="), line);
    }
    assertFalse(text.contains("\r"), text);
  }

  @Test
  void xmlIsWellFormedAndJunitFailuresHaveOneLineAFinding() throws Exception {
    for (String format : List.of("junit", "checkstyle")) {
      String xml = run("-f", format);
      Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
      String all = root.getTextContent() + xml;
      assertFalse(all.contains("\u001b"), format + ": ESC cannot be in XML 1.0");
      if (format.equals("checkstyle")) {
        NodeList errors = root.getElementsByTagName("error");
        assertEquals(findings, errors.getLength(), xml);
        boolean named = false;
        for (int i = 0; i < errors.getLength(); i++) {
          String message = ((Element) errors.item(i)).getAttribute("message");
          named |= message.contains("web\nfake.yaml:1:1: error: forged");
        }
        assertTrue(named, "the attribute keeps the line break as a character reference: " + xml);
      } else {
        int lines = 0;
        for (String tag : List.of("failure", "system-out")) {
          NodeList nodes = root.getElementsByTagName(tag);
          for (int i = 0; i < nodes.getLength(); i++) {
            for (String line : nodes.item(i).getTextContent().split("\n")) {
              assertTrue(MATCHER.matcher(line + " [PL000 x]").matches(), line);
              lines++;
            }
          }
        }
        assertEquals(findings, lines, xml);
      }
    }
  }

  @Test
  void standardErrorNamesAnUnreadableInputOnOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String missing = "gone\nfake.yaml:1:1: error: forged.yaml";
    int code = Main.run(new String[] {"lint", "--no-config", "-q", missing}, new PrintWriter(out), new PrintWriter(err),
        new Main.Env(dir, new ByteArrayInputStream(new byte[0]), Map.of(), false));
    assertEquals(3, code, err.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("podlint: cannot read gone\\nfake.yaml\\:1\\:1: error: forged.yaml: "), lines.get(0));
  }

  @Test
  void adviseNamesAnUnreadableInputAndABrokenFileOnOneLineEach(@TempDir Path work) throws Exception {
    String broken = "b:7:7: error: x\u001b[2J.yaml";
    Files.writeString(work.resolve(broken), "a: [\n", StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"advise", "--no-config", "-q", "gone\nfake.yaml:1:1: error: forged.yaml", broken},
        new PrintWriter(out), new PrintWriter(err), new Main.Env(work, new ByteArrayInputStream(new byte[0]), Map.of(),
            false));
    assertEquals(3, code, err.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(2, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("podlint: cannot read gone\\nfake.yaml\\:1\\:1: error: forged.yaml: "),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("podlint: b\\:7\\:7: error: x\\e[2J.yaml:2:1: "), lines.get(1));
  }

  /** An earlier report the run replaces, and a link out of the directory, are named on one line each. */
  @Test
  void standardErrorNamesAnEarlierReportAndALinkNotFollowedOnOneLine(@TempDir Path work) throws Exception {
    Path sub = Files.createDirectories(work.resolve("sub"));
    Files.writeString(sub.resolve("pod.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Path outside = Files.writeString(work.resolve("outside.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    Files.createSymbolicLink(sub.resolve("link\nfake.yaml:1:1: error: forged.yaml"), outside);
    String report = "sub/r\nfake.yaml:1:1: error: forged.json";
    String[] args = {"lint", "--no-config", "--fail-on", "none", "-f", "json", "-o", report, "sub"};
    Main.Env env = new Main.Env(work, new ByteArrayInputStream(new byte[0]), Map.of(), false);
    assertEquals(0, Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env));
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err), env);
    assertEquals(0, code, err.toString());
    List<String> lines = err.toString().lines().filter(l -> !l.startsWith("podlint: 1 file")).toList();
    assertEquals(List.of("podlint: not following sub/link\\nfake.yaml:1:1: error: forged.yaml: it links out of the "
        + "directories named, to " + outside.toRealPath(),
        "podlint: not linting sub/r\\nfake.yaml\\:1\\:1: error: forged.json: it is an earlier podlint report, which "
        + "this run replaces"), lines, err.toString());
  }
}
