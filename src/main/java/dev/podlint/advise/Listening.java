package dev.podlint.advise;

import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.net.ContainerNet;
import dev.podlint.net.Evidence;
import dev.podlint.net.Listen;
import dev.podlint.net.PodNet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ports each container of a pod serves, as the pod design advice reads the networking model:
 * what the strongest evidence says. A declared port, a flag, a variable or a configuration file
 * wins over the default port of the image ({@code nginx} declaring 8080 serves 8080, not 80); the
 * default counts when nothing else says where the container listens. Probes and injected
 * sidecars are not the container's ports. The image default still answers a {@code localhost}
 * reference when no container serves the port by stronger evidence.
 */
final class Listening {
  private final PodView pod;
  private final Map<ContainerView, List<Listen>> served = new IdentityHashMap<>();
  private final Map<ContainerView, Set<Integer>> answers = new IdentityHashMap<>();

  private Listening(PodView pod, PodNet net) {
    this.pod = pod;
    for (ContainerView c : pod.containers()) {
      ContainerNet n = net.of(c);
      List<Listen> all = n.listens(Evidence::saysListening);
      List<Listen> strong = all.stream().filter(l -> l.evidence() != Evidence.IMAGE_DEFAULT).toList();
      served.put(c, strong.isEmpty() ? all : strong);
      answers.put(c, n.ports(Evidence::saysListening));
    }
  }

  static Listening of(PodView pod, PodNet net) {
    return new Listening(pod, net);
  }

  /** The ports {@code c} serves, by the strongest evidence, in the model's order. */
  Set<Integer> served(ContainerView c) {
    Set<Integer> out = new LinkedHashSet<>();
    served.getOrDefault(c, List.of()).forEach(l -> out.add(l.port()));
    return out;
  }

  /**
   * Whether {@code c} serves a main port: one that is declared, or named by a setting that is not
   * about metrics, health or administration ({@code --metrics-port} alone serves no main port).
   */
  boolean servesMainPort(ContainerView c) {
    return served.getOrDefault(c, List.of()).stream().anyMatch(Listen::primary);
  }

  /** Per container, the ports it serves. */
  Map<ContainerView, Set<Integer>> servedByContainer() {
    Map<ContainerView, Set<Integer>> out = new IdentityHashMap<>();
    pod.containers().forEach(c -> out.put(c, served(c)));
    return out;
  }

  /** The ports {@code c} serves with the evidence for each: {@code 8080 (declared)}, {@code 6379 (default of image redis:7.4)}. */
  String describe(ContainerView c) {
    Map<Integer, String> byPort = new LinkedHashMap<>();
    for (Listen l : served.getOrDefault(c, List.of())) {
      byPort.putIfAbsent(l.port(), l.port() + " (" + l.seen().source() + ")");
    }
    return String.join(", ", new ArrayList<>(byPort.values()));
  }

  /**
   * The container other than {@code from} that a reference to {@code port} reaches: one that serves
   * it, else one whose image listens there by default.
   */
  Optional<ContainerView> target(ContainerView from, int port) {
    for (ContainerView c : pod.containers()) {
      if (c != from && served(c).contains(port)) {
        return Optional.of(c);
      }
    }
    for (ContainerView c : pod.containers()) {
      if (c != from && answers.getOrDefault(c, Set.of()).contains(port)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code c} listens on {@code port} by any evidence but a probe's. */
  boolean answers(ContainerView c, int port) {
    return answers.getOrDefault(c, Set.of()).contains(port);
  }
}
