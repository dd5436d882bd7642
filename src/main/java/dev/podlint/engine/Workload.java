package dev.podlint.engine;

import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.net.PodNet;
import java.util.List;
import java.util.Map;

/**
 * The pods of one workload object.
 *
 * <p>{@code labels} are the labels the pods get: the template's, plus {@code job-name} and
 * {@code batch.kubernetes.io/job-name} that the Job controller adds to a Job's pods (unless the
 * Job sets {@code manualSelector}), in file order. {@code workloadKind} is the object's row of
 * {@link WorkloadKinds}.
 */
public final class Workload {
  private final WorkloadKind workloadKind;
  private final String kind;
  private final String name;
  private final String namespace;
  private final SourceFile file;
  private final Map<String, String> labels;
  private final List<Inventory.Port> ports;
  /** Sorted; null when a pattern of the knowledge ran out of steps, so that nothing is known. */
  private final long[] listened;
  private final PodFacts facts;

  Workload(WorkloadKind workloadKind, String kind, String name, String namespace, SourceFile file,
      Map<String, String> labels, List<Inventory.Port> ports, long[] listened, PodFacts facts) {
    this.workloadKind = workloadKind;
    this.kind = kind;
    this.name = name;
    this.namespace = namespace;
    this.file = file;
    this.labels = labels;
    this.ports = ports;
    this.listened = listened;
    this.facts = facts;
  }

  public WorkloadKind workloadKind() {
    return workloadKind;
  }

  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public SourceFile file() {
    return file;
  }

  /** Where the pod labels are (the {@code labels} key, else the pod spec's key), for related locations. */
  public Span labelsAt() {
    return facts.labelsSpan();
  }

  public Map<String, String> labels() {
    return labels;
  }

  public List<Inventory.Port> ports() {
    return ports;
  }

  /**
   * Whether the long-running containers may listen on {@code port} by some evidence of the
   * networking model ({@link PodNet}) besides declaring it: flags, variables, mounted
   * configuration, their images' defaults, their probes, injected sidecars. True also when a
   * pattern of the knowledge ran out of steps, so that nothing is known.
   */
  public boolean mayListenOn(long port) {
    return listened == null || java.util.Arrays.binarySearch(listened, port) >= 0;
  }

  /** What the rules about a workload's pods (network policies, service accounts, shutdown hooks) report on. */
  public PodFacts facts() {
    return facts;
  }

  public String identity() {
    return kind + "/" + (namespace == null ? "-" : namespace) + "/" + (name == null ? "-" : name);
  }

  /** Whether every selector entry is one of the pod labels. */
  public boolean matches(Map<String, String> selector) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
