package dev.podlint.checks;

import dev.podlint.engine.Findings;
import dev.podlint.model.ContainerView;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings at settings that several containers may share: a pod-level {@code securityContext}
 * value is in effect for every container that does not set its own. Each node is reported once
 * per variant, naming every container it affects ({@code {containers}}) and the value as written
 * ({@code {value}}), in the order the settings were first met.
 */
final class SharedSettings {
  private record Pending(YScalar at, String variant, List<ContainerView> containers) {}

  private final List<Pending> order = new ArrayList<>();

  /** Records that {@code c} is affected by the setting {@code at}, reported in {@code variant} (null: the message). */
  void add(YScalar at, String variant, ContainerView c) {
    for (Pending p : order) {
      if (p.at() == at && java.util.Objects.equals(p.variant(), variant)) {
        p.containers().add(c);
        return;
      }
    }
    List<ContainerView> list = new ArrayList<>();
    list.add(c);
    order.add(new Pending(at, variant, list));
  }

  /** Records that every container of {@code list} is affected by {@code at}. */
  void addAll(YScalar at, String variant, List<ContainerView> list) {
    list.forEach(c -> add(at, variant, c));
  }

  /** Reports every recorded setting. */
  void report(Findings out) {
    report(out, java.util.Map.of());
  }

  /** Reports every recorded setting, with {@code extra} message arguments. */
  void report(Findings out, java.util.Map<String, ?> extra) {
    for (Pending p : order) {
      Findings.Builder b = out.at(p.at()).variant(p.variant())
          .arg("containers", SecurityContexts.containers(p.containers())).arg("value", p.at().value());
      extra.forEach(b::arg);
      b.report();
    }
  }
}
