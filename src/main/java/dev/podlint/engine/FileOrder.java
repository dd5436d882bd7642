package dev.podlint.engine;

import dev.podlint.model.BoundedRegex;
import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The in-order half of a run for one file, fed its parts in file order: it suppresses what each
 * part's findings are covered by, judges suppressions once their scope is linted, and passes on,
 * in report order, every finding that nothing still to come can precede. A part's findings all
 * lie before the next part's first line; a finding made later (a comment's {@code unused-suppression})
 * lies at or after an open suppression, which holds the report back from its place. So only the
 * findings between the first open suppression and the parts not yet linted are held, with no
 * trees (their objects become handles), and a file of any size is reported in bounded memory
 * unless a suppression written at its top stays open to its end.
 */
final class FileOrder {
  /** A finding waiting for its turn; {@code numbered} when its fingerprint is final. */
  private record Held(Finding finding, long sequence, boolean numbered) {}

  private static final Comparator<Held> ORDER = (a, b) -> {
    int c = Finding.ORDER.compare(a.finding, b.finding);
    return c != 0 ? c : Long.compare(a.sequence, b.sequence);
  };

  private final Finisher run;
  private final SourceFile file;
  private final OpenSuppressions comments;
  /** The file's objects, when it comes in several parts (their identities decide where repeats are numbered). */
  private final FileObjects objects;
  private final List<Finding> fileFindings;
  private final PriorityQueue<Held> held = new PriorityQueue<>(ORDER);
  /** How often each fingerprint numbered in report order was given in this file. */
  private final Map<String, Integer> seen = new HashMap<>();
  /** The patterns that ran out of steps in the parts so far (BoundedRegex has identity equality). */
  private final Set<BoundedRegex> gaveUp = new HashSet<>();
  private boolean first = true;
  private long sequence;

  /**
   * @param objects the file's objects when it is linted in several parts, else null
   * @param fileFindings findings about the whole file (where reading stopped), given with the first part
   */
  FileOrder(Finisher run, SourceFile file, Suppressions.FileDirectives comments, FileObjects objects,
      List<Finding> fileFindings) {
    this.run = run;
    this.file = file;
    this.comments = new OpenSuppressions(comments, run.rules(), run::perFile);
    this.objects = objects;
    this.fileFindings = fileFindings;
  }

  /** The patterns that ran out of steps in the parts given so far. */
  Set<BoundedRegex> gaveUp() {
    return gaveUp;
  }

  /**
   * Takes the next part; {@code next} is the start of the line of the part after it, or null when
   * it is the last one. Passes on what can be reported.
   */
  void part(Part p, Position next) {
    run.add(p);
    gaveUp.addAll(p.gaveUp);
    List<Finding> in = p.findings;
    Suppressions.FileDirectives annotations = p.annotations != null ? p.annotations
        : new Suppressions.FileDirectives();
    List<Suppressions.FileDirectives> reported = List.of(annotations);
    if (first) {
      in = new ArrayList<>(fileFindings);
      in.addAll(p.findings);
      reported = List.of(annotations, comments.problems());
      first = false;
    }
    hold(run.suppress(in, List.of(comments.all(), annotations), reported));
    run.keepForTheEnd(annotations, true);
    judge(next == null ? Integer.MAX_VALUE : next.line(), next == null);
    if (next != null) {
      Position open = comments.firstOpen();
      List<Finding> out = release(open != null && open.compareTo(next) < 0 ? open : next);
      if (!out.isEmpty()) {
        run.sink().part(file, out);
      }
    }
  }

  /** The file is done: everything held goes out; {@code problem} says why it could not be read. */
  void end(dev.podlint.load.InputProblem problem) {
    if (first) {
      part(new Part(0, Set.of()), null);
    }
    judge(Integer.MAX_VALUE, true);
    run.keepForTheEnd(comments.all(), false);
    run.sink().file(file, release(null), problem);
  }

  /** Judges the comments' suppressions that can be judged once the lines before {@code line} are matched. */
  private void judge(int line, boolean everything) {
    Suppressions.FileDirectives judged = comments.judged(line, everything);
    if (!judged.directives.isEmpty()) {
      hold(run.suppress(List.of(), List.of(comments.all()), List.of(judged)));
    }
  }

  /**
   * Holds findings until their turn: sorted, without fixes that would copy a secret, the first of
   * once-per-run findings, and with their objects as handles. A repeat of a fingerprint can only
   * be of an object with the same identity, so the findings of an object whose identity no other
   * object of the file has are numbered now (all of them are in one part); the others in report order.
   */
  private void hold(List<Finding> found) {
    found.sort(Finding.ORDER);
    Map<String, Integer> local = new HashMap<>();
    Map<K8sObject, K8sObject> handles = new IdentityHashMap<>();
    for (Finding f : RedactedFixes.of(found)) {
      if (!run.firstOfRun(f)) {
        continue;
      }
      boolean numbered = objects != null && f.object() != null && !Fingerprints.acrossRun(f)
          && !objects.sharesIdentity(f.object());
      if (numbered) {
        f = Fingerprints.numbered(f, run.fingerprints().hash(f), local);
      }
      if (f.object() != null) {
        f = f.withObject(handles.computeIfAbsent(f.object(), Summaries::handle));
      }
      held.add(new Held(f, sequence++, numbered));
    }
  }

  /** The held findings before {@code bound} (null: all), numbered, in report order. */
  private List<Finding> release(Position bound) {
    List<Finding> out = new ArrayList<>();
    while (!held.isEmpty() && (bound == null || held.peek().finding.span().start().compareTo(bound) < 0)) {
      Held h = held.poll();
      Finding f = h.finding;
      if (!h.numbered) {
        f = Fingerprints.numbered(f, run.fingerprints().hash(f), Fingerprints.acrossRun(f) ? run.seenAcross() : seen);
      }
      out.add(HelmTemplates.withTemplate(f));
    }
    return out;
  }
}
