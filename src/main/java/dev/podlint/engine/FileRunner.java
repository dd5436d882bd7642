package dev.podlint.engine;

import dev.podlint.load.Document;
import dev.podlint.load.Extent;
import dev.podlint.load.InputProblem;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.ManifestText;
import dev.podlint.load.Reading;
import dev.podlint.load.SyntaxError;
import dev.podlint.load.Survey;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The per-file runner of a run, on worker threads: reads a file and prepares it ({@link FileWork}),
 * a small file linted in one go, a large one surveyed and cut into parts, and lints the parts of a
 * large file. What goes wrong with one file (it cannot be read, a check fails, memory runs out) is
 * that file's problem or internal error; the other files are still linted.
 */
final class FileRunner {
  /**
   * Files whose text is longer (in chars) are linted in parts; smaller ones in one go, their trees
   * kept meanwhile. The system property {@code podlint.parts.above}, read when a runner is made,
   * sets another bound (tests lint every file in parts with 0).
   */
  static final int PARTS_ABOVE = 128 * 1024;
  /**
   * The text a part holds at most, unless one document is longer; the system property
   * {@code podlint.parts.size} sets another size.
   */
  static final int PART_SIZE = 16 * 1024;

  private final RuleCatalog catalog;
  private final CheckRunner checks;
  private final Fingerprints fingerprints;
  /** The invalid-yaml rule, or null when it does not run. */
  private final RuleDefinition invalidYaml;
  /**
   * Whether a file read in one go may be checked in groups of its documents: not when an
   * exemption has a name pattern, which gets a step budget per part (docs/design.md).
   */
  private final boolean groups;
  private final int partsAbove = Integer.getInteger("podlint.parts.above", PARTS_ABOVE);
  private final int partSize = Math.max(1, Integer.getInteger("podlint.parts.size", PART_SIZE));

  FileRunner(RuleCatalog catalog, CheckRunner checks, Fingerprints fingerprints, RuleDefinition invalidYaml,
      boolean groups) {
    this.groups = groups;
    this.catalog = catalog;
    this.checks = checks;
    this.fingerprints = fingerprints;
    this.invalidYaml = invalidYaml;
  }

  /**
   * Reads a file and prepares it (on a worker thread). Running out of memory on it (a file big for
   * the heap) is an internal error of that file: what it held is free again, and the other files
   * are still linted.
   */
  FileWork prepare(SourceFile file, Supplier<InputStream> stdin, RunConfigMaps configMaps) {
    try {
      return readAndPrepare(file, stdin, configMaps);
    } catch (OutOfMemoryError e) {
      return failed(file, e);
    }
  }

  /**
   * Prepares a text already in memory (an editor's buffer); a failure, running out of memory
   * included, is an internal error of that text, as for a file read from disk.
   */
  FileWork prepareText(SourceFile file, String text, RunConfigMaps configMaps) {
    try {
      return prepare(ManifestText.of(file, text), configMaps);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return failed(file, e);
    }
  }

  /**
   * The work of a file that failed while being prepared: one internal error, which says so when it
   * ran out of memory.
   */
  private static FileWork failed(SourceFile file, Throwable e) {
    FileWork w = new FileWork(file);
    w.internalErrors.add(e instanceof OutOfMemoryError oom ? outOfMemory(file, oom)
        : file.displayName() + ": " + CheckRunner.describe(e));
    return w;
  }

