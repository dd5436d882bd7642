package dev.podlint.net;

import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration files a container mounts from ConfigMaps: the keys of each {@code configMap}
 * volume (and {@code projected} ConfigMap source) it mounts, narrowed by the volume's
 * {@code items} and the mount's {@code subPath}. The ConfigMap may be in the pod's file or in any
 * other file of the run.
 */
final class MountedFiles {
  private MountedFiles() {}

  /** One file: a key of a ConfigMap, with its text, and the name of the volume mount that brings it in. */
  record File(K8sObject configMap, String key, YScalar text, YScalar mount) {}

  static List<File> of(PodView pod, ContainerView c) {
    Map<YScalar, File> out = new IdentityHashMap<>(); // one file mounted twice is read once
    List<File> files = new ArrayList<>();
    for (YMap mount : c.node().maps("volumeMounts")) {
      Optional<YScalar> mountName = mount.scalar("name").filter(YScalar::isString);
      Optional<String> volume = mountName.map(YScalar::value);
      Optional<String> subPath = mount.string("subPath");
      if (volume.isEmpty()) {
        continue;
      }
      for (YMap v : pod.spec().maps("volumes")) {
        if (!v.string("name").filter(volume.get()::equals).isPresent()) {
          continue;
        }
        List<YMap> sources = new ArrayList<>();
        v.mapAt("configMap").ifPresent(sources::add);
        for (YMap src : v.mapAt("projected").map(p -> p.maps("sources")).orElse(List.of())) {
          src.mapAt("configMap").ifPresent(sources::add);
        }
        for (YMap source : sources) {
          add(pod, source, subPath.orElse(null), mountName.get(), out, files);
        }
      }
    }
    return List.copyOf(files);
  }

  private static void add(PodView pod, YMap source, String subPath, YScalar mount, Map<YScalar, File> out,
      List<File> files) {
    Optional<String> name = source.string("name");
    Optional<K8sObject> cm = name.flatMap(pod::configMap);
    Optional<YMap> data = cm.flatMap(o -> o.root().map("data"));
    if (data.isEmpty()) {
      return;
    }
    List<YMap> items = source.maps("items");
    for (YMap.Entry e : data.get().effectiveEntries()) {
      if (!(e.value() instanceof YScalar text) || text.isNull()) {
        continue;
      }
      String key = e.key().value();
      String path = key;
      if (!items.isEmpty()) {
        Optional<YMap> item = items.stream().filter(i -> i.string("key").filter(key::equals).isPresent()).findFirst();
        if (item.isEmpty()) {
          continue; // items project only the keys they list
        }
        path = item.get().string("path").orElse(key);
      }
      if (subPath != null && !subPath.isEmpty() && !stripSlashes(subPath).equals(stripSlashes(path))) {
        continue;
      }
      File f = new File(cm.get(), key, text, mount);
      if (out.putIfAbsent(text, f) == null) {
        files.add(f);
      }
    }
  }

  private static String stripSlashes(String p) {
    String s = p;
    while (s.startsWith("./") || s.startsWith("/")) {
      s = s.substring(s.startsWith("./") ? 2 : 1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
