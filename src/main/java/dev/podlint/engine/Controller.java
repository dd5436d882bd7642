package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.Map;

/**
 * A controller of a {@link Inventory#isScalable scalable kind}: the few nodes and facts the replica,
 * autoscaler and disruption-budget rules need, not its tree (the nodes are kept
 * {@link PackedNodes packed} and read back when asked).
 */
public final class Controller {
  private final K8sObject object;
  private final PackedNodes nodes;
  private final int nameAt;
  private final int specKey;
  private final int replicasKey;
  private final int replicasValue;
  private final Long replicas;
  private final int labelsAt;
  private final Map<String, String> podLabels;
  private final boolean recreate;
  private final boolean sharedClaim;
  private final int serviceNameAt;

  Controller(K8sObject object, PackedNodes nodes, int nameAt, int specKey, int replicasKey, int replicasValue,
      Long replicas, int labelsAt, Map<String, String> podLabels, boolean recreate, boolean sharedClaim,
      int serviceNameAt) {
    this.object = object;
    this.nodes = nodes;
    this.nameAt = nameAt;
    this.specKey = specKey;
    this.replicasKey = replicasKey;
    this.replicasValue = replicasValue;
    this.replicas = replicas;
    this.labelsAt = labelsAt;
    this.podLabels = podLabels;
    this.recreate = recreate;
    this.sharedClaim = sharedClaim;
    this.serviceNameAt = serviceNameAt;
  }

  /** A handle on the object for reporting and suppressions: its identity, without its tree. */
  public K8sObject object() {
    return object;
  }

  /** The {@code metadata.name} value, or null. */
  public YScalar nameAt() {
    return (YScalar) nodes.get(nameAt);
  }

  /** The object's {@code spec} key, where something missing from the spec is reported. */
  public YScalar specKey() {
    return (YScalar) nodes.get(specKey);
  }

  /** The {@code spec.replicas} key, or null when the spec does not set it. */
  public YScalar replicasKey() {
    return (YScalar) nodes.get(replicasKey);
  }

  /** The {@code spec.replicas} value node, or null. */
  public YScalar replicasValue() {
    return (YScalar) nodes.get(replicasValue);
  }

  /** The value of {@code spec.replicas}; null when absent, null or not an integer. */
  public Long replicas() {
    return replicas;
  }

  /**
   * The pod template's {@code labels} key (else its {@code metadata} key, else {@code template},
   * else {@code spec}): what a PodDisruptionBudget must select.
   */
  public YNode labelsAt() {
    return nodes.get(labelsAt);
  }

  /** The pod template's labels, in file order. */
  public Map<String, String> podLabels() {
    return podLabels;
  }

  /**
   * A Deployment with {@code strategy.type: Recreate}: old and new pods never run together,
   * often because only one may run at a time.
   */
  public boolean recreate() {
    return recreate;
  }

  /** The pods mount a PersistentVolumeClaim by name, so every replica shares one claim. */
  public boolean sharedClaim() {
    return sharedClaim;
  }

  /** A StatefulSet's {@code spec.serviceName} value, or null. */
  public YScalar serviceNameAt() {
    return (YScalar) nodes.get(serviceNameAt);
  }

  public String kind() {
    return object.kind();
  }

  /** Where the controller is named: its {@code metadata.name} value, else its {@code spec} key. */
  public YNode namedAt() {
    return nodes.get(nameAt != PackedNodes.NONE ? nameAt : specKey);
  }

  public String name() {
    return object.name();
  }

  public String namespace() {
    return object.namespace();
  }
}
