package dev.podlint.rule;

import dev.podlint.model.YNode;
import java.util.List;

/**
 * A rule file that cannot be used, with the file and field named, and for problems found in the
 * file's content, the line and column: {@code rules/acme.yaml:7:11: match.target: ...}. Several
 * problems are one line each.
 */
public final class RuleFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RuleFormatException(String file, String message) {
    super(file + ": " + message, null, false, false);
  }

  private RuleFormatException(String message) {
    super(message, null, false, false);
  }

  /** One problem in a rule file, at a node. */
  public record Problem(YNode at, String field, String message) {
    String render(String file) {
      return file + ":" + at.span().start() + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message;
    }
  }

  /** The problems of one file, each at its line and column, in document order. */
  public static RuleFormatException of(String file, List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    problems.stream().sorted(java.util.Comparator.comparing((Problem p) -> p.at().span()))
        .forEach(p -> sb.append(sb.length() == 0 ? "" : "\n").append(p.render(file)));
    return new RuleFormatException(sb.toString());
  }

  /** One problem at a node. */
  public static RuleFormatException at(String file, YNode node, String field, String message) {
    return of(file, List.of(new Problem(node, field, message)));
  }
}
