package dev.podlint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A container of a pod with its role. {@link #index} is its position in its own list
 * ({@code containers} or {@code initContainers}).
 */
public final class ContainerView {
  private final YMap node;
  private final ContainerRole role;
  private final int index;
  private final List<PortDecl> ports;

  public ContainerView(YMap node, ContainerRole role, int index) {
    this.node = node;
    this.role = role;
    this.index = index;
    List<PortDecl> list = new ArrayList<>();
    for (YMap p : node.maps("ports")) {
      list.add(PortDecl.of(this, p));
    }
    this.ports = Collections.unmodifiableList(list);
  }

  public YMap node() {
    return node;
  }

  public ContainerRole role() {
    return role;
  }

  public int index() {
    return index;
  }

  /** The container's name, or {@code #N} of its list when it has none. */
  public String name() {
    return node.string("name").orElse((role == ContainerRole.REGULAR ? "containers" : "initContainers") + "[" + index + "]");
  }

  public Optional<String> image() {
    return node.string("image");
  }

  public List<PortDecl> ports() {
    return ports;
  }

  /** Runs for the pod's whole life: a regular container or a native sidecar. */
  public boolean isLongRunning() {
    return role != ContainerRole.INIT;
  }

  public Optional<YMap> resources() {
    return node.map("resources");
  }

  /** The container's {@code securityContext}, when it is a mapping. */
  public Optional<YMap> securityContext() {
    return node.map("securityContext");
  }

  public Optional<YMap> probe(String probeKey) {
    return node.map(probeKey);
  }

  /**
   * Calls {@code word(key, value)} for each non-null scalar of {@code command}, then of
   * {@code args}: the words the container runs, with the key they are written under.
   */
  public void commandAndArgs(BiConsumer<String, YScalar> word) {
    for (String key : List.of("command", "args")) {
      node.seq(key).ifPresent(seq -> seq.items().forEach(n -> {
        if (n instanceof YScalar s && !s.isNull()) {
          word.accept(key, s);
        }
      }));
    }
  }

  @Override
  public String toString() {
    return role.label() + " '" + name() + "'";
  }
}
