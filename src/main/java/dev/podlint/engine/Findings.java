package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.YNode;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where checks report. A check names the node and the message arguments; the text, id and
 * severity come from the rule file.
 */
public final class Findings {
  private final RuleDefinition rule;
  private final K8sObject object;
  private final List<Finding> out;

  Findings(RuleDefinition rule, K8sObject object, List<Finding> out) {
    this.rule = rule;
    this.object = object;
    this.out = out;
  }

  /** Starts a finding at {@code node}. Call {@link Builder#report()} to record it. */
  public Builder at(YNode node) {
    return new Builder(node, node == null ? null : node.span());
  }

  /**
   * Starts a finding at part of {@code node}: {@code span} lies inside the node (a word inside a
   * longer string); the node still gives the field path.
   */
  public Builder at(YNode node, dev.podlint.model.Span span) {
    return new Builder(node, span);
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

    private final dev.podlint.model.Span span;

    private Builder(YNode node, dev.podlint.model.Span span) {
      if (node == null || span == null) {
        throw new IllegalArgumentException("a finding needs a node to point at");
      }
      this.node = node;
      this.span = span;
    }

    public Builder arg(String name, Object value) {
      args.put(name, String.valueOf(value));
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
      this.fix = new Finding.Fix(description, object.file(), edits);
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
    public Builder related(dev.podlint.model.SourceFile file, dev.podlint.model.Span span, Map<String, ?> extra) {
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
        rel.add(new Finding.Related(object.file(), r.span(), text));
      }
      rel.addAll(elsewhere);
      out.add(new Finding(rule, rule.severityOf(variant), message, object.file(), span, object, node.path(),
          List.copyOf(rel), null, null, fix));
    }
  }
}
