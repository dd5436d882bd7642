package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.podlint.checks.Checks;
import dev.podlint.config.ConfigFile;
import dev.podlint.engine.LintOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code testdata/} (rules/, load/, examples/, suppressions/, versions/, kinds/)
 * and demands exact agreement with its {@code # expect:} and {@code # expect-suppressed:} markers
 * both ways. Each fixture runs three times: as written, with CRLF line endings, and with a UTF-8
 * byte order mark; and that against each Kubernetes version its header names
 * ({@code version=1.31,1.32}; default the newest), with the markers of that version
 * ({@code # expect@1.31:}). A header's {@code config=config/file.yaml} lints with the workload kinds
 * that configuration declares. Run one rule's fixtures with {@code -Dfixtures.only=<rule-name>}.
 */
class RuleFixturesTest {
  static List<Path> fixtures() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("rules", "load", "examples", "suppressions", "versions", "kinds")) {
      Path d = TestSupport.TESTDATA.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .filter(p -> !p.getParent().getFileName().toString().equals(TestSupport.CUSTOM_RULES))
              .sorted().forEach(out::add);
        }
      }
    }
    return out;
  }

  /** The rules a fixture is checked against: its header, else its rule folder, else all. */
  static List<String> scope(Path fixture, String text) {
    List<String> header = Expectations.headerRules(text);
    if (header != null) {
      return header;
    }
    Path rel = TestSupport.TESTDATA.relativize(fixture);
    if (rel.getNameCount() >= 3 && rel.getName(0).toString().equals("rules")) {
      return List.of(rel.getName(1).toString());
    }
    return List.of("all");
  }

  @TestFactory
  Stream<DynamicNode> everyFixture() throws IOException {
    String only = System.getProperty("fixtures.only");
    List<Path> all = fixtures();
    assertFalse(all.isEmpty(), "no fixtures found under testdata/");
    return all.stream()
        .filter(p -> only == null || only.isBlank() || p.toString().contains(only))
        .flatMap(p -> {
          String name = TestSupport.ROOT.relativize(p).toString();
          return versions(p).stream().flatMap(k -> {
            String at = k == null ? "" : " @" + k;
            return Stream.of(
                dynamicTest(name + at, p.toUri(), () -> check(p, Variant.AS_IS, k)),
                dynamicTest(name + at + " [CRLF]", p.toUri(), () -> check(p, Variant.CRLF, k)),
                dynamicTest(name + at + " [BOM]", p.toUri(), () -> check(p, Variant.BOM, k)));
          });
        });
  }

  /** The versions a fixture's header names, or a list of just null (the default version). */
  private static List<String> versions(Path p) {
    try {
      List<String> v = Expectations.headerVersions(Files.readString(p, StandardCharsets.UTF_8));
      return v == null ? java.util.Collections.singletonList(null) : v;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  enum Variant {
    AS_IS, CRLF, BOM;

    /** The text as this variant gives it to the linter. */
    String apply(String text) {
      return switch (this) {
        case AS_IS -> text;
        case CRLF -> text.replace("\r\n", "\n").replace("\n", "\r\n");
        case BOM -> "\uFEFF" + text;
      };
    }
  }

  static void check(Path p, Variant v) throws IOException {
    check(p, v, null);
  }

  /** Checks {@code p} against Kubernetes {@code version} (null: the default). */
  static void check(Path p, Variant v, String version) throws IOException {
    String text = Files.readString(p, StandardCharsets.UTF_8);
    String input = v.apply(text);
    String name = TestSupport.ROOT.relativize(p).toString();
    var all = Expectations.parse(text);
    List<String> versions = Expectations.headerVersions(text);
    for (var e : all) {
      if (e.version() != null && (versions == null || !versions.contains(e.version()))) {
        fail(TestSupport.ROOT.relativize(p) + ":" + e.line() + ": a marker for Kubernetes " + e.version()
            + ", which the header's version= does not name");
      }
    }
    var expected = Expectations.forVersion(all, version);
    boolean bad = p.getFileName().toString().startsWith("bad-");
    boolean good = p.getFileName().toString().startsWith("good-");
    boolean reported = all.stream().anyMatch(e -> !e.suppressed()); // at some version
    if (bad && !reported) {
      fail(name + ": a bad-* fixture needs at least one # expect: marker");
    }
    if (good && reported) {
      fail(name + ": a good-* fixture must not hold # expect: markers (# expect-suppressed: is fine)");
    }
    LintOptions options = version == null ? LintOptions.DEFAULT : new LintOptions(version, false);
    String config = Expectations.headerConfig(text);
    if (config != null) {
      options = options.withWorkloadKinds(ConfigFile.read(TestSupport.TESTDATA.resolve(config), TestSupport.ROOT)
          .resolve(TestSupport.catalog(), Checks.BUILTIN).workloadKinds());
    }
    var actual = TestSupport.lint(name, input, scope(p, text), options);
    String diff = Expectations.compare(text, expected, actual);
    if (!diff.isEmpty()) {
      fail(name + " (" + v + (version == null ? "" : ", Kubernetes " + version) + ") does not match its markers:\n"
          + diff);
    }
  }
}
