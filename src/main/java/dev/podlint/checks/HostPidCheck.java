package dev.podlint.checks;

/** host-pid: the pod spec's {@code hostPID} set to {@code true} (see {@link HostNamespace}). */
public final class HostPidCheck extends HostNamespace {
  public HostPidCheck() {
    super("hostPID");
  }
}
