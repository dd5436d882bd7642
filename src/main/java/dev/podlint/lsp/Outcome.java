package dev.podlint.lsp;

import dev.podlint.engine.Finding;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/**
 * What one pass found in one open document, kept for hovers and code actions: the text it linted
 * (ranges refer to it), and each diagnostic with the finding it shows (null for an internal error).
 */
record Outcome(String uri, int version, String text, LineMap lines, boolean json, List<Shown> shown) {
  /** A diagnostic and the finding behind it. */
  record Shown(Diagnostic diagnostic, Finding finding) {}

  Outcome {
    shown = List.copyOf(shown);
  }

  List<Diagnostic> diagnostics() {
    return shown.stream().map(Shown::diagnostic).toList();
  }
}
