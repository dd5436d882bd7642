package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.K8sObject;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.Optional;

/**
 * cronjob-without-deadline: a CronJob without {@code spec.startingDeadlineSeconds} (reported at
 * its {@code spec} key), or with one below the CronJob controller's 10-second sync period, which
 * can make it skip runs (variant {@code tooShort}, at the value).
 */
public final class CronjobWithoutDeadlineCheck implements Check.ObjectCheck {
  /** The CronJob controller checks schedules about every 10 seconds; a shorter deadline can miss every run. */
  static final long MINIMUM_SECONDS = 10;

  @Override
  public void check(K8sObject object, Findings out) {
    Optional<YMap.Entry> spec = object.root().entry("spec").filter(e -> e.value() instanceof YMap);
    if (spec.isEmpty()) {
      return;
    }
    String name = object.name() == null ? "(unnamed)" : object.name();
    Optional<YScalar> deadline = ((YMap) spec.get().value()).scalar("startingDeadlineSeconds").filter(s -> !s.isNull());
    if (deadline.isEmpty()) {
      out.at(spec.get().key()).arg("cronjob", name).report();
      return;
    }
    Optional<Long> seconds = deadline.get().asLong();
    if (seconds.isPresent() && seconds.get() < MINIMUM_SECONDS) {
      out.at(deadline.get()).variant("tooShort").arg("cronjob", name).arg("seconds", seconds.get())
          .arg("minimum", MINIMUM_SECONDS).report();
    }
  }
}
