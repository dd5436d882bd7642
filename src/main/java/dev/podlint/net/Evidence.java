package dev.podlint.net;

/** Where a fact about a port comes from, and how much it says. */
public enum Evidence {
  /** An entry of the container's {@code ports}. */
  DECLARED(Confidence.HIGH),
  /** A flag or address in {@code command} or {@code args} (a shell script's included). */
  ARGUMENT(Confidence.HIGH),
  /** An environment variable: a {@code PORT}-like name, or a URL naming {@code localhost}. */
  ENVIRONMENT(Confidence.MEDIUM),
  /** A configuration file the container mounts from a ConfigMap (nginx, redis, HAProxy, Envoy, key = value). */
  CONFIG_FILE(Confidence.HIGH),
  /** The default port of a well-known image, when nothing in the manifest says where it listens. */
  IMAGE_DEFAULT(Confidence.MEDIUM),
  /** A probe of the container targets the port: its author expects something to listen there. */
  PROBE(Confidence.LOW),
  /** A sidecar that an admission webhook injects (a service mesh proxy) serves the port. */
  INJECTED(Confidence.LOW);

  private final Confidence confidence;

  Evidence(Confidence confidence) {
    this.confidence = confidence;
  }

  public Confidence confidence() {
    return confidence;
  }

  /**
   * Whether the evidence says the container itself listens, beyond somebody expecting it: every
   * kind except a probe's target (which is what {@code probe-port-undeclared} judges) and an
   * injected sidecar's port.
   */
  public boolean saysListening() {
    return this != PROBE && this != INJECTED;
  }
}