  /** The internal error of {@code file} when linting it ran out of memory. */
  private static String outOfMemory(SourceFile file, OutOfMemoryError e) {
    return file.displayName() + ": " + Linter.OUT_OF_MEMORY + " (" + e.getMessage() + ", "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap)";
  }

  private FileWork readAndPrepare(SourceFile file, Supplier<InputStream> stdin, RunConfigMaps configMaps) {
    byte[] bytes;
    try {
      bytes = ManifestLoader.read(file, stdin.get());
    } catch (IOException e) {
      FileWork w = new FileWork(file);
      String m = e.getMessage();
      w.problem = new InputProblem(file.displayName(),
          e instanceof AccessDeniedException ? "permission denied"
              : e instanceof NoSuchFileException ? "no such file or directory"
              : m == null ? e.getClass().getSimpleName() : m);
      return w;
    }
    try {
      ManifestText text = ManifestText.decode(file, bytes);
      bytes = null; // the text is what is kept: a large file's bytes go before it is surveyed
      return prepare(text, configMaps);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(file, e);
    }
  }

  /**
   * Reads a file's documents: a small file is read and linted in one go; a large one is surveyed
   * and cut into parts of about {@link #PART_SIZE} chars, linted later.
   */
  FileWork prepare(ManifestText text, RunConfigMaps configMaps) {
    FileWork w = new FileWork(text.file());
    w.configMaps = configMaps;
    w.comments = Suppressions.read(new LoadedFile(text.file(), List.of(), 0, Optional.empty(), text.comments(),
        text.documentLines()), catalog);
    Optional<SyntaxError> error;
    if (text.length() <= partsAbove) {
      List<Document> docs = new ArrayList<>();
      List<K8sObject> objects = new ArrayList<>();
      Reading reading = text.read();
      for (Document d = reading.next(); d != null; d = reading.next()) {
        docs.add(d);
        objects.addAll(d.objects());
      }
      error = reading.error();
      w.documents = reading.documents();
      w.objects = objects.size();
      // where each node's text ends, for the proposals of fixes (a document scanned only when one asks)
      FileObjects all = FileObjects.of(objects, text.extents(docs));
      int[] starts = groups ? parts(docs.size(), d -> docs.get(d).extent()) : new int[] {0, docs.size()};
      if (starts.length > 2) {
        // several parts' worth of documents: their checks are spread over the threads as the run reaches the file
        w.read = docs;
        w.readObjects = all;
        w.partStarts = starts;
      } else {
        w.whole = checks.lint(text.file(), all, 0, docs, Set.of(), configMaps);
      }
    } else {
      Survey survey = Survey.of(text);
      error = survey.error();
      w.survey = survey;
      w.documents = survey.documents();
      w.objects = survey.objects().size();
      w.partStarts = parts(survey.documents(), survey::extent);
    }
    if (error.isPresent() && invalidYaml != null) {
      SyntaxError e = error.get();
      Span at = Span.point(e.position().line(), e.position().column());
      List<Finding> found = new ArrayList<>(1);
      Findings.about(invalidYaml, text.file(), null, found).at(at, null).arg("problem", e.problem()).report();
      w.fileFindings = fingerprints.hashed(found);
    }
    return w;
  }

  /**
   * The first document of each part, then the number of documents: parts of about {@link #PART_SIZE}
   * chars of the {@code documents} whose extents {@code extent} gives.
   */
  private int[] parts(int documents, IntFunction<Extent> extent) {
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    for (int d = 0; d < documents; d++) {
      if (d == from) {
        starts.add(d);
      }
      if (extent.apply(d).end() - extent.apply(from).start() >= partSize) {
        from = d + 1;
      }
    }
    starts.add(documents);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Lints part {@code k} of a file linted in parts, the patterns {@code gaveUp} having run out of
   * steps before it; a failure, running out of memory included, is an internal error of the file.
   */
  Part lintPart(FileWork w, int k, Set<BoundedRegex> gaveUp) {
    try {
      return checks.lint(w.file, w.objects(), k, w.documents(k), gaveUp, w.configMaps);
    } catch (RuntimeException | StackOverflowError e) {
      Part p = new Part(k, gaveUp);
      p.internalErrors.add(w.file.displayName() + ": " + CheckRunner.describe(e));
      return p;
    } catch (OutOfMemoryError e) {
      Part p = new Part(k, gaveUp);
      p.internalErrors.add(outOfMemory(w.file, e));
      return p;
    }
  }
}
