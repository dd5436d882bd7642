package dev.podlint.engine;

import dev.podlint.load.Document;
import dev.podlint.load.InputProblem;
import dev.podlint.load.Survey;
import dev.podlint.model.FileObjects;
import dev.podlint.model.Position;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A file read and prepared on a worker thread: either linted already, in one part (a small file,
 * whose trees are all kept meanwhile), or read in one go and cut into parts of a few documents
 * each (a file of several parts' worth of text: it keeps its trees), or surveyed and cut into
 * parts (a large file: it keeps its text and compact handles of its objects). The parts are linted
 * in parallel as the run reaches the file. Either way with what concerns the whole file: its comments'
 * suppressions and where reading stopped.
 */
final class FileWork {
  final SourceFile file;
  /** Why the file could not be read, or null. */
  InputProblem problem;
  final List<String> internalErrors = new ArrayList<>();
  int documents;
  int objects;
  /** The ConfigMaps of the run's other files, which the file's pods may mount. */
  RunConfigMaps configMaps = RunConfigMaps.NONE;
  /** The suppressions of the file's comments. */
  Suppressions.FileDirectives comments = new Suppressions.FileDirectives();
  /** Findings about the whole file: where reading stopped (invalid-yaml), hashed. */
  List<Finding> fileFindings = List.of();
  /** The file linted in one part, or null. */
  Part whole;
  /** The file's survey when it is linted in parts, else null. */
  Survey survey;
  /** The documents of a file read in one go and linted in parts (groups of its documents), else null. */
  List<Document> read;
  /** The objects of {@link #read}. */
  FileObjects readObjects;
  /** The first document of each part, then the number of documents. */
  int[] partStarts = {0};

  FileWork(SourceFile file) {
    this.file = file;
  }

  /** Whether the file is linted in parts: surveyed, or read in one go and cut into groups of documents. */
  boolean inParts() {
    return survey != null || read != null;
  }

  /**
   * The file's objects when it is linted in parts: handles that read their document again when it
   * was surveyed, else the objects read.
   */
  FileObjects objects() {
    return survey != null ? survey.objects() : readObjects;
  }

  int parts() {
    return partStarts.length - 1;
  }

  /** The start of the first line of part {@code k}: every finding of it and of later parts is there or after. */
  Position start(int k) {
    int first = partStarts[k];
    return new Position((survey != null ? survey.extent(first) : read.get(first).extent()).line() + 1, 1);
  }

  /** The documents of part {@code k}: read again when the file was surveyed. */
  List<Document> documents(int k) {
    return survey != null ? survey.read(partStarts[k], partStarts[k + 1])
        : read.subList(partStarts[k], partStarts[k + 1]);
  }
}
