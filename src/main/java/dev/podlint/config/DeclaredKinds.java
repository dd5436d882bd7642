package dev.podlint.config;

import dev.podlint.model.Position;
import dev.podlint.model.WorkloadKind;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import dev.podlint.schema.KubernetesSchemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The {@code workloadKinds} of a configuration file: kinds of custom resources whose objects carry
 * pods, each with its apiVersion, kind and the path of its pod template ({@code podTemplate}) or
 * pod spec ({@code podSpec}). The shape is the schema's to check; what it cannot say (a Kubernetes
 * group, both paths or neither, a path that is no path, a kind declared twice) is reported here at
 * its line and column.
 */
final class DeclaredKinds {
  /** Mapping keys separated by dots: {@code spec.template}. */
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private DeclaredKinds() {}

  /** The rows {@code node} declares; {@code problem} hears of every one it cannot take. */
  static List<WorkloadKind> read(YNode node, BiConsumer<Position, String> problem) {
    List<WorkloadKind> out = new ArrayList<>();
    if (!(node instanceof YSeq seq)) {
      return out; // the schema says what it should be
    }
    Set<String> seen = new HashSet<>();
    for (YNode item : seq.items()) {
      if (item instanceof YMap m) {
        kind(m, problem).ifPresent(k -> {
          String key = k.kind() + " " + k.groups();
          if (seen.add(key)) {
            out.add(k);
          } else {
            problem.accept(m.span().start(), m.path().describe() + ": " + k.kind() + " of "
                + k.groups().iterator().next() + " is declared twice");
          }
        });
      }
    }
    return out;
  }

  private static Optional<WorkloadKind> kind(YMap m, BiConsumer<Position, String> reported) {
    boolean[] wrong = {false};
    BiConsumer<Position, String> problem = (at, message) -> {
      wrong[0] = true;
      reported.accept(at, message);
    };
    YScalar apiVersion = m.scalar("apiVersion").filter(YScalar::isString).orElse(null);
    YScalar kind = m.scalar("kind").filter(YScalar::isString).orElse(null);
    YScalar template = m.scalar("podTemplate").filter(YScalar::isString).orElse(null);
    YScalar spec = m.scalar("podSpec").filter(YScalar::isString).orElse(null);
    if (apiVersion == null || kind == null) {
      return Optional.empty(); // reported by the schema
    }
    String group = WorkloadKinds.groupOf(apiVersion.value());
    if (!apiVersion.value().contains("/") || !group.contains(".") || group.endsWith(".k8s.io")) {
      report(problem, apiVersion, "\"" + apiVersion.value() + "\" is not the group/version of a "
          + "custom resource; the kinds of Kubernetes are built in");
    }
    if ((template == null) == (spec == null)) {
      YNode at = spec != null ? spec : template != null ? template : m;
      report(problem, at, "give either podTemplate (the path of a pod template: metadata and "
          + "spec) or podSpec (the path of a pod spec)" + (template == null ? "" : ", not both"));
    }
    YScalar path = template != null ? template : spec;
    if (path != null && !PATH.matcher(path.value()).matches()) {
      report(problem, path, "\"" + path.value() + "\" is not a path of mapping keys separated by "
          + "dots, such as spec.template (lists are not supported)");
    }
    if (wrong[0] || path == null) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>(Arrays.asList(path.value().split("\\.")));
    if (template != null) {
      keys.add("spec");
    }
    boolean toCompletion = m.string("runs").map("toCompletion"::equals).orElse(false);
    Set<String> kubernetes = KubernetesSchemas.forVersion(KubernetesSchemas.VERSIONS.get(
        KubernetesSchemas.VERSIONS.size() - 1)).kindNames();
    // a built-in kind of an operator may be declared: the declaration replaces its row (WorkloadKinds.with), so
    // that a kind built in later keeps the meaning a configuration gave it
    boolean clash = kubernetes.contains(kind.value())
        || WorkloadKinds.BUILT_IN.named(kind.value()).filter(k -> !k.groups().contains(group)).isPresent();
    String name = clash ? kind.value() + "." + group : kind.value();
    return Optional.of(new WorkloadKind(name, kind.value(), Set.of(group), false, keys, template != null,
        WorkloadKind.Pods.CONTROLLED, toCompletion ? WorkloadKind.Running.TO_COMPLETION : WorkloadKind.Running.ALWAYS,
        WorkloadKind.Selector.NONE, false, Set.of(), Set.of()));
  }

  private static void report(BiConsumer<Position, String> problem, YNode at, String message) {
    problem.accept(at.span().start(), at.path().describe() + ": " + message);
  }
}
