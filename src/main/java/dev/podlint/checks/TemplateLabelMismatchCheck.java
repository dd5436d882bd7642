package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.List;
import java.util.Optional;

/**
 * template-label-mismatch: a label of {@code labels} (by default the release and application
 * labels) that a workload and its pod template both set, to different values; reported at the
 * template's value with the workload's as related location. A label only one side sets, template
 * text and Pods (their labels are the object's) are left alone.
 */
public final class TemplateLabelMismatchCheck implements Check.PodCheck {
  private final List<String> labels;

  /** The rule's parameters: the label keys, stripped; blank ones are ignored. */
  public record Params(List<String> labels) {
    public Params {
      labels = labels.stream().filter(l -> !l.isBlank()).map(String::strip).toList();
    }
  }

  public TemplateLabelMismatchCheck(Params params) {
    this.labels = params.labels();
  }

  @Override
  public void check(PodView pod, Findings out) {
    if (pod.template() == pod.object().root()) {
      return; // a Pod: its labels are the object's own
    }
    Optional<YMap> own = pod.object().root().mapAt("metadata", "labels");
    Optional<YMap> template = pod.labels();
    if (own.isEmpty() || template.isEmpty()) {
      return;
    }
    for (String label : labels) {
      Optional<YScalar> a = own.get().scalar(label).filter(s -> !s.isNull());
      Optional<YScalar> b = template.get().scalar(label).filter(s -> !s.isNull());
      if (a.isEmpty() || b.isEmpty() || a.get().value().equals(b.get().value())
          || Templates.isUnrendered(a.get().value()) || Templates.isUnrendered(b.get().value())) {
        continue;
      }
      out.at(b.get()).arg("label", label).arg("kind", pod.object().kind())
          .arg("name", pod.object().name() == null ? "(unnamed)" : pod.object().name())
          .arg("own", a.get().value()).arg("pods", b.get().value()).related(a.get()).report();
    }
  }
}
