package dev.podlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadKindsTest {
  private static final WorkloadKinds T = WorkloadKinds.BUILT_IN;

  @Test
  void aKindIsFoundByItsGroupAndKubernetesKindsTakeUnclaimedApiVersions() {
    assertEquals("Deployment", T.find("apps/v1", "Deployment").orElseThrow().name());
    assertEquals("Deployment", T.find("extensions/v1beta1", "Deployment").orElseThrow().name());
    assertEquals("Deployment", T.find("example.com/v1", "Deployment").orElseThrow().name(),
        "as podlint always read them: deprecated-api-version and unknown-kind speak about the apiVersion");
    assertEquals("Rollout", T.find("argoproj.io/v1alpha1", "Rollout").orElseThrow().name());
    assertTrue(T.find("example.com/v1", "Rollout").isEmpty(), "an operator's kind is its group's only");
    assertEquals("Service.serving.knative.dev", T.find("serving.knative.dev/v1", "Service").orElseThrow().name());
    assertTrue(T.find("v1", "Service").isEmpty(), "the core Service carries no pods");
    assertTrue(T.find(null, "ConfigMap").isEmpty());
  }

  @Test
  void aKindNameTakesItsOwnRowOnlyAndGroupsTakeTheirMembers() {
    WorkloadKind knative = T.find("serving.knative.dev/v1", "Service").orElseThrow();
    assertFalse(WorkloadKinds.takes(Set.of("Service"), "Service", knative), "Service is not Knative's Service");
    assertTrue(WorkloadKinds.takes(Set.of("Service"), "Service", null));
    assertTrue(WorkloadKinds.takes(Set.of("Service.serving.knative.dev"), "Service", knative));
    assertTrue(WorkloadKinds.takes(Set.of("workloads"), "Service", knative));
    assertFalse(WorkloadKinds.takes(Set.of("workloads"), "Service", null));
    WorkloadKind cronJob = T.find("batch/v1", "CronJob").orElseThrow();
    assertFalse(WorkloadKinds.takes(Set.of("longRunning", "selectors"), "CronJob", cronJob));
    assertTrue(WorkloadKinds.takes(Set.of("controllers"), "CronJob", cronJob));
    assertTrue(WorkloadKinds.takes(Set.of("*"), "Anything", null));
  }

  @Test
  void groupsHoldTheKindsTheRuleFilesListedBefore() {
    assertEquals(Set.of("Pod", "PodTemplate", "Deployment", "ReplicaSet", "ReplicationController", "StatefulSet",
        "DaemonSet"), kubernetesIn(KindGroup.LONG_RUNNING));
    assertEquals(Set.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Job"),
        kubernetesIn(KindGroup.SELECTORS));
    assertEquals(Set.of("Pod", "Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Job",
        "CronJob"), kubernetesIn(KindGroup.POD_RUNNERS));
    assertEquals(Set.of("Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet"),
        kubernetesIn(KindGroup.LONG_RUNNING_CONTROLLERS));
  }

  @Test
  void aDeclaredRowReplacesTheBuiltInRowOfItsKindAndGroup() {
    WorkloadKind declared = new WorkloadKind("Rollout", "Rollout", Set.of("argoproj.io"), false,
        List.of("spec", "pod"), false, WorkloadKind.Pods.CONTROLLED, WorkloadKind.Running.TO_COMPLETION,
        WorkloadKind.Selector.NONE, false, Set.of(), Set.of());
    WorkloadKinds with = T.with(List.of(declared));
    assertSame(declared, with.find("argoproj.io/v1alpha1", "Rollout").orElseThrow());
    assertEquals(T.all().size(), with.all().size());
    assertSame(T, T.with(List.of()));
  }

  @Test
  void useMakesATableTheThreadsOwnUntilItIsRestored() {
    WorkloadKinds declared = T.with(List.of(new WorkloadKind("CloneSet", "CloneSet", Set.of("apps.kruise.io"), false,
        List.of("spec", "template", "spec"), true, WorkloadKind.Pods.CONTROLLED, WorkloadKind.Running.ALWAYS,
        WorkloadKind.Selector.NONE, false, Set.of(), Set.of())));
    WorkloadKinds before = WorkloadKinds.use(declared);
    try {
      assertTrue(WorkloadKinds.current().find("apps.kruise.io/v1alpha1", "CloneSet").isPresent());
    } finally {
      WorkloadKinds.use(before);
    }
    assertTrue(WorkloadKinds.current().find("apps.kruise.io/v1alpha1", "CloneSet").isEmpty());
  }

  private static Set<String> kubernetesIn(KindGroup g) {
    return Set.copyOf(T.all().stream().filter(k -> k.kubernetes() && k.in(g)).map(WorkloadKind::name).toList());
  }
}
