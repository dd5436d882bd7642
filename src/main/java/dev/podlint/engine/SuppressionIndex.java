package dev.podlint.engine;

import dev.podlint.engine.Suppressions.Directive;
import dev.podlint.engine.Suppressions.Name;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suppressions of one file, indexed by what a finding is matched on, so that a finding is
 * checked only against the suppressions that name its rule and are written where it lies: line
 * comments by line, document comments by their line range, file comments by rule alone,
 * annotations by their object. Matching a file's findings is then near-linear in their number,
 * however many suppressions the file holds (20,000 annotated Pods in one file made it quadratic).
 */
final class SuppressionIndex {
  /** A line comment's line and a rule it names (by id). */
  private record At(int line, String rule) {}

  /**
   * An object, as {@link SuppressionApplier} compares objects (cross-object rules report on compact
   * handles, not the loaded tree), and a rule an annotation of it names.
   */
  private record On(int document, String file, YPath root, String kind, String name, String rule) {
    static On of(K8sObject o, String rule) {
      return new On(o.documentIndex(), o.file().displayName(), o.root().path(), o.kind(), o.name(), rule);
    }
  }

  private final Map<At, List<Directive>> lines = new HashMap<>();
  private final Map<String, Ranges> ranges = new HashMap<>();
  private final Map<String, List<Directive>> wholeFile = new HashMap<>();
  private final Map<On, List<Directive>> objects = new HashMap<>();
  private final Set<SourceFile> files = new LinkedHashSet<>();

  SuppressionIndex(List<Directive> directives) {
    for (Directive d : directives) {
      files.add(d.file);
      for (String rule : rules(d)) {
        switch (d.form) {
          case LINE_COMMENT, DOCUMENT_COMMENT, FILE_COMMENT -> {
            if (d.fromLine == d.toLine) {
              lines.computeIfAbsent(new At(d.fromLine, rule), k -> new ArrayList<>()).add(d);
            } else if (d.fromLine <= 1 && d.toLine == Integer.MAX_VALUE) {
              wholeFile.computeIfAbsent(rule, k -> new ArrayList<>()).add(d);
            } else {
              ranges.computeIfAbsent(rule, k -> new Ranges()).add(d);
            }
          }
          case LIST_ANNOTATION, RULE_ANNOTATION, CONTAINER_ANNOTATION -> {
            if (d.object != null) {
              objects.computeIfAbsent(On.of(d.object, rule), k -> new ArrayList<>()).add(d);
            }
          }
          case EXEMPTION -> { }
        }
      }
    }
    ranges.values().forEach(Ranges::seal);
  }

  /** The files the suppressions are written in. */
  Set<SourceFile> files() {
    return files;
  }

  /**
   * The suppressions that may cover {@code f}: they name its rule and are written on its line, in a
   * range that holds its line, for the whole file, or on its object. Each at most once; the caller
   * still checks the scope (a path under a pod template, a container).
   */
  List<Directive> candidates(Finding f) {
    String rule = f.rule().id();
    int line = f.span().start().line();
    List<Directive> out = new ArrayList<>();
    out.addAll(lines.getOrDefault(new At(line, rule), List.of()));
    Ranges r = ranges.get(rule);
    if (r != null) {
      r.covering(line, out);
    }
    out.addAll(wholeFile.getOrDefault(rule, List.of()));
    if (f.object() != null) {
      out.addAll(objects.getOrDefault(On.of(f.object(), rule), List.of()));
    }
    return out;
  }

  /** The ids of the known rules {@code d} names, each once. */
  private static Set<String> rules(Directive d) {
    Set<String> out = new LinkedHashSet<>();
    for (Name n : d.names) {
      if (n.rule != null) {
        out.add(n.rule.id());
      }
    }
    return out;
  }

  /**
   * Line ranges (a document's), sorted by their first line, with the largest last line of each
   * prefix: the ranges that hold a line are found by a binary search and a walk back that stops
   * where no earlier range reaches the line (at once, for the disjoint ranges of documents).
   */
  private static final class Ranges {
    private final List<Directive> list = new ArrayList<>();
    private int[] from;
    private int[] reach;

    void add(Directive d) {
      list.add(d);
    }

    void seal() {
      list.sort(Comparator.comparingInt(d -> d.fromLine)); // stable: written order within a line
      from = new int[list.size()];
      reach = new int[list.size()];
      int max = Integer.MIN_VALUE;
      for (int i = 0; i < list.size(); i++) {
        from[i] = list.get(i).fromLine;
        max = Math.max(max, list.get(i).toLine);
        reach[i] = max;
      }
    }

    void covering(int line, List<Directive> out) {
      int i = Arrays.binarySearch(from, line);
      if (i < 0) {
        i = -i - 2; // the last range starting before the line
      } else {
        while (i + 1 < from.length && from[i + 1] == line) {
          i++; // the last range starting on it
        }
      }
      for (; i >= 0 && reach[i] >= line; i--) {
        if (list.get(i).toLine >= line) {
          out.add(list.get(i));
        }
      }
    }
  }
}
