package dev.podlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
  private static boolean m(String glob, String path) {
    return Glob.compile(glob).matches(path);
  }

  @Test
  void starAndQuestionMarkStayWithinOneSegment() {
    assertTrue(m("*.yaml", "a.yaml"));
    assertFalse(m("*.yaml", "dir/a.yaml"), "patterns are anchored at the configuration's directory");
    assertTrue(m("dir/?.yaml", "dir/a.yaml"));
    assertFalse(m("dir/?.yaml", "dir/ab.yaml"));
    assertFalse(m("a*b", "a/b"));
  }

  @Test
  void doubleStarSpansAnyNumberOfSegmentsIncludingNone() {
    assertTrue(m("**/*.tmpl.yaml", "x.tmpl.yaml"));
    assertTrue(m("**/*.tmpl.yaml", "a/b/c/x.tmpl.yaml"));
    assertFalse(m("**/*.tmpl.yaml", "a/b/x.yaml"));
    assertTrue(m("charts/**/values.yaml", "charts/values.yaml"));
    assertTrue(m("charts/**/values.yaml", "charts/a/b/values.yaml"));
    assertTrue(m("**", "anything/at/all.yaml"));
    assertTrue(m("gen/**", "gen/x.yaml"));
    assertFalse(m("gen/**", "generated/x.yaml"));
  }

  @Test
  void aDirectoryPatternExcludesEverythingBelowIt() {
    assertTrue(m("vendor", "vendor/k8s/deploy.yaml"));
    assertTrue(m("charts/*/templates", "charts/web/templates/deployment.yaml"));
    assertFalse(m("charts/*/templates", "charts/web/values.yaml"));
    assertFalse(m("vendor", "vendored/deploy.yaml"));
    assertTrue(m("./generated/", "generated/a.yaml"), "a leading ./ and a trailing / are ignored");
  }

  @Test
  void classesAlternativesAndEscapes() {
    assertTrue(m("env-[ab].yaml", "env-a.yaml"));
    assertFalse(m("env-[ab].yaml", "env-c.yaml"));
    assertTrue(m("env-[!ab].yaml", "env-c.yaml"));
    assertFalse(m("env-[!ab].yaml", "env-a.yaml"));
    assertTrue(m("v[0-9].yaml", "v7.yaml"));
    assertTrue(m("*.{yaml,yml}", "a.yml"));
    assertFalse(m("*.{yaml,yml}", "a.json"));
    assertTrue(m("a\\*b.yaml", "a*b.yaml"));
    assertFalse(m("a\\*b.yaml", "axb.yaml"));
    assertTrue(m("a.b", "a.b"));
    assertFalse(m("a.b", "axb"), "a dot is literal");
    assertFalse(m("[!a]", "/"), "a class never matches the separator");
  }

  @Test
  void patternsThatCannotWorkAreRejectedWithAReason() {
    assertEquals("must be relative to the configuration file's directory, not absolute",
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("/etc")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Glob.compile("a/../b")).getMessage()
        .contains("'..'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Glob.compile("a[b")).getMessage()
        .contains("unclosed '['"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Glob.compile("{a,b")).getMessage()
        .contains("unclosed '{'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Glob.compile("a//b")).getMessage()
        .contains("empty path segment"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Glob.compile("./")).getMessage()
        .contains("matches nothing"));
  }
}
