package dev.podlint.schema;

import dev.podlint.model.YPath;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * In which supported Kubernetes versions a field of an object exists, or is required, for the
 * words of a violation: {@code unknown field "x" in Kubernetes 1.31 (added in 1.33)},
 * {@code required field is missing in Kubernetes 1.32 (optional from 1.33)}. Asked only when a
 * field is unknown or missing, so the other versions' schemas are read only then.
 */
final class FieldHistory implements SchemaValidator.FieldNotes {
  private final String version;
  private final String apiVersion;
  private final String kind;

  /** Where a mapping of the validated tree is in an object of {@code apiVersion}/{@code kind}. */
  private final Function<YPath, List<Object>> inObject;

  /** The notes for an object of {@code apiVersion}/{@code kind} validated against {@code version}. */
  FieldHistory(String version, String apiVersion, String kind) {
    this(version, apiVersion, kind, YPath::segments);
  }

  /**
   * The notes for a part of an object validated against {@code version} as the part of an object
   * of {@code apiVersion}/{@code kind} that {@code inObject} says (a pod template of an operator's
   * kind as the {@code template} of a PodTemplate).
   */
  FieldHistory(String version, String apiVersion, String kind, Function<YPath, List<Object>> inObject) {
    this.version = version;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.inObject = inObject;
  }

  @Override
  public Optional<String> unknown(YPath object, String key) {
    List<String> having = where(object, m -> m.getJSONObject("properties").has(key));
    if (having.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> added = having.stream().filter(v -> KubernetesVersions.compare(v, version) > 0).findFirst();
    if (added.isPresent()) {
      String removed = KubernetesVersions.next(lastOfRun(having, added.get()));
      return Optional.of(in() + "(added in " + added.get() + (removed == null ? "" : ", removed in " + removed) + ")");
    }
    return Optional.of(in() + "(removed in " + KubernetesVersions.next(having.get(having.size() - 1)) + ")");
  }

  @Override
  public Optional<String> required(YPath object, String key) {
    List<String> requiring = where(object, m -> contains(m.optJSONArray("required"), key));
    List<String> knowing = where(object, m -> true);
    if (!requiring.contains(version)) {
      return Optional.empty();
    }
    String first = version;
    while (requiring.contains(previous(first))) {
      first = previous(first);
    }
    String until = KubernetesVersions.next(lastOfRun(requiring, version));
    String since = knowing.contains(previous(first)) ? first : null;
    if (until != null && !knowing.contains(until)) {
      until = null; // the object is gone there, not optional
    }
    if (since == null && until == null) {
      return Optional.empty();
    }
    return Optional.of(in() + "(" + (since == null ? "" : "required since " + since) + (since != null && until != null
        ? ", " : "") + (until == null ? "" : "optional from " + until) + ")");
  }

  private String in() {
    return "in Kubernetes " + version + " ";
  }

  /** The supported versions, oldest first, whose mapping at {@code object} passes {@code test}. */
  private List<String> where(YPath object, Predicate<JSONObject> test) {
    List<Object> path = inObject.apply(object);
    return KubernetesVersions.ALL.stream()
        .filter(v -> KubernetesSchemas.forVersion(v).mappingAt(apiVersion, kind, path).filter(test).isPresent())
        .toList();
  }

  /** The last version of the unbroken run of {@code versions} that starts at {@code first}. */
  private static String lastOfRun(List<String> versions, String first) {
    String last = first;
    while (versions.contains(KubernetesVersions.next(last))) {
      last = KubernetesVersions.next(last);
    }
    return last;
  }

  private static String previous(String v) {
    int i = KubernetesVersions.ALL.indexOf(v);
    return i <= 0 ? null : KubernetesVersions.ALL.get(i - 1);
  }

  private static boolean contains(JSONArray array, String key) {
    if (array != null) {
      for (Object o : array) {
        if (key.equals(o)) {
          return true;
        }
      }
    }
    return false;
  }
}
