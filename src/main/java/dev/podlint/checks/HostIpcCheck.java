package dev.podlint.checks;

/** host-ipc: the pod spec's {@code hostIPC} set to {@code true} (see {@link HostNamespace}). */
public final class HostIpcCheck extends HostNamespace {
  public HostIpcCheck() {
    super("hostIPC");
  }
}
