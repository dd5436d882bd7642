package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.net.Connect;

/**
 * Something one container of a pod does with another (see {@link Links}).
 *
 * @param from the container that mounts, probes or reaches
 * @param to the other one
 * @param clause what was seen, for messages: {@code 'app' and 'shipper' share volume 'logs'}
 * @param connect the {@code localhost} reference it was read from, or null (a volume, a probe)
 */
public record Link(ContainerView from, ContainerView to, Kind kind, String clause, Connect connect) {
  /** What the link is, from what binds most to what binds least. */
  public enum Kind {
    /** Both mount one data volume (the same files) and one of them may write it: a socket or a file handed over. */
    VOLUME,
    /** A probe of {@code from} checks a port of {@code to}: {@code from}'s health is {@code to}'s. */
    PROBE,
    /** {@code from} passes requests to a FastCGI (or uwsgi, SCGI) server: {@code fastcgi_pass 127.0.0.1:9000}. */
    FASTCGI,
    /** {@code from} forwards all its traffic to {@code to}: a reverse proxy in front of it ({@code location /}, {@code --upstream}). */
    FORWARD,
    /** {@code from} names {@code to} as its own proxy ({@code HTTP_PROXY=http://localhost:3128}): an ambassador. */
    USES_PROXY,
    /** {@code from} reads a status or metrics page of {@code to} ({@code --scrape-uri}, {@code /stub_status}). */
    READS,
    /** {@code from} forwards part of its traffic to {@code to} ({@code location /api/}) and serves the rest itself. */
    ROUTE,
    /** {@code from} calls {@code to} as any client would, which a Service does as well. */
    CALLS;

    /** Whether the link ties the two whatever their roles: shared files, a probe across, FastCGI. */
    public boolean bindsAlways() {
      return this == VOLUME || this == PROBE || this == FASTCGI;
    }
  }

  /** Whether the link joins {@code a} and {@code b}, either way. */
  public boolean joins(ContainerView a, ContainerView b) {
    return from == a && to == b || from == b && to == a;
  }
}
