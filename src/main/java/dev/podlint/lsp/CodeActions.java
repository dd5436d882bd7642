package dev.podlint.lsp;

import dev.podlint.engine.Finding;
import dev.podlint.engine.Linter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The code actions of the findings at a place: the fix podlint proposes for a finding (the pod
 * split of {@code podlint advise}, for one), and suppressing the finding with a comment on its
 * line or in the whole file (YAML only: JSON has no comments).
 */
final class CodeActions {
  private CodeActions() {}

  /**
   * The actions for the diagnostics the editor names, or, when it names none of the last pass's,
   * for those whose range meets {@code range}.
   */
  static List<CodeAction> of(Outcome o, Range range, List<Diagnostic> named) {
    List<Outcome.Shown> chosen = o.shown().stream().filter(s -> s.finding() != null && isNamed(s.diagnostic(), named))
        .toList();
    if (chosen.isEmpty()) {
      chosen = o.shown().stream().filter(s -> s.finding() != null && meets(s.diagnostic().getRange(), range)).toList();
    }
    List<CodeAction> out = new ArrayList<>();
    Set<String> wholeFile = new HashSet<>();
    SuppressionComments.Reads before = chosen.isEmpty() || o.json() ? null : SuppressionComments.Reads.of(o.text());
    for (Outcome.Shown s : chosen) {
      Finding f = s.finding();
      if (f.fix() != null && f.fix().file().equals(f.file())) {
        List<TextEdit> edits = f.fix().edits().stream()
            .map(e -> new TextEdit(o.lines().range(e.deleted()), e.inserted())).toList();
        CodeAction a = action(f.fix().description(), s.diagnostic(), o.uri(), edits);
        a.setIsPreferred(true);
        out.add(a);
      }
      if (o.json()) {
        continue;
      }
      String name = f.rule().name();
      if (!name.equals(Linter.INVALID_YAML)) {
        SuppressionComments.line(o.text(), o.lines(), before, f.span().start().line(), name).ifPresent(e -> out.add(
            action("Suppress " + name + " here (# podlint:ignore)", s.diagnostic(), o.uri(), List.of(e))));
      }
      if (wholeFile.add(name)) {
        SuppressionComments.file(o.text(), o.lines(), before, name).ifPresent(e -> out.add(
            action("Suppress " + name + " in this file (# podlint:ignore-file)", s.diagnostic(), o.uri(), List.of(e))));
      }
    }
    return out;
  }

  private static CodeAction action(String title, Diagnostic d, String uri, List<TextEdit> edits) {
    CodeAction a = new CodeAction(title);
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(d));
    a.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
    return a;
  }

  /**
   * Whether the editor names this diagnostic: same code and message on the same line (some
   * editors send columns back in their own units, so the columns are not compared).
   */
  private static boolean isNamed(Diagnostic d, List<Diagnostic> named) {
    return named.stream().anyMatch(n -> n.getRange() != null
        && n.getRange().getStart().getLine() == d.getRange().getStart().getLine()
        && Objects.equals(n.getCode(), d.getCode()) && Objects.equals(n.getMessage(), d.getMessage()));
  }

  /** Whether two ranges share a character, or touch where one is empty. */
  static boolean meets(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(org.eclipse.lsp4j.Position x, org.eclipse.lsp4j.Position y) {
    return x.getLine() != y.getLine() ? Integer.compare(x.getLine(), y.getLine())
        : Integer.compare(x.getCharacter(), y.getCharacter());
  }
}
