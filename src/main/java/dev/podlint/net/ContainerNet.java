package dev.podlint.net;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PortDecl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one container listens on and connects to, with the evidence for each (see
 * {@link PodNet}). Listeners are in the order of the evidence kinds ({@link Evidence}), then as
 * written.
 */
public final class ContainerNet {
  private final ContainerView container;
  private final List<Listen> listens;
  private final List<Connect> connects;

  ContainerNet(ContainerView container, List<Listen> listens, List<Connect> connects) {
    this.container = container;
    List<Listen> sorted = new ArrayList<>(listens);
    sorted.sort(java.util.Comparator.comparing(Listen::evidence)); // stable: as written within a kind
    this.listens = List.copyOf(sorted);
    this.connects = List.copyOf(connects);
  }

  public ContainerView container() {
    return container;
  }

  /** Every listener, whatever the evidence. */
  public List<Listen> listens() {
    return listens;
  }

  /** The listeners whose evidence {@code which} accepts. */
  public List<Listen> listens(Predicate<Evidence> which) {
    return listens.stream().filter(l -> which.test(l.evidence())).toList();
  }

  /** The first listener on {@code port} whose evidence {@code which} accepts (the strongest kind first). */
  public Optional<Listen> listenOn(int port, Predicate<Evidence> which) {
    return listens.stream().filter(l -> l.port() == port && which.test(l.evidence())).findFirst();
  }

  /** The port numbers of the listeners whose evidence {@code which} accepts, in order. */
  public Set<Integer> ports(Predicate<Evidence> which) {
    Set<Integer> out = new LinkedHashSet<>();
    for (Listen l : listens) {
      if (which.test(l.evidence())) {
        out.add(l.port());
      }
    }
    return out;
  }

  /**
   * The container's {@code ports} entries as written (numbers, names, protocols, host ports), in
   * order: what the port declaration rules compare.
   */
  public List<PortDecl> declarations() {
    return container.ports();
  }

  /** The ports the container declares (its {@code ports} entries with a number). */
  public List<Listen> declared() {
    return listens(e -> e == Evidence.DECLARED);
  }

  /** Where the container connects to ports of its own pod, as written. */
  public List<Connect> connects() {
    return connects;
  }
}
