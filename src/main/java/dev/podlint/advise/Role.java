package dev.podlint.advise;

/**
 * What a container is in its pod, from evidence (see {@link Roles}). Services, data services and
 * workers can run on their own; the other roles exist for the container they serve.
 */
public enum Role {
  /** Serves a port of its own (declared, named by its command line, env or configuration, or its image's default). */
  SERVICE("service"),
  /** A service that keeps data: a well-known database, cache, queue or search engine, or one that mounts a claim. */
  DATA_SERVICE("data service"),
  /** Serves no port and works on its own: a queue worker, a scheduler. */
  WORKER("worker"),
  /** Stands between a container and the network: a reverse proxy in front of it, or its ambassador. */
  PROXY("proxy"),
  /** Reads a container and presents what it reads: a metrics exporter, a monitoring agent. */
  ADAPTER("adapter"),
  /** Extends its main container (a log shipper, a reloader), or serves no port and is no worker. */
  SIDECAR("sidecar"),
  /** An init container: runs to completion before the others start. */
  INIT("init container"),
  /** An init container with {@code restartPolicy: Always}: starts before the others and runs beside them. */
  NATIVE_SIDECAR("native sidecar");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** {@code a service}, {@code an init container}, {@code an adapter}. */
  public String withArticle() {
    return Role.article(label);
  }

  /** {@code a} or {@code an} before {@code noun}, by its first letter. */
  static String article(String noun) {
    return (!noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** Whether a container of this role can run as a workload of its own. */
  public boolean standalone() {
    return this == SERVICE || this == DATA_SERVICE || this == WORKER;
  }

  /** Whether a container of this role serves ports to others (a service or a data service). */
  public boolean serves() {
    return this == SERVICE || this == DATA_SERVICE;
  }
}
