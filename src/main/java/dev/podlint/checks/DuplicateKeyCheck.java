package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.DuplicateKeys;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.HashSet;
import java.util.Set;

/**
 * duplicate-key: a key given more than once in one mapping. The loader keeps duplicate keys, so
 * every mapping of the object is walked (iteratively, each node once: aliased content is shared).
 *
 * <p>Merge keys ({@code <<: *base}) are flattened by the loader: an explicit key overriding a
 * merged one is already gone, and the merged entries keep the spans of the anchored mapping. A
 * duplicate is therefore reported only when its later key was written inside the mapping itself,
 * and each key position once, so duplicates that came in through a merge are reported where they
 * were written.
 */
public final class DuplicateKeyCheck implements Check.ObjectCheck {
  @Override
  public void check(K8sObject object, Findings out) {
    Set<Span> reported = new HashSet<>();
    DuplicateKeys.forEach(object.root(), d -> {
      if (writtenIn(d.key(), d.map()) && reported.add(d.key().span())) {
        out.at(d.key())
            .arg("key", d.key().value())
            .arg("path", d.map().path().describe())
            .related(d.first())
            .report();
      }
    });
  }

  /** Whether the key was written in this mapping, rather than merged in from an anchored one. */
  private static boolean writtenIn(YScalar key, YMap m) {
    Span s = m.span();
    return key.span().start().compareTo(s.start()) >= 0 && key.span().start().compareTo(s.end()) < 0;
  }
}
