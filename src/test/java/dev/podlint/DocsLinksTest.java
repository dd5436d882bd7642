package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the Markdown pages (README.md, CONTRIBUTING.md and the other pages at the
 * root, docs/*.md) names a file that exists, and every {@code #anchor} a heading of its page, as
 * GitHub makes anchors from headings. Each page under docs/ but the generated rule reference opens
 * with a table of contents that links every section.
 */
class DocsLinksTest {
  private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern REFERENCE = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

  /** The pages checked: Markdown files at the root and under docs/. */
  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    for (Path dir : List.of(TestSupport.ROOT, TestSupport.ROOT.resolve("docs"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
      }
    }
    return pages;
  }

  /** A page's lines, null for those of fenced code blocks. */
  static List<String> prose(Path page) throws IOException {
    List<String> out = new ArrayList<>();
    String fence = null;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      String t = line.stripLeading();
      if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
        fence = t.substring(0, 3);
        out.add(null);
      } else if (fence != null) {
        if (t.startsWith(fence)) {
          fence = null;
        }
        out.add(null);
      } else {
        out.add(line);
      }
    }
    return out;
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{Mn}\\p{Pc} -]", "").replace(' ', '-');
  }

  /** The anchors of a page, in order: headings (repeats numbered as GitHub does) and HTML anchors. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(page)) {
      if (line == null) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        String s = slug(h.group(2));
        int n = seen.merge(s, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? s : s + "-" + n);
      }
      Matcher a = HTML_ANCHOR.matcher(line);
      while (a.find()) {
        anchors.add(a.group(1));
      }
    }
    return anchors;
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    Map<Path, Set<String>> anchorsOf = new HashMap<>();
    for (Path page : pages()) {
      List<String> lines = prose(page);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line == null) {
          continue;
        }
        List<String> targets = new ArrayList<>();
        Matcher m = INLINE_LINK.matcher(line.replaceAll("`[^`]*`", "``")); // a code span holds no link
        while (m.find()) {
          targets.add(m.group(1));
        }
        Matcher r = REFERENCE.matcher(line);
        if (r.find()) {
          targets.add(r.group(1));
        }
        for (String target : targets) {
          if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            continue; // https:, mailto: and other absolute URLs
          }
          checked++;
          String where = TestSupport.ROOT.relativize(page) + ":" + (i + 1) + ": ";
          int hash = target.indexOf('#');
          String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
          Path to = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
          if (!to.startsWith(TestSupport.ROOT) || !Files.exists(to)) {
            broken.add(where + target + ": no such file");
            continue;
          }
          if (hash >= 0 && to.getFileName().toString().endsWith(".md")) {
            String anchor = target.substring(hash + 1);
            if (!anchorsOf.computeIfAbsent(to, p -> {
              try {
                return anchors(p);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }).contains(anchor)) {
              broken.add(where + target + ": no heading with anchor #" + anchor + " in " + TestSupport.ROOT.relativize(to));
            }
          }
        }
      }
    }
    assertTrue(checked > 100, "the pages link to each other (" + checked + " links)");
    assertEquals("", String.join("\n", broken), "broken links");
  }

  @Test
  void everyDocsPageOpensWithATableOfContents() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path page : pages()) {
      String name = TestSupport.ROOT.relativize(page).toString().replace('\\', '/');
      if (!name.startsWith("docs/") || name.equals(dev.podlint.rule.RuleDocs.DOCS_PAGE)) {
        continue; // the generated rule reference opens with a table that links every rule
      }
      String text = Files.readString(page, StandardCharsets.UTF_8);
      int b = text.indexOf("<!-- toc -->");
      int e = text.indexOf("<!-- /toc -->");
      int firstSection = text.indexOf("\n## ");
      if (b < 0 || e < b || (firstSection >= 0 && e > firstSection)) {
        problems.add(name + ": no <!-- toc --> ... <!-- /toc --> block before the first section");
        continue;
      }
      String toc = text.substring(b, e);
      Map<String, Integer> seen = new HashMap<>();
      for (String line : prose(page)) {
        Matcher h = line == null ? null : HEADING.matcher(line);
        if (h != null && h.matches()) {
          String s = slug(h.group(2));
          int n = seen.merge(s, 1, Integer::sum) - 1;
          String anchor = n == 0 ? s : s + "-" + n;
          if ((h.group(1).length() == 2 || h.group(1).length() == 3) && !toc.contains("](#" + anchor + ")")) {
            problems.add(name + ": the table of contents lacks " + h.group(1) + " " + h.group(2));
          }
        }
      }
    }
    assertEquals("", String.join("\n", problems));
  }

  @Test
  void slugsFollowGitHub() {
    assertEquals("start-up-time-binpodlint-and-class-data-sharing",
        slug("Start-up time: `bin/podlint` and class-data sharing"));
    assertEquals("splitting-a-large-repository-across-ci-runners---shard-kn",
        slug("Splitting a large repository across CI runners: `--shard K/N`"));
    assertEquals("restart-policies-serviceaccounts-dns-disruption-budgets-and-labels",
        slug("Restart policies, ServiceAccounts, DNS, disruption budgets and labels"));
    assertEquals("podlint-advise", slug("`podlint advise`"));
  }
}
