package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YPath;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * One problem at one place.
 *
 * @param object the object it concerns, or null for file-level findings (invalid YAML); in a
 *     finished finding (one a run hands out) a handle: the object's identity and place, no tree
 * @param path the field it points at inside the object, or null
 * @param suppression how a user suppressed it, or null
 * @param fingerprint a line-independent identity, stable across unrelated edits
 * @param fix a proposed change, or null
 */
public record Finding(
    RuleDefinition rule,
    Severity severity,
    String message,
    SourceFile file,
    Span span,
    K8sObject object,
    YPath path,
    List<Related> related,
    Suppression suppression,
    String fingerprint,
    Fix fix) {

  /** A finding without a proposed fix. */
  public Finding(RuleDefinition rule, Severity severity, String message, SourceFile file, Span span, K8sObject object,
      YPath path, List<Related> related, Suppression suppression, String fingerprint) {
    this(rule, severity, message, file, span, object, path, related, suppression, fingerprint, null);
  }

  /**
   * A proposed change of {@code file}: each edit replaces the text inside its region (1-based, end
   * exclusive; regions do not overlap) with new text. Tools may show it (SARIF {@code fixes});
   * podlint never applies it to a user's file.
   */
  public record Fix(String description, SourceFile file, List<Edit> edits) {
    public Fix {
      edits = List.copyOf(edits);
    }
  }

  /** Replace the text inside {@code deleted} with {@code inserted}. */
  public record Edit(Span deleted, String inserted) {}

  /**
   * A secondary place that explains the finding (the earlier declaration of a conflict, the Helm
   * template an object was rendered from); {@code span} is null when only the file is known.
   */
  public record Related(SourceFile file, Span span, String message) {}

  /**
   * Why a finding does not count: a user said so, and where.
   *
   * @param kind {@code inSource} (an annotation or comment in the manifest) or {@code external} (a
   *     configured exemption), as in SARIF
   * @param justification the reason the user gave, or a description of the suppression
   * @param file the file holding the annotation or comment, or null (exemptions)
   * @param span where the annotation or comment is, or null
   */
  public record Suppression(String kind, String justification, SourceFile file, Span span) {
    public static final String IN_SOURCE = "inSource";
    public static final String EXTERNAL = "external";

    /** A suppression without a location. */
    public Suppression(String kind, String justification) {
      this(kind, justification, null, null);
    }
  }

  /** Output order: file, line, column, rule id, message. */
  public static final Comparator<Finding> ORDER = (a, b) -> {
    // written out: a run sorts every finding, and a chain of key extractors costs several times more
    int c = a.file().displayName().compareTo(b.file().displayName());
    if (c == 0) {
      c = a.span().compareTo(b.span());
    }
    if (c == 0) {
      c = a.rule().id().compareTo(b.rule().id());
    }
    return c != 0 ? c : a.message().compareTo(b.message());
  };

  public boolean isSuppressed() {
    return suppression != null;
  }

  Finding withSuppression(Suppression s) {
    return new Finding(rule, severity, message, file, span, object, path, related, s, fingerprint, fix);
  }

  Finding withoutFix() {
    return new Finding(rule, severity, message, file, span, object, path, related, suppression, fingerprint, null);
  }

  Finding withRelated(List<Related> more) {
    List<Related> all = new java.util.ArrayList<>(related);
    all.addAll(more);
    return new Finding(rule, severity, message, file, span, object, path, List.copyOf(all), suppression, fingerprint,
        fix);
  }

  Finding withObject(K8sObject o) {
    return new Finding(rule, severity, message, file, span, o, path, related, suppression, fingerprint, fix);
  }

  Finding withFingerprint(String fp) {
    return new Finding(rule, severity, message, file, span, object, path, related, suppression, fp, fix);
  }
}
