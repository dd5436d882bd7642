package dev.podlint.load;

import dev.podlint.model.Span;
import dev.podlint.model.YPath;
import java.util.Map;

/**
 * A document meant as a Kubernetes object (it has {@code apiVersion} or {@code kind}) whose
 * {@code apiVersion} or {@code kind} is missing, empty or not a string; it yields no object.
 *
 * @param span where to report: the unusable value, else the document's first key
 * @param path the field of the unusable value, or the document root
 * @param variant the message variant of {@code missing-api-version-or-kind} (null: the main message)
 * @param args the message's arguments
 */
public record TypeProblem(Span span, YPath path, String variant, Map<String, String> args) {
  public TypeProblem {
    args = Map.copyOf(args);
  }
}
