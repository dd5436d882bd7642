package dev.podlint.model;

import java.util.Optional;

/**
 * One Kubernetes object read from a document (or from an item of a {@code kind: List}).
 *
 * @param documentIndex 0-based index of the YAML document in its file
 * @param renderedFrom the Helm template the object was rendered from (the {@code # Source:} comment
 *     of its document in {@code helm template} output), or null
 */
public record K8sObject(String apiVersion, String kind, String name, String namespace, YMap root, SourceFile file,
    int documentIndex, SourceFile renderedFrom) {

  /** An object not rendered from a known template. */
  public K8sObject(
      String apiVersion, String kind, String name, String namespace, YMap root, SourceFile file, int documentIndex) {
    this(apiVersion, kind, name, namespace, root, file, documentIndex, null);
  }

  /** This object, rendered from {@code template}. */
  public K8sObject withRenderedFrom(SourceFile template) {
    return new K8sObject(apiVersion, kind, name, namespace, root, file, documentIndex, template);
  }

  /** {@code Kind/namespace/name}, with {@code -} for a missing part; used as logical location. */
  public String identity() {
    return kind + "/" + (namespace == null ? "-" : namespace) + "/" + (name == null ? "-" : name);
  }

  public Optional<YMap> metadata() {
    return root.map("metadata");
  }

  public Optional<YMap> annotations() {
    return root.mapAt("metadata", "annotations");
  }

  public Optional<String> annotation(String key) {
    return annotations().flatMap(a -> a.string(key));
  }
}
