package dev.podlint.engine;

import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import java.util.AbstractList;
import java.util.List;

/**
 * An object the cross-object inventory keeps whole (a Service, a PodDisruptionBudget, an
 * autoscaler...): its identity as interned strings and its tree {@link PackedNodes packed}, read
 * back as a {@link K8sObject} equal to the one kept each time {@link #object} is called, so that a
 * run holds bytes, not nodes, of its thousands of Services.
 */
final class PackedObject {
  private final String apiVersion;
  private final String kind;
  private final String name;
  private final String namespace;
  private final SourceFile file;
  private final int documentIndex;
  private final SourceFile renderedFrom;
  private final PackedNodes nodes;
  private final int root;

  /** Packs {@code o} into {@code nodes}. */
  PackedObject(K8sObject o, PackedNodes nodes) {
    this.apiVersion = SharedValues.intern(o.apiVersion());
    this.kind = SharedValues.intern(o.kind());
    this.name = SharedValues.intern(o.name());
    this.namespace = SharedValues.intern(o.namespace());
    this.file = o.file();
    this.documentIndex = o.documentIndex();
    this.renderedFrom = o.renderedFrom();
    this.nodes = nodes;
    this.root = nodes.put(o.root());
  }

  /** The object, read back anew. */
  K8sObject object() {
    return new K8sObject(apiVersion, kind, name, namespace, (YMap) nodes.get(root), file, documentIndex, renderedFrom);
  }

  /**
   * A handle on the object: its identity, file and document, and an empty root with the root's
   * span and path (which suppressions match), as the inventory's handles have.
   */
  K8sObject handle() {
    return new K8sObject(apiVersion, kind, name, namespace, new YMap(List.of(), nodes.span(root), nodes.path(root)), file,
        documentIndex, renderedFrom);
  }

  String kind() {
    return kind;
  }

  String namespace() {
    return namespace;
  }

  /** Where the tree is, and the nodes of it that a summary points at. */
  PackedNodes nodes() {
    return nodes;
  }

  /** {@code packed} as objects, each read back when it is asked for (nothing is kept). */
  static List<K8sObject> objects(List<PackedObject> packed) {
    return view(packed, false);
  }

  /** {@code packed} as {@link #handle handles}, each made when it is asked for. */
  static List<K8sObject> handles(List<PackedObject> packed) {
    return view(packed, true);
  }

  private static List<K8sObject> view(List<PackedObject> packed, boolean handles) {
    return new AbstractList<>() {
      @Override
      public K8sObject get(int index) {
        return handles ? packed.get(index).handle() : packed.get(index).object();
      }

      @Override
      public int size() {
        return packed.size();
      }
    };
  }
}
