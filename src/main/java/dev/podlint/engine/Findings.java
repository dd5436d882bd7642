package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YPath;
import dev.podlint.model.YNode;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where checks report, and the engine's own rules (invalid YAML, untyped documents, suppressions
 * that did nothing, patterns that ran out of steps) too. A check names the node and the message
 * arguments; the text, id and severity come from the rule file.
 */
public final class Findings {
  private final RuleDefinition rule;
  private final SourceFile file;
  /** The object reported on; null for a finding about a file (only the engine's own rules make them). */
  private final K8sObject object;
  private final List<Finding> out;

  Findings(RuleDefinition rule, K8sObject object, List<Finding> out) {
    this(rule, object.file(), object, out);
  }

  private Findings(RuleDefinition rule, SourceFile file, K8sObject object, List<Finding> out) {
    this.rule = rule;
    this.file = file;
    this.object = object;
    this.out = out;
  }

  /**
   * Where the engine's own rules report about {@code file}, and about {@code object} in it when it
   * is not null: findings at a place of the file ({@link #at(Span, YPath)}) rather than at a node.
   */
  static Findings about(RuleDefinition rule, SourceFile file, K8sObject object, List<Finding> out) {
    return new Findings(rule, file, object, out);
  }

  /**
   * Whether the rule's {@code appliesTo} takes the object reported on: a cross-object rule asks it
   * of the objects of the run it judges, as the engine asks it for the object rules.
   */
  public boolean applies() {
    return object != null && rule.appliesTo(object);
  }

  /** Starts a finding at {@code node}. Call {@link Builder#report()} to record it. */
  public Builder at(YNode node) {
    return new Builder(node, node == null ? null : node.span());
  }

  /**
   * Starts a finding at part of {@code node}: {@code span} lies inside the node (a word inside a
   * longer string); the node still gives the field path.
   */
  public Builder at(YNode node, Span span) {
    return new Builder(node, span);
  }

  /** Starts a finding of the engine's own at {@code span} of the file, about the field {@code path} (or none). */
  Builder at(Span span, YPath path) {
    if (span == null) {
      throw new IllegalArgumentException("a finding needs a place");
    }
    return new Builder(null, span, path);
  }

  /** A finding under construction. */
  public final class Builder {
    private final YNode node;
    private final Map<String, String> args = new LinkedHashMap<>();
    private final List<YNode> related = new ArrayList<>();
    private final Map<YNode, Map<String, String>> relatedArgs = new java.util.IdentityHashMap<>();
    private String variant;
    private Finding.Fix fix;
    private final List<Finding.Related> elsewhere = new ArrayList<>();

    private final Span span;
    private final YPath path;

    private Builder(YNode node, Span span) {
      this(node, span, node == null ? null : node.path());
      if (node == null || span == null) {
        throw new IllegalArgumentException("a finding needs a node to point at");
      }
    }

    private Builder(YNode node, Span span, YPath path) {
      this.node = node;
      this.span = span;
      this.path = path;
    }

    public Builder arg(String name, Object value) {
      args.put(name, String.valueOf(value));
      return this;
    }

    /** Adds every argument of {@code values}, in their order. */
    public Builder args(Map<String, ?> values) {
      values.forEach(this::arg);
      return this;
    }

    /** Chooses one of the rule's message variants (and its severity). */
    public Builder variant(String name) {
      this.variant = name;
      return this;
    }

    /** Adds a related location; its message is the rule's {@code relatedMessage}. */
    public Builder related(YNode other) {
      related.add(other);
      return this;
    }

    /** Attaches a proposed change of the object's file. */
    public Builder fix(String description, List<Finding.Edit> edits) {
      this.fix = new Finding.Fix(description, file, edits);
      return this;
    }

    /**
     * Adds a related location whose message is the rule's {@code relatedMessage} rendered with
     * the finding's arguments plus {@code extra} (for example the name of that container).
     */
    public Builder related(YNode other, Map<String, ?> extra) {
      Map<String, String> own = new LinkedHashMap<>();
      extra.forEach((k, v) -> own.put(k, String.valueOf(v)));
      relatedArgs.put(other, own);
      related.add(other);
      return this;
    }

    /** Adds a related location in any file (another object), with extra message arguments. */
    public Builder related(SourceFile file, Span span, Map<String, ?> extra) {
      Map<String, String> all = new LinkedHashMap<>(args);
      extra.forEach((k, v) -> all.put(k, String.valueOf(v)));
      elsewhere.add(new Finding.Related(file, span,
          rule.relatedMessage() == null ? "related location" : Template.render(rule.relatedMessage(), all)));
      return this;
    }

    public void report() {
      String message = Template.render(rule.messageOf(variant), args);
      List<Finding.Related> rel = new ArrayList<>();
      for (YNode r : related) {
        if (r == node) {
          continue; // one node seen twice through an alias: the primary location says it all
        }
        Map<String, String> all = new LinkedHashMap<>(args);
        all.putAll(relatedArgs.getOrDefault(r, Map.of()));
        String text = rule.relatedMessage() == null ? "related location" : Template.render(rule.relatedMessage(), all);
        rel.add(new Finding.Related(file, r.span(), text));
      }
      rel.addAll(elsewhere);
      out.add(new Finding(rule, rule.severityOf(variant), message, file, span, object, path, List.copyOf(rel), null,
          null, fix));
    }
  }
}
