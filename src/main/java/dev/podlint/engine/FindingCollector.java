package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.model.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps everything a streaming run gives it: the batch form of a run (tests, editors,
 * small runs), which {@link #replay} hands on to another sink (a report) as the run gave it.
 */
public final class FindingCollector implements FindingSink {
  /** One call of the run: a file's part ({@code end} false), a whole file, or the rest ({@code file} null). */
  private record Call(SourceFile file, List<Finding> findings, InputProblem unreadable, boolean end) {}

  private final List<Call> calls = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  @Override
  public void part(SourceFile file, List<Finding> found) {
    keep(new Call(file, List.copyOf(found), null, false));
  }

  @Override
  public void file(SourceFile file, List<Finding> found, InputProblem unreadable) {
    keep(new Call(file, List.copyOf(found), unreadable, true));
  }

  @Override
  public void rest(List<Finding> found) {
    keep(new Call(null, List.copyOf(found), null, true));
  }

  private void keep(Call c) {
    calls.add(c);
    findings.addAll(c.findings);
  }

  /** Every finding so far, in the order the run gave them. */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** Gives {@code sink} every call kept, in order. */
  public void replay(FindingSink sink) {
    for (Call c : calls) {
      if (c.file == null) {
        sink.rest(c.findings);
      } else if (c.end) {
        sink.file(c.file, c.findings, c.unreadable);
      } else {
        sink.part(c.file, c.findings);
      }
    }
  }

  /** The run's result: what {@code run} tells with what was collected. */
  public LintResult result(LintRun run) {
    return new LintResult(run, this);
  }
}
