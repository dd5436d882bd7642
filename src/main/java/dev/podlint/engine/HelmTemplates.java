package dev.podlint.engine;

import dev.podlint.model.SourceFile;
import java.util.List;

/** Where a finding's object came from when it was rendered from a Helm chart. */
final class HelmTemplates {
  private HelmTemplates() {}

  /**
   * Names the Helm template a finding's object was rendered from as a related location (no
   * region: the line in the template is not known).
   */
  static Finding withTemplate(Finding f) {
    SourceFile template = f.object() == null ? null : f.object().renderedFrom();
    return template == null ? f : f.withRelated(List.of(new Finding.Related(template, null,
        "rendered from the Helm template " + template.displayName())));
  }
}
