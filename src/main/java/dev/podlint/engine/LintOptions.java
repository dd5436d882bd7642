package dev.podlint.engine;

import dev.podlint.model.WorkloadKinds;
import java.util.List;

/**
 * Settings of one run that rules may depend on.
 *
 * @param kubernetesVersion the Kubernetes minor version manifests are checked against, e.g. "1.36"
 * @param strictKinds whether objects of kinds podlint has no schema for are errors rather than notes
 * @param exemptions configured exemptions (from {@code .podlint.yaml})
 * @param fingerprintRoot the directory file paths in fingerprints are relative to (the SARIF
 *     {@code %SRCROOT%}), so that a finding keeps its fingerprint however its file was named on the
 *     command line; null uses the names as given
 * @param workloadKinds the kinds that carry pods: the built-in ones and those the configuration declares
 */
public record LintOptions(String kubernetesVersion, boolean strictKinds, java.util.List<Exemption> exemptions,
    java.nio.file.Path fingerprintRoot, WorkloadKinds workloadKinds) {
  /** The Kubernetes versions podlint carries API schemas for, oldest first. */
  public static final List<String> KUBERNETES_VERSIONS = dev.podlint.schema.KubernetesSchemas.VERSIONS;

  public static final LintOptions DEFAULT = new LintOptions(KUBERNETES_VERSIONS.get(KUBERNETES_VERSIONS.size() - 1),
      false);

  /** Options without exemptions. */
  public LintOptions(String kubernetesVersion, boolean strictKinds) {
    this(kubernetesVersion, strictKinds, java.util.List.of());
  }

  /** Options whose fingerprints use file names as given. */
  public LintOptions(String kubernetesVersion, boolean strictKinds, java.util.List<Exemption> exemptions) {
    this(kubernetesVersion, strictKinds, exemptions, null);
  }

  /** Options with the built-in workload kinds. */
  public LintOptions(String kubernetesVersion, boolean strictKinds, java.util.List<Exemption> exemptions,
      java.nio.file.Path fingerprintRoot) {
    this(kubernetesVersion, strictKinds, exemptions, fingerprintRoot, WorkloadKinds.BUILT_IN);
  }

  /** These options with fingerprints relative to {@code root}. */
  public LintOptions withFingerprintRoot(java.nio.file.Path root) {
    return new LintOptions(kubernetesVersion, strictKinds, exemptions, root, workloadKinds);
  }

  /** These options with the workload kinds of {@code kinds}. */
  public LintOptions withWorkloadKinds(WorkloadKinds kinds) {
    return new LintOptions(kubernetesVersion, strictKinds, exemptions, fingerprintRoot, kinds);
  }

  public LintOptions {
    exemptions = java.util.List.copyOf(exemptions);
    java.util.Objects.requireNonNull(workloadKinds, "workloadKinds");
    if (!KUBERNETES_VERSIONS.contains(kubernetesVersion)) {
      throw new IllegalArgumentException("Kubernetes " + kubernetesVersion + " is not supported; choose one of "
          + String.join(", ", KUBERNETES_VERSIONS));
    }
  }
}
