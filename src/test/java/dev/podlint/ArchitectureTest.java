package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of the design: every package under {@code dev.podlint} has a row that lists
 * the packages it may use, each library is used by one package only, and the allowed dependencies
 * form no cycle. Both {@code import} lines and fully qualified names in code count (comments and
 * string literals do not). A package without a row fails until it is given one; a sub-package
 * counts as its top-level package.
 */
class ArchitectureTest {
  /** The root package ({@code dev.podlint.Podlint}). */
  static final String ROOT = "(root)";

  static final Map<String, String> OWNER = Map.of(
      "org.snakeyaml", "load",
      "com.contrastsecurity.sarif", "report",
      "picocli", "cli",
      "org.everit", "schema");

  /** Package to the packages it may use (besides itself). */
  static final Map<String, Set<String>> ALLOWED = rows();

  private static Map<String, Set<String>> rows() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put(ROOT, Set.of()); // podlint's name, version and home
    m.put("model", Set.of()); // the YAML tree and the views of objects, pods and containers
    m.put("schema", Set.of("model"));
    m.put("load", Set.of("model"));
    // rule files are read with podlint's own loader; rule docs link to podlint's home
    m.put("rule", Set.of(ROOT, "model", "load", "schema"));
    // the networking model reads pods and rule parameters; rules, the engine and the advice read it
    m.put("net", Set.of("model", "rule"));
    m.put("advise", Set.of("model", "rule", "net"));
    // the engine knows no check: the registry in checks is handed to it
    m.put("engine", Set.of("model", "load", "rule", "schema", "net"));
    m.put("checks", Set.of("model", "rule", "schema", "net", "advise", "engine"));
    m.put("report", Set.of(ROOT, "model", "load", "rule", "engine"));
    // configuration reads files with the loader and checks them against rules and schemas; it
    // builds engine options but knows no check, report or command line
    m.put("config", Set.of("model", "load", "rule", "schema", "engine"));
    m.put("bench", Set.of("model", "load", "rule", "engine", "checks", "report"));
    // the language server lints what an editor holds, with the engine it is handed
    m.put("lsp", Set.of(ROOT, "engine", "rule", "load", "model", "config", "report", "advise", "schema", "net"));
    m.put("cli", Set.of(ROOT, "model", "schema", "load", "rule", "net", "advise", "engine", "checks", "report",
        "config", "bench", "lsp"));
    return m;
  }

  private static final Pattern PODLINT = Pattern.compile("\\bdev\\.podlint\\.([A-Za-z_$][\\w$]*)");
  private static final Pattern LIBRARY = Pattern.compile(
      "\\b(org\\.snakeyaml|com\\.contrastsecurity\\.sarif|picocli|org\\.everit)\\.[A-Za-z_]");

  @Test
  void everyPackageKeepsToItsRow() throws IOException {
    Path src = TestSupport.ROOT.resolve("src/main/java");
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(src.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    assertEquals(List.of(), problems(sources));
  }

  @Test
  void theAllowedDependenciesFormNoCycle() {
    for (String start : ALLOWED.keySet()) {
      List<String> path = cycle(start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
      assertEquals(List.of(), path, "a cycle");
    }
    assertTrue(!ALLOWED.get("engine").contains("checks") && ALLOWED.get("checks").contains("engine"));
  }

  /** The test catches what it should: inline names, an unknown package, a library outside its owner. */
  @Test
  void theScanCanFail() {
    Map<String, String> sources = new TreeMap<>();
    sources.put("dev/podlint/engine/A.java", """
        package dev.podlint.engine;
        // dev.podlint.checks.Checks in a comment does not count
        /* nor dev.podlint.cli.Main here */
        class A {
          String s = "dev.podlint.report.Json"; // nor in a string
          Object o = new dev.podlint.checks.Checks();
        }
        """);
    sources.put("dev/podlint/gadgets/B.java", "package dev.podlint.gadgets;\nclass B {}\n");
    sources.put("dev/podlint/model/C.java", "package dev.podlint.model;\nclass C { org.snakeyaml.engine.v2.api.Load l; }\n");
    sources.put("dev/podlint/lsp/D.java", "package dev.podlint.lsp;\nimport dev.podlint.engine.Linter;\nclass D {}\n");
    assertEquals(List.of(
        "dev/podlint/engine/A.java uses dev.podlint.checks (engine may use only load, model, net, rule, schema)",
        "dev/podlint/gadgets/B.java: package gadgets has no row in ArchitectureTest.ALLOWED; give it one",
        "dev/podlint/model/C.java uses org.snakeyaml (only load may)"), problems(sources));
  }

  /** What breaks the rows in {@code sources} (path under src/main/java to text). */
  static List<String> problems(Map<String, String> sources) {
    List<String> problems = new ArrayList<>();
    sources.forEach((rel, text) -> {
      String pkg = packageOf(rel);
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        problems.add(rel + ": package " + pkg + " has no row in ArchitectureTest.ALLOWED; give it one");
        return;
      }
      String code = code(text);
      Set<String> used = new TreeSet<>();
      Matcher m = PODLINT.matcher(code);
      while (m.find()) {
        String name = m.group(1);
        used.add(Character.isUpperCase(name.charAt(0)) ? ROOT : name);
      }
      used.remove(pkg);
      for (String u : used) {
        if (!allowed.contains(u)) {
          problems.add(rel + " uses dev.podlint." + u + " (" + pkg + " may use only "
              + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
      }
      Matcher lib = LIBRARY.matcher(code);
      Set<String> libraries = new TreeSet<>();
      while (lib.find()) {
        libraries.add(lib.group(1));
      }
      for (String l : libraries) {
        if (!OWNER.get(l).equals(pkg)) {
          problems.add(rel + " uses " + l + " (only " + OWNER.get(l) + " may)");
        }
      }
    });
    return problems;
  }

  /** The top-level package of a source path: {@code dev/podlint/net/x/Y.java} is {@code net}. */
  static String packageOf(String rel) {
    String[] parts = rel.split("/");
    return parts.length <= 3 ? ROOT : parts[2];
  }

  /** The code of a source file without its comments and the contents of its string and character literals. */
  static String code(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (text.startsWith("\"\"\"", i)) {
        int end = text.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
        char quote = text.charAt(i);
        int j = i + 1;
        while (j < n && text.charAt(j) != quote && text.charAt(j) != '\n') {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(quote).append(quote);
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /** A path of allowed dependencies from {@code at} back to {@code start}, or empty. */
  private static List<String> cycle(String start, String at, List<String> path, Set<String> seen) {
    for (String next : ALLOWED.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> found = new ArrayList<>(path);
        found.add(next);
        return found;
      }
      if (seen.add(next)) {
        path.add(next);
        List<String> found = cycle(start, next, path, seen);
        if (!found.isEmpty()) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return List.of();
  }
}
