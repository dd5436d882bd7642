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
 * whose trees are all kept meanwhile), or surveyed and cut into parts of a few documents each (a
 * large file: it keeps its text and compact handles of its objects, and its parts are linted in
 * parallel as the run reaches it). Either way with what concerns the whole file: its comments'
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
  /** The first document of each part, then the number of documents. */
  int[] partStarts = {0};

  FileWork(SourceFile file) {
    this.file = file;
  }

  /** The file's objects (handles that read their document again), when it is linted in parts. */
  FileObjects objects() {
    return survey.objects();
  }

  int parts() {
    return partStarts.length - 1;
  }

  /** The start of the first line of part {@code k}: every finding of it and of later parts is there or after. */
  Position start(int k) {
    return new Position(survey.extent(partStarts[k]).line() + 1, 1);
  }

  /** The documents of part {@code k}, read again. */
  List<Document> documents(int k) {
    return survey.read(partStarts[k], partStarts[k + 1]);
  }
}
