package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;

/**
 * Something that sets a controller's replica count: a HorizontalPodAutoscaler, or a KEDA
 * {@code ScaledObject} (which creates one). Kept whole ({@link PackedNodes packed}): both are small.
 */
public final class Autoscaler {
  private final PackedObject object;
  private final String targetKind;
  private final String targetName;
  private final int targetAt;
  private final int kindAt;
  private final Long minReplicas;
  private final int minReplicasAt;
  private final Long maxReplicas;
  private final int specKey;

  Autoscaler(PackedObject object, String targetKind, String targetName, int targetAt, int kindAt, Long minReplicas,
      int minReplicasAt, Long maxReplicas, int specKey) {
    this.object = object;
    this.targetKind = targetKind;
    this.targetName = targetName;
    this.targetAt = targetAt;
    this.kindAt = kindAt;
    this.minReplicas = minReplicas;
    this.minReplicasAt = minReplicasAt;
    this.maxReplicas = maxReplicas;
    this.specKey = specKey;
  }

  /** The whole object, read back anew on each call. */
  public K8sObject object() {
    return object.object();
  }

  /** The object's namespace, without reading it back. */
  public String namespace() {
    return object.namespace();
  }

  /** {@code scaleTargetRef.kind} (KEDA's default: Deployment), or null. */
  public String targetKind() {
    return targetKind;
  }

  /** {@code scaleTargetRef.name}, or null. */
  public String targetName() {
    return targetName;
  }

  /** The node that names the target: the {@code name} value, else the {@code scaleTargetRef} key, else the {@code spec} key. */
  public YNode targetAt() {
    return object.nodes().get(targetAt);
  }

  /** The {@code scaleTargetRef.kind} value, or null. */
  public YScalar kindAt() {
    return (YScalar) object.nodes().get(kindAt);
  }

  /** {@code minReplicas} ({@code minReplicaCount} for KEDA), null when not set. */
  public Long minReplicas() {
    return minReplicas;
  }

  /** The node of {@link #minReplicas}, or null. */
  public YScalar minReplicasAt() {
    return (YScalar) object.nodes().get(minReplicasAt);
  }

  /** {@code maxReplicas} ({@code maxReplicaCount}), null when not set. */
  public Long maxReplicas() {
    return maxReplicas;
  }

  public YScalar specKey() {
    return (YScalar) object.nodes().get(specKey);
  }

  /** Whether this is a HorizontalPodAutoscaler (and not a KEDA ScaledObject). */
  public boolean isHpa() {
    return object.kind().equals("HorizontalPodAutoscaler");
  }
}
