package dev.podlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unified diff of {@code podlint advise --diff}: the format, and that it turns one text into the other. */
class UnifiedDiffTest {
  @Test
  void aChangeInTheMiddleShowsThreeLinesOfContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    assertEquals("--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        UnifiedDiff.of("f.yaml", before, after));
  }

  @Test
  void changesCloseTogetherShareAHunkAndFarApartDoNot() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
    String close = before.replace("b\n", "B\n").replace("h\n", "H\n");
    assertEquals(1, UnifiedDiff.of("f", before, close).split("@@ -").length - 1);
    String far = before.replace("b\n", "B\n").replace("m\n", "M\n");
    assertEquals(2, UnifiedDiff.of("f", before, far).split("@@ -").length - 1);
  }

  @Test
  void insertionsAtTheStartAndTheEndAndEqualTexts() {
    assertEquals("--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+new\n", UnifiedDiff.of("f", "", "new\n"));
    assertEquals("--- a/f\n+++ b/f\n@@ -1,1 +1,2 @@\n x\n+y\n", UnifiedDiff.of("f", "x\n", "x\ny\n"));
    assertEquals("", UnifiedDiff.of("f", "same\n", "same\n"));
  }

  @Test
  void aLastLineWithoutALineBreakIsMarkedAndCrlfIsKept() {
    assertEquals("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\r\n",
        UnifiedDiff.of("f", "a\r\nb", "a\r\nc\r\n"));
  }

  /** Random edits of random texts: applying the diff to the old text gives the new one. */
  @Test
  void applyingTheDiffGivesTheNewText() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<String> lines = new ArrayList<>();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        lines.add("line " + random.nextInt(8) + "\n");
      }
      List<String> edited = new ArrayList<>(lines);
      for (int e = random.nextInt(6); e > 0; e--) {
        int at = edited.isEmpty() ? 0 : random.nextInt(edited.size() + 1);
        switch (random.nextInt(3)) {
          case 0 -> edited.add(at, "new " + random.nextInt(5) + "\n");
          case 1 -> {
            if (at < edited.size()) {
              edited.remove(at);
            }
          }
          default -> {
            if (at < edited.size()) {
              edited.set(at, "changed " + random.nextInt(5) + "\n");
            }
          }
        }
      }
      String before = String.join("", lines);
      String after = String.join("", edited);
      assertEquals(after, patch(before, UnifiedDiff.of("f", before, after)), "round " + round + ":\n" + before);
    }
  }

  /** A strict patch: every context and removed line must be where the hunk says. */
  static String patch(String before, String diff) {
    List<String> old = UnifiedDiff.lines(before);
    List<String> out = new ArrayList<>();
    List<String> d = UnifiedDiff.lines(diff);
    int next = 0; // the next line of old not yet copied
    for (int i = 2; i < d.size(); ) {
      String header = d.get(i++);
      String[] range = header.substring(4, header.indexOf(" +")).split(",");
      int start = Integer.parseInt(range[0]);
      int count = Integer.parseInt(range[1]);
      int from = count == 0 ? start : start - 1;
      while (next < from) {
        out.add(old.get(next++));
      }
      while (i < d.size() && !d.get(i).startsWith("@@")) {
        String line = d.get(i++);
        String text = line.substring(1);
        if (i < d.size() && d.get(i).startsWith("\\")) {
          text = text.substring(0, text.length() - 1); // no line break at the end of the file
          i++;
        }
        switch (line.charAt(0)) {
          case ' ' -> {
            assertEquals(old.get(next++), text);
            out.add(text);
          }
          case '-' -> assertEquals(old.get(next++), text);
          default -> out.add(text);
        }
      }
    }
    while (next < old.size()) {
      out.add(old.get(next++));
    }
    return String.join("", out);
  }
}
