package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.Span;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cross-object rules about a workload's own pods need beyond labels and ports: a handle
 * to report on and the few nodes they point at (kept {@link PackedNodes packed}, read back when asked).
 */
public final class PodFacts {
  private final K8sObject object;
  private final PackedNodes nodes;
  private final int labelsKey;
  private final boolean hostNetwork;
  private final int serviceAccount;
  private final int regularContainers;
  private final String[] unhooked;
  /** Where the first key of each unhooked container is: one after the other ({@link PackedNodes#putAll}). */
  private final int unhookedAt;

  PodFacts(K8sObject object, PackedNodes nodes, int labelsKey, boolean hostNetwork, int serviceAccount,
      int regularContainers, String[] unhooked, int unhookedAt) {
    this.object = object;
    this.nodes = nodes;
    this.labelsKey = labelsKey;
    this.hostNetwork = hostNetwork;
    this.serviceAccount = serviceAccount;
    this.regularContainers = regularContainers;
    this.unhooked = unhooked;
    this.unhookedAt = unhookedAt;
  }

  /** A handle on the workload (identity, no tree), for findings and suppressions. */
  public K8sObject object() {
    return object;
  }

  /** The pod template's {@code labels} key, else the pod spec's key. */
  public YNode labelsKey() {
    return nodes.get(labelsKey);
  }

  /** Where {@link #labelsKey} is, without reading it back. */
  Span labelsSpan() {
    return nodes.span(labelsKey);
  }

  /** The pods use the node's network ({@code hostNetwork: true}). */
  public boolean hostNetwork() {
    return hostNetwork;
  }

  /**
   * The value of {@code serviceAccountName}, else of the deprecated {@code serviceAccount}; null
   * when neither is set (the pods use {@code default}).
   */
  public YScalar serviceAccount() {
    return (YScalar) nodes.get(serviceAccount);
  }

  /** How many regular containers the pods have. */
  public int regularContainers() {
    return regularContainers;
  }

  /** The regular containers that have no {@code lifecycle.preStop} hook. */
  public List<Inventory.Unhooked> withoutPreStop() {
    if (unhooked.length == 0) {
      return List.of();
    }
    List<YNode> at = nodes.getAll(unhookedAt, unhooked.length);
    List<Inventory.Unhooked> out = new ArrayList<>(unhooked.length);
    for (int i = 0; i < unhooked.length; i++) {
      out.add(new Inventory.Unhooked(unhooked[i], (YScalar) at.get(i)));
    }
    return out;
  }
}
