package dev.podlint.checks;

import dev.podlint.model.EditDistance;
import dev.podlint.model.NearestNames;
import dev.podlint.model.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The objects of one kind in a run, indexed by name and by where they are, so that finding those of a
 * name, or those {@link Nearby#together together} with a location, costs about their number rather
 * than a pass over every object: by explicit namespace, by file and by directory (each file's
 * directory is normalised once). Also the "did you mean" among the names of the objects near a
 * location, computed once per wanted name and location (the names of a location prepared once). Built and used within one run of one rule
 * (not shared between threads).
 *
 * @param <T> the objects indexed
 */
final class NearbyIndex<T> {
  /** The place a set of nearby objects depends on: the explicit namespace (else null), file and directory. */
  private record Location(String namespace, String file, Path directory) {}

  /** Parts of the index merged for a place: equal when they are the same lists, in the same order. */
  private record Parts<T>(List<List<T>> lists) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Parts<?> p) || p.lists().size() != lists.size()) {
        return false;
      }
      for (int i = 0; i < lists.size(); i++) {
        if (p.lists().get(i) != lists.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (List<T> l : lists) {
        h = 31 * h + System.identityHashCode(l);
      }
      return h;
    }
  }

  /** In {@link #fileDirectory}: objects of a file in different directories, or in none. */
  private static final Path MIXED = Path.of("");

  private final Function<T, String> nameOf;
  private final Function<T, String> namespaceOf;
  private final Map<String, List<T>> byName = new HashMap<>();
  private final List<T> templated = new ArrayList<>();
  private final Map<String, List<T>> byNamespace = new HashMap<>();
  private final Map<String, List<T>> byFile = new HashMap<>();
  private final Map<Path, List<T>> byDirectory = new HashMap<>();
  private final Map<String, List<T>> implicitByFile = new HashMap<>();
  private final Map<Path, List<T>> implicitByDirectory = new HashMap<>();
  private final Map<SourceFile, Path> directories = new HashMap<>();
  /**
   * The directory of all the objects of a file (display name), or {@link #MIXED} when they differ:
   * then the file's objects are among its directory's, and a place needs no list of the file's own.
   */
  private final Map<String, Path> fileDirectory = new HashMap<>();
  private final Map<Location, List<T>> together = new HashMap<>();
  private final Map<List<T>, List<T>> views = new IdentityHashMap<>();
  private final Map<Parts<T>, List<T>> merged = new HashMap<>();
  private final Map<List<T>, NearestNames> nearestNames = new IdentityHashMap<>();
  private final Map<List<T>, Map<String, Optional<String>>> suggestions = new IdentityHashMap<>();

  /**
   * @param objects the objects, in file order
   * @param fileOf the file of an object
   * @param namespaceOf its namespace (null when it leaves it out)
   * @param nameOf its name (null when it has none), for {@link #closestName}
   */
  NearbyIndex(List<T> objects, Function<T, SourceFile> fileOf, Function<T, String> namespaceOf,
      Function<T, String> nameOf) {
    this.nameOf = nameOf;
    this.namespaceOf = namespaceOf;
    for (T o : objects) {
      SourceFile f = fileOf.apply(o);
      String ns = namespaceOf.apply(o);
      String name = nameOf.apply(o);
      add(byName, name, o);
      if (name != null && Templates.isUnrendered(name)) {
        templated.add(o);
      }
      Path dir = directory(f);
      fileDirectory.merge(f.displayName(), dir == null ? MIXED : dir, (a, b) -> a.equals(b) ? a : MIXED);
      add(byFile, f.displayName(), o);
      add(byDirectory, dir, o);
      if (Nearby.isExplicit(ns)) {
        add(byNamespace, ns, o);
      } else {
        add(implicitByFile, f.displayName(), o);
        add(implicitByDirectory, dir, o);
      }
    }
  }

  /** The first object (in file order) called {@code name} that may share {@code namespace}. */
  Optional<T> named(String name, String namespace) {
    return byName.getOrDefault(name, List.of()).stream()
        .filter(o -> Services.sameNamespace(namespaceOf.apply(o), namespace)).findFirst();
  }

  /** Whether an object named by template text may share {@code namespace} (it might be any name). */
  boolean templatedNameIn(String namespace) {
    return templated.stream().anyMatch(o -> Services.sameNamespace(namespaceOf.apply(o), namespace));
  }

  /**
   * The objects together with a location in {@code file} and {@code namespace} by
   * {@link Nearby#together}, each once, in no particular order; the same list for the same place.
   */
  List<T> together(SourceFile file, String namespace) {
    String ns = Nearby.isExplicit(namespace) ? namespace : null;
    return together.computeIfAbsent(new Location(ns, file.displayName(), directory(file)), this::find);
  }

  /**
   * The name closest to {@code wanted} among the objects together with the location, as
   * {@link EditDistance#closest} with at most a quarter of its length (at least one) edits.
   */
  Optional<String> closestName(SourceFile file, String namespace, String wanted) {
    List<T> near = together(file, namespace);
    NearestNames names = nearestNames.computeIfAbsent(near, k -> {
      List<String> all = new ArrayList<>();
      for (T o : k) {
        String n = nameOf.apply(o);
        if (n != null) {
          all.add(n);
        }
      }
      return new NearestNames(all);
    });
    return suggestions.computeIfAbsent(near, k -> new HashMap<>())
        .computeIfAbsent(wanted, w -> names.closest(w, Math.max(1, w.length() / 4)));
  }

  /**
   * Both explicit namespaces: together when they are equal; otherwise in the same file (display
   * name) or directory.
   */
  private List<T> find(Location at) {
    // a file's objects are among those of its directory when all are there: then the places of one
    // directory and namespace are one merged list, not one per file (each as long as the directory's)
    boolean inDirectory = at.directory() != null && at.directory().equals(fileDirectory.get(at.file()));
    List<T> ofFile = inDirectory ? List.of()
        : (at.namespace() != null ? implicitByFile : byFile).getOrDefault(at.file(), List.of());
    List<List<T>> parts = at.namespace() != null
        ? List.of(byNamespace.getOrDefault(at.namespace(), List.of()), ofFile,
            at.directory() == null ? List.of() : implicitByDirectory.getOrDefault(at.directory(), List.of()))
        : List.of(ofFile, at.directory() == null ? List.of() : byDirectory.getOrDefault(at.directory(), List.of()));
    List<List<T>> nonEmpty = parts.stream().filter(p -> !p.isEmpty()).toList();
    if (nonEmpty.size() <= 1) {
      // nothing to merge; one list for the same parts, so that places share suggestions
      return nonEmpty.isEmpty() ? List.of() : views.computeIfAbsent(nonEmpty.get(0), Collections::unmodifiableList);
    }
    return merged.computeIfAbsent(new Parts<>(nonEmpty), k -> {
      Set<T> out = Collections.newSetFromMap(new IdentityHashMap<>());
      k.lists().forEach(out::addAll);
      return List.copyOf(out);
    });
  }

  private Path directory(SourceFile f) {
    return directories.computeIfAbsent(f, k -> Nearby.directory(k));
  }

  private static <K, T> void add(Map<K, List<T>> index, K key, T o) {
    if (key != null) {
      index.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
  }
}
