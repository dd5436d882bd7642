package dev.podlint.engine;

import dev.podlint.load.Document;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.ManifestText;
import dev.podlint.load.Reading;
import dev.podlint.model.K8sObject;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Reads the ConfigMaps of every input of a run before the run lints any file, so that a pod can
 * read a ConfigMap it mounts from another file (its nginx configuration, a {@code PORT} key). Only
 * files whose text mentions {@code ConfigMap} are parsed, and only each ConfigMap's name,
 * namespace and {@code data} are kept. A file that cannot be read or parsed is left to the run,
 * which reports it.
 */
final class RunConfigMapsReader {
  private RunConfigMapsReader() {}

  /**
   * The ConfigMaps of {@code files}; {@code bytes} gives a file's content (standard input read once
   * by the caller) or throws.
   */
  static RunConfigMaps read(List<SourceFile> files, Bytes bytes, ForkJoinPool pool) {
    List<ForkJoinTask<List<K8sObject>>> tasks = new ArrayList<>();
    for (SourceFile f : files) {
      tasks.add(pool.submit(() -> configMaps(f, bytes)));
    }
    List<K8sObject> all = new ArrayList<>();
    for (ForkJoinTask<List<K8sObject>> t : tasks) {
      all.addAll(t.join());
    }
    return RunConfigMaps.of(all);
  }

  /** A file's content. */
  @FunctionalInterface
  interface Bytes {
    byte[] of(SourceFile file) throws IOException;
  }

  private static List<K8sObject> configMaps(SourceFile f, Bytes bytes) {
    try {
      String text = ManifestLoader.decodeText(bytes.of(f));
      if (!text.contains("ConfigMap")) {
        return List.of();
      }
      List<K8sObject> out = new ArrayList<>();
      // one document at a time: only the ConfigMaps' data is kept, whatever the size of the file
      Reading reading = ManifestText.of(f, text).read();
      for (Document d = reading.next(); d != null; d = reading.next()) {
        for (K8sObject o : d.objects()) {
          if (o.kind().equals("ConfigMap") && o.name() != null) {
            out.add(slim(o));
          }
        }
      }
      return out;
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // the run reads the file again and reports what is wrong with it (too big for the heap
      // included: that is the file's own error there, and the other files are still linted)
      return List.of();
    }
  }

  /** {@code o} with its {@code data} and identity only. */
  private static K8sObject slim(K8sObject o) {
    List<YMap.Entry> kept = new ArrayList<>();
    for (YMap.Entry e : o.root().entries()) {
      String k = e.key().value();
      if (k.equals("apiVersion") || k.equals("kind") || k.equals("data")) {
        kept.add(e);
      }
    }
    return new K8sObject(o.apiVersion(), o.kind(), o.name(), o.namespace(),
        new YMap(kept, o.root().span(), o.root().path()), o.file(), o.documentIndex());
  }
}
