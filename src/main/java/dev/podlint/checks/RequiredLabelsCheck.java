package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * required-labels: an object that lacks some of the {@code labels} the configuration requires (a
 * label with an empty or null value counts as missing). One finding per object, naming every
 * missing label, at its {@code metadata.labels} key, else its {@code metadata} key, else its
 * {@code kind} key.
 */
public final class RequiredLabelsCheck implements Check.ObjectCheck {
  private final List<String> labels;

  /** The rule's parameters: the label keys, stripped; blank ones are ignored. */
  public record Params(List<String> labels) {
    public Params {
      labels = labels.stream().filter(l -> !l.isBlank()).map(String::strip).toList();
    }
  }

  public RequiredLabelsCheck(Params params) {
    this.labels = params.labels();
  }

  @Override
  public void check(K8sObject object, Findings out) {
    if (labels.isEmpty()) {
      return;
    }
    Optional<YMap> metadata = object.root().map("metadata");
    Optional<YMap> present = metadata.flatMap(m -> m.map("labels"));
    List<String> missing = new ArrayList<>();
    for (String label : labels) {
      if (present.flatMap(l -> l.string(label)).filter(v -> !v.isEmpty()).isEmpty()) {
        missing.add(label);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    YNode at = metadata.flatMap(m -> m.keyNode("labels")).<YNode>map(k -> k)
        .or(() -> object.root().keyNode("metadata")).or(() -> object.root().keyNode("kind")).orElse(object.root());
    out.at(at).variant(missing.size() == 1 ? null : "several").arg("kind", object.kind())
        .arg("name", object.name() == null ? "(unnamed)" : object.name())
        .arg("labels", String.join(", ", missing)).report();
  }
}
