package dev.podlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.podlint.TestSupport;
import dev.podlint.rule.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The configuration fixtures of {@code testdata/config/}: each {@code valid-*.yaml} loads without a
 * problem; in each {@code invalid-*.yaml}, a comment {@code # error: TEXT} ends each line where a
 * problem is reported (one marker per problem, several on one line allowed), TEXT being a part of
 * its message, and no other line has a problem.
 */
class ConfigFixturesTest {
  static final Path DIR = TestSupport.TESTDATA.resolve("config");
  private static final String MARKER = "# error: ";

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    if (files.stream().noneMatch(p -> p.getFileName().toString().startsWith("valid-"))
        || files.stream().noneMatch(p -> p.getFileName().toString().startsWith("invalid-"))) {
      fail("testdata/config needs valid-*.yaml and invalid-*.yaml fixtures");
    }
    return files.stream().map(p -> dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      for (int at = l.indexOf(MARKER); at >= 0; at = l.indexOf(MARKER, at + 1)) {
        int end = l.indexOf(" " + MARKER, at + MARKER.length());
        expected.add((i + 1) + ": " + l.substring(at + MARKER.length(), end < 0 ? l.length() : end).strip());
      }
    }
    List<ConfigProblem> problems;
    try {
      ConfigFile.read(file, DIR).resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN);
      problems = List.of();
    } catch (ConfigException e) {
      problems = e.problems();
    }
    if (name.startsWith("valid-")) {
      assertEquals(List.of(), problems.stream().map(ConfigProblem::toString).toList(), name);
      return;
    }
    List<String> unmatched = new ArrayList<>(expected);
    List<String> unexpected = new ArrayList<>();
    for (ConfigProblem p : problems) {
      String hit = unmatched.stream().filter(x -> {
        int colon = x.indexOf(": ");
        return p.at() != null && Integer.parseInt(x.substring(0, colon)) == p.at().line()
            && p.message().contains(x.substring(colon + 2));
      }).findFirst().orElse(null);
      if (hit == null) {
        unexpected.add(p.toString());
      } else {
        unmatched.remove(hit);
      }
    }
    if (!unmatched.isEmpty() || !unexpected.isEmpty()) {
      fail(name + ":\n  expected but not reported: " + unmatched + "\n  reported but not expected: " + unexpected);
    }
    assertThrows(ConfigException.class, () -> ConfigFile.read(file, DIR).resolve(RuleCatalog.builtin(), dev.podlint.checks.Checks.BUILTIN));
  }
}
