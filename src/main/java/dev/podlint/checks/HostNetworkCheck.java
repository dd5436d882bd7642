package dev.podlint.checks;

/** host-network: the pod spec's {@code hostNetwork} set to {@code true} (see {@link HostNamespace}). */
public final class HostNetworkCheck extends HostNamespace {
  public HostNetworkCheck() {
    super("hostNetwork");
  }
}
