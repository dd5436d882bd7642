package dev.podlint.lsp;

import dev.podlint.Podlint;
import dev.podlint.engine.Finding;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleDocs;
import dev.podlint.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Turns findings into the protocol's diagnostics: the finding's exact range, its level, the rule
 * id as {@code code}, a link to the rule's documentation, and the related places (the other end of
 * a conflict) as related information.
 */
final class DiagnosticFactory {
  static final String SOURCE = "podlint";
  /** The {@code code} of a diagnostic that reports a bug of podlint's, not a finding. */
  static final String INTERNAL_ERROR = "internal-error";

  /**
   * Where a file's text is, for the ranges of related places in other documents; {@code lines} is
   * null for a file whose text is not at hand (columns are then taken as UTF-16 units).
   */
  record Place(String uri, LineMap lines) {}

  private DiagnosticFactory() {}

  /**
   * The diagnostic of {@code f} in the text of {@code lines}; {@code places} tells where the
   * files of related places are (empty for a file podlint knows no URI of).
   */
  static Diagnostic of(Finding f, LineMap lines, Function<SourceFile, Optional<Place>> places) {
    Diagnostic d = new Diagnostic(lines.range(f.span()), f.message(), severity(f.severity()), SOURCE,
        f.rule().id());
    RuleDocs.url(f.rule()).ifPresent(u -> d.setCodeDescription(new DiagnosticCodeDescription(u.toString())));
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Finding.Related r : f.related()) {
      Optional<Place> p = r.file() == null ? Optional.empty() : places.apply(r.file());
      if (p.isEmpty()) {
        continue;
      }
      Range at = r.span() == null ? new Range(new Position(0, 0), new Position(0, 0))
          : p.get().lines() != null ? p.get().lines().range(r.span())
          : new Range(new Position(r.span().start().line() - 1, r.span().start().column() - 1),
              new Position(r.span().end().line() - 1, r.span().end().column() - 1));
      related.add(new DiagnosticRelatedInformation(new Location(p.get().uri(), at), r.message()));
    }
    if (!related.isEmpty()) {
      d.setRelatedInformation(related);
    }
    return d;
  }

  /** A diagnostic at the top of a document for an internal error met while linting it. */
  static Diagnostic internalError(String error) {
    return new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
        "podlint internal error: " + error + " (the other rules still ran; please report this to " + Podlint.HOME + ")",
        DiagnosticSeverity.Error, SOURCE, INTERNAL_ERROR);
  }

  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case NOTE -> DiagnosticSeverity.Information;
    };
  }
}
