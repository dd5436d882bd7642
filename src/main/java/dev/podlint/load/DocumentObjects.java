package dev.podlint.load;

import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kubernetes objects of a document: a mapping with at least two of {@code apiVersion},
 * {@code kind} and {@code metadata} is meant as one (the items of a {@code kind: List} each are);
 * one whose {@code apiVersion} or {@code kind} is unusable is a {@link TypeProblem} instead.
 */
final class DocumentObjects {
  private DocumentObjects() {}

  /** Adds the objects of the document {@code root} (number {@code doc} of {@code file}) to {@code out}. */
  static void add(YNode root, SourceFile file, int doc, List<K8sObject> out,
      List<TypeProblem> problems) {
    if (!(root instanceof YMap map)) {
      return;
    }
    if (Stream.of("apiVersion", "kind", "metadata").filter(k -> map.get(k).isPresent()).count() < 2) {
      // not meant as a Kubernetes object (values.yaml, docker-compose.yml, a Helm Chart.yaml with
      // only apiVersion): skipped quietly
      return;
    }
    TypeProblem problem = typeProblem(map);
    if (problem != null) {
      problems.add(problem);
      return;
    }
    String apiVersion = map.string("apiVersion").orElseThrow();
    String kind = map.string("kind").orElseThrow();
    if (kind.equals("List") || kind.endsWith("List") && map.seq("items").isPresent()) {
      for (YMap item : map.maps("items")) {
        add(item, file, doc, out, problems);
      }
      return;
    }
    Optional<YMap> meta = map.map("metadata");
    String name = meta.flatMap(m -> m.string("name")).orElse(null);
    String namespace = meta.flatMap(m -> m.string("namespace")).orElse(null);
    out.add(new K8sObject(apiVersion, kind, name, namespace, map, file, doc));
  }

  /**
   * What is wrong with the apiVersion and kind of a mapping that has at least one of them, or
   * null when both are non-empty strings. {@code kind} is judged first: it says what the object is.
   */
  private static TypeProblem typeProblem(YMap map) {
    Optional<YNode> kind = map.get("kind");
    Optional<YNode> apiVersion = map.get("apiVersion");
    TypeProblem p = fieldProblem(map, "kind", kind, "Deployment");
    if (p == null) {
      p = fieldProblem(map, "apiVersion", apiVersion, "apps/v1");
    }
    return p;
  }

  private static TypeProblem fieldProblem(YMap map, String field, Optional<YNode> value, String example) {
    Map<String, String> args = new java.util.HashMap<>();
    args.put("field", field);
    args.put("example", example);
    if (value.isEmpty() || value.get() instanceof YScalar s && s.isNull()) {
      // a key written in another case ("apiversion") is the likely cause: point at it
      Optional<YScalar> miscased = value.isPresent() ? Optional.empty() : map.entries().stream().map(YMap.Entry::key)
          .filter(k -> k.value().equalsIgnoreCase(field)).findFirst();
      args.put("hint", miscased.map(k -> "; the key is written '" + k.value() + "', and keys are case-sensitive")
          .orElse(""));
      YNode at = value.isPresent() ? value.get() : miscased.isPresent() ? miscased.get() : map;
      Span span = at == map ? Span.point(map.span().start().line(), map.span().start().column()) : at.span();
      if (field.equals("kind")) {
        return new TypeProblem(span, at.path(), null, args);
      }
      args.put("kind", map.string("kind").orElse("the object"));
      return new TypeProblem(span, at.path(), "noApiVersion", args);
    }
    YNode v = value.get();
    if (!(v instanceof YScalar s) || !s.isString()) {
      args.put("got", describe(v));
      return new TypeProblem(v.span(), v.path(), "notAString", args);
    }
    if (s.value().isBlank()) {
      return new TypeProblem(v.span(), v.path(), "empty", args);
    }
    return null;
  }

  /** A value for messages: {@code integer 5}, {@code a list}, {@code a mapping}. */
  private static String describe(YNode n) {
    if (n instanceof YScalar s) {
      String type = switch (s.type()) {
        case INT -> "integer";
        case FLOAT -> "number";
        case BOOL -> "boolean";
        case NULL -> "null";
        case STRING -> "string";
      };
      return type + " " + s.value();
    }
    return n instanceof YMap ? "a mapping" : "a list";
  }

}
