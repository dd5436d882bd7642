package dev.podlint.checks;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PortDecl;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Pairing logic shared by the port checks: "the later declaration, against the earlier one". The
 * declarations are those of the pod's networking model.
 */
final class Ports {
  private final PodNet net;

  Ports(PodNet net) {
    this.net = net;
  }

  /** The ports of {@code containers} in file order. */
  List<PortDecl> inFileOrder(List<ContainerView> containers) {
    List<PortDecl> out = new ArrayList<>();
    for (ContainerView c : containers) {
      out.addAll(net.of(c).declarations());
    }
    out.sort(Comparator.comparing(p -> p.node().span()));
    return out;
  }

  /**
   * Calls {@code report(earlier, later)} for each port of {@code c} whose key (null = ignore) was
   * already used by an earlier port of the same container.
   */
  void duplicatesWithin(ContainerView c, Function<PortDecl, String> keyOf, BiConsumer<PortDecl, PortDecl> report) {
    Map<String, PortDecl> first = new HashMap<>();
    for (PortDecl p : inFileOrder(List.of(c))) {
      String key = keyOf.apply(p);
      if (key == null) {
        continue;
      }
      PortDecl earlier = first.putIfAbsent(key, p);
      if (earlier != null) {
        report.accept(earlier, p);
      }
    }
  }

  /**
   * Calls {@code report(earlier, later)} once per container whose port key was first declared by
   * another container of {@code group}, against that first declaration. With {@code focus}, only
   * pairs that involve the focus container are reported (the others are reported elsewhere).
   */
  void conflictsAcross(
      List<ContainerView> group, ContainerView focus, Function<PortDecl, String> keyOf,
      BiConsumer<PortDecl, PortDecl> report) {
    Map<String, PortDecl> first = new HashMap<>();
    Map<String, Set<ContainerView>> done = new HashMap<>();
    for (PortDecl p : inFileOrder(group)) {
      String key = keyOf.apply(p);
      if (key == null) {
        continue;
      }
      PortDecl earlier = first.putIfAbsent(key, p);
      if (earlier == null || earlier.container() == p.container()) {
        continue;
      }
      Set<ContainerView> reported = done.computeIfAbsent(key, k -> Collections.newSetFromMap(new IdentityHashMap<>()));
      if (!reported.add(p.container())) {
        continue; // this container's clash on this key is already reported
      }
      if (focus == null || earlier.container() == focus || p.container() == focus) {
        report.accept(earlier, p);
      }
    }
  }
}
