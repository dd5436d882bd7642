package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.cli.Main;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What linting never does: open network connections, run programs, load code named by its input,
 * or write anything but the reports asked for with {@code --output}.
 */
class SafetyTest {
  /** APIs that reach the network, run programs or load code; {@code java.net.URI}/{@code URL} for resources are fine. */
  static final Pattern BANNED = Pattern.compile(
      "\\bjava\\.net\\.(?:Socket|ServerSocket|DatagramSocket|HttpURLConnection|URLConnection|InetAddress|http\\.)"
          + "|\\b(?:Socket|ServerSocket|DatagramSocket|HttpClient|ProcessBuilder|URLClassLoader|ObjectInputStream"
          + "|ScriptEngineManager)\\b|\\.openConnection\\(|\\.openStream\\(|\\bRuntime\\.getRuntime\\(\\)\\.exec\\("
          + "|\\.exec\\(|\\bProcessHandle\\b|\\bClass\\.forName\\(|\\bSystem\\.load(?:Library)?\\(");

  /** The benchmark may measure with whatever it needs; it lints nothing a user gave. */
  static final List<String> ALLOWED = List.of("dev/podlint/bench/", "dev/podlint/cli/BenchCommand.java");

  /**
   * The one line that loads a class by name: the check class of one of podlint's own Java rules,
   * in podlint's checks package (user rules are declarative; Checks refuses theirs before loading).
   */
  static final String CHECK_BY_RULE_NAME =
      "dev/podlint/checks/Checks.java: cls = Class.forName(Checks.class.getPackageName() + \".\" + className(rule.name()));";

  @TempDir Path dir;

  static List<String> banned(String file, List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.startsWith("*") || l.startsWith("//") || l.startsWith("/*")) {
        continue; // documentation may name them
      }
      if (BANNED.matcher(l).find()) {
        out.add(file + ":" + (i + 1) + ": " + l);
      }
    }
    return out;
  }

  @Test
  void mainSourcesUseNoNetworkProcessOrCodeLoadingApis() throws IOException {
    Path src = TestSupport.ROOT.resolve("src/main/java");
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String rel = src.relativize(p).toString().replace('\\', '/');
        if (ALLOWED.stream().noneMatch(rel::startsWith)) {
          banned(rel, Files.readAllLines(p)).stream().filter(b -> !b.replaceFirst(":\\d+:", ":").equals(CHECK_BY_RULE_NAME))
              .forEach(problems::add);
        }
      }
    }
    assertEquals(List.of(), problems);
    // the scan finds what it must
    assertEquals(4, banned("x", List.of("new ProcessBuilder(\"sh\").start();", "Runtime.getRuntime().exec(cmd);",
        "new java.net.Socket(host, 80);", "URI.create(u).toURL().openStream()", "// a Socket in a comment",
        "URI.create(\"file:x\")")).size());
  }

  /** Every file under {@code root}: its relative path and a digest of its bytes. */
  static Map<String, String> snapshot(Path root) throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        out.put(rel, Files.isDirectory(p) ? "dir" : HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  int lint(String... args) {
    List<String> a = new ArrayList<>(List.of("lint"));
    a.addAll(List.of(args));
    StringWriter err = new StringWriter();
    int code = Main.run(a.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err),
        new Main.Env(dir, new ByteArrayInputStream(new byte[0]), Map.of(), false));
    this.err = err.toString();
    return code;
  }

  String err;

  @Test
  void lintWritesNothingButItsOutputFiles() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    for (Path src : List.of(TestSupport.TESTDATA.resolve("examples"), TestSupport.TESTDATA.resolve("hostile"))) {
      try (Stream<Path> s = Files.list(src)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Files.copy(p, Files.createDirectories(tree.resolve(src.getFileName().toString())).resolve(p.getFileName()));
        }
      }
    }
    Files.writeString(tree.resolve(".podlint.yaml"), "rules:\n  missing-cpu-limit: off\n");
    Map<String, String> before = snapshot(dir);
    assertEquals(1, lint("tree"), () -> err);
    assertEquals(before, snapshot(dir), "a lint without --output changed files");
    assertEquals(1, lint("tree", "-f", "sarif", "-o", "r.sarif", "-f", "json", "-o", "r.json"), () -> err);
    Map<String, String> after = snapshot(dir);
    assertTrue(after.containsKey("r.sarif") && after.containsKey("r.json"), after.keySet().toString());
    after.keySet().removeAll(List.of("r.sarif", "r.json"));
    assertEquals(before, after, "lint wrote something besides its reports");
  }

  /** Set when {@link Canary} is initialised: it must never be, whatever tags a manifest holds. */
  static volatile boolean canaryLoaded;

  static final class Canary {
    static {
      canaryLoaded = true;
    }
  }

  @Test
  void tagsNamingJavaClassesAreData() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: tags}
        data:
          engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:9/"]]]]
          canary: !!dev.podlint.SafetyTest$Canary {}
          runtime: !<tag:yaml.org,2002:java.lang.Runtime> exec
          python: !!python/object/apply:os.system ["true"]
        """;
    LoadedFile f = new ManifestLoader().loadText(new SourceFile("tags.yaml", null), yaml);
    assertTrue(f.error().isEmpty(), f.error().toString());
    K8sObject o = f.objects().get(0);
    YMap data = o.root().map("data").orElseThrow();
    assertTrue(data.get("engine").orElseThrow() instanceof YSeq s && s.get(0) instanceof YSeq, "a tagged list is a list");
    assertTrue(data.get("canary").orElseThrow() instanceof YMap m && m.entries().isEmpty(), "a tagged map is a map");
    YScalar runtime = data.scalar("runtime").orElseThrow();
    assertTrue(runtime.isString() && runtime.value().equals("exec"), runtime.toString());
    assertTrue(data.get("python").orElseThrow() instanceof YSeq);
    assertFalse(canaryLoaded, "a tag made the loader initialise a class");
    // and through the whole linter: findings about the shapes, nothing else
    List<String> messages = TestSupport.lint("tags.yaml", yaml, List.of("all")).stream()
        .map(x -> x.span().start() + " " + x.rule().name()).toList();
    assertTrue(messages.contains("5:11 schema-violation"), messages.toString());
    assertFalse(canaryLoaded);
  }
}
