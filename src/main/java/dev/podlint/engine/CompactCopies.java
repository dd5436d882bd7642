package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of the few nodes and strings the cross-object inventory keeps of each document, made so
 * that a run keeps little per document: strings interned (the same kind, namespace, label or key
 * in thousands of documents is one string), paths canonical (every {@code spec.template.metadata.labels}
 * of a part is one chain, whose keys are interned too), nothing of the parse that made them. A copy
 * is equal to its original (a node's value, type, span and path; a path's segments and whether it
 * is {@link YPath#inTree in a tree}), and a node reached twice is copied once, so that the rules see
 * the same node where they saw one before (a finding leaves out a related location that is its
 * own). Used by one thread, for one part of a run.
 */
final class CompactCopies {
  private final Map<YNode, YNode> nodes = new IdentityHashMap<>();
  /** Canonical paths, one map for those in a tree and one for the others (equality ignores that). */
  private final Map<YPath, YPath> inTree = new HashMap<>();
  private final Map<YPath, YPath> notInTree = new HashMap<>();
  private final Map<List<Map.Entry<String, String>>, Map<String, String>> labelSets = new HashMap<>();

  /** {@code s} as the one string of its text that the whole process shares; null stays null. */
  static String intern(String s) {
    return s == null ? null : s.intern();
  }

  /**
   * The labels (or any strings by string), interned, in their order; unmodifiable. Equal labels in
   * the same order are one map (a controller's pod labels are also its workload's).
   */
  Map<String, String> labels(Map<String, String> m) {
    if (m.isEmpty()) {
      return Map.of();
    }
    List<Map.Entry<String, String>> inOrder = new ArrayList<>(m.size());
    m.forEach((k, v) -> inOrder.add(Map.entry(k, v)));
    return labelSets.computeIfAbsent(inOrder, k -> {
      Map<String, String> out = new LinkedHashMap<>(m.size() * 4 / 3 + 1);
      m.forEach((key, v) -> out.put(intern(key), intern(v)));
      return Collections.unmodifiableMap(out);
    });
  }

  /** {@code o} with its strings interned and its tree copied (see {@link #node}). */
  K8sObject object(K8sObject o) {
    return new K8sObject(intern(o.apiVersion()), intern(o.kind()), intern(o.name()), intern(o.namespace()),
        (YMap) node(o.root()), o.file(), o.documentIndex(), o.renderedFrom());
  }

  /** A copy of {@code n} and everything below it, equal to it; null for null. */
  @SuppressWarnings("unchecked")
  <N extends YNode> N node(N n) {
    if (n == null) {
      return null;
    }
    YNode done = nodes.get(n);
    if (done != null) {
      return (N) done;
    }
    YNode copy;
    if (n instanceof YScalar s) {
      copy = new YScalar(intern(s.value()), s.type(), s.quoted(), s.ambiguous(), s.span(), path(s.path()),
          intern(s.tag()));
    } else if (n instanceof YMap m) {
      List<YMap.Entry> entries = new ArrayList<>(m.entries().size());
      for (YMap.Entry e : m.entries()) {
        entries.add(new YMap.Entry(node(e.key()), node(e.value())));
      }
      copy = new YMap(entries, m.span(), path(m.path()));
    } else {
      YSeq q = (YSeq) n;
      List<YNode> items = new ArrayList<>(q.size());
      for (YNode i : q.items()) {
        items.add(node(i));
      }
      copy = new YSeq(items, q.span(), path(q.path()));
    }
    nodes.put(n, copy);
    return (N) copy;
  }

  /** The canonical path equal to {@code p}, in a tree when {@code p} is. */
  YPath path(YPath p) {
    if (p.isRoot()) {
      return p.inTree() ? YPath.ROOT_OF_TREE : YPath.ROOT;
    }
    Map<YPath, YPath> canonical = p.inTree() ? inTree : notInTree;
    YPath known = canonical.get(p);
    if (known != null) {
      return known;
    }
    YPath at = p.inTree() ? YPath.ROOT_OF_TREE : YPath.ROOT;
    for (Object segment : p.segments()) {
      YPath next = segment instanceof Integer i ? at.index(i) : at.key(intern((String) segment));
      YPath seen = canonical.putIfAbsent(next, next);
      at = seen != null ? seen : next;
    }
    return at;
  }
}
