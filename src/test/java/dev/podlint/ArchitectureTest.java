package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the layering of DESIGN.md: each library is used by one package only. */
class ArchitectureTest {
  static final Map<String, String> OWNER = Map.of(
      "org.snakeyaml", "dev/podlint/load/",
      "com.contrastsecurity.sarif", "dev/podlint/report/",
      "picocli", "dev/podlint/cli/",
      "org.everit", "dev/podlint/schema/");

  /** Packages each package must not import (the dependency direction). */
  static final Map<String, List<String>> FORBIDDEN = Map.of(
      "dev/podlint/model/", List.of("dev.podlint.config", "dev.podlint.load", "dev.podlint.rule", "dev.podlint.engine",
          "dev.podlint.checks", "dev.podlint.report", "dev.podlint.cli", "dev.podlint.net"),
      // the networking model reads pods and rule parameters; rules, the engine and the advice read it
      "dev/podlint/net/", List.of("dev.podlint.config", "dev.podlint.load", "dev.podlint.engine", "dev.podlint.checks",
          "dev.podlint.report", "dev.podlint.cli", "dev.podlint.advise", "dev.podlint.schema"),
      "dev/podlint/load/", List.of("dev.podlint.config", "dev.podlint.rule", "dev.podlint.engine", "dev.podlint.checks",
          "dev.podlint.report", "dev.podlint.cli"),
      "dev/podlint/rule/", List.of("dev.podlint.config", "dev.podlint.engine", "dev.podlint.checks",
          "dev.podlint.report", "dev.podlint.cli"),
      "dev/podlint/checks/", List.of("dev.podlint.config", "dev.podlint.load", "dev.podlint.report", "dev.podlint.cli"),
      "dev/podlint/engine/", List.of("dev.podlint.config", "dev.podlint.report", "dev.podlint.cli", "dev.podlint.checks"),
      "dev/podlint/report/", List.of("dev.podlint.config", "dev.podlint.cli"),
      "dev/podlint/advise/", List.of("dev.podlint.config", "dev.podlint.load", "dev.podlint.engine",
          "dev.podlint.checks", "dev.podlint.report", "dev.podlint.cli", "dev.podlint.schema"),
      // configuration reads files with the loader and checks them against rules and schemas; it
      // builds engine options but knows no check, report or command line
      "dev/podlint/config/", List.of("dev.podlint.checks", "dev.podlint.report", "dev.podlint.cli",
          "dev.podlint.advise"),
      "dev/podlint/schema/", List.of("dev.podlint.config", "dev.podlint.load", "dev.podlint.rule", "dev.podlint.engine",
          "dev.podlint.checks", "dev.podlint.report", "dev.podlint.cli"));

  @Test
  void importsFollowTheLayering() throws IOException {
    Path src = TestSupport.ROOT.resolve("src/main/java");
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String rel = src.relativize(p).toString().replace('\\', '/');
        for (String line : Files.readAllLines(p)) {
          if (!line.startsWith("import ")) {
            continue;
          }
          String imported = line.substring(7).replace("static ", "").strip();
          OWNER.forEach((lib, owner) -> {
            if (imported.startsWith(lib + ".") && !rel.startsWith(owner)) {
              problems.add(rel + " imports " + imported + " (only " + owner + " may)");
            }
          });
          FORBIDDEN.forEach((pkg, banned) -> {
            if (rel.startsWith(pkg)) {
              for (String b : banned) {
                if (imported.startsWith(b + ".")) {
                  problems.add(rel + " imports " + imported + " (against the dependency direction)");
                }
              }
            }
          });
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
