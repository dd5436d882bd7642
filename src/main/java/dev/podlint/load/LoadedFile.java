package dev.podlint.load;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * The objects read from one file ({@link FileObjects}, in file order). When the file holds a syntax error, the objects of the documents
 * before it are still here and {@link #error} says where reading stopped.
 *
 * @param documents how many YAML documents were read (including empty and non-Kubernetes ones)
 * @param comments the file's comments in order, up to a syntax error; read only from files whose
 *     text mentions {@code podlint} (the only comments podlint interprets), empty for the others
 * @param documentLines the first line of each document as the scanner sees it (1, then the line
 *     of each {@code ---} that starts another); empty when {@code comments} was not read
 * @param typeProblems documents meant as objects whose apiVersion or kind is unusable, in order
 */
public record LoadedFile(SourceFile file, List<K8sObject> objects, int documents, Optional<SyntaxError> error,
    List<Comment> comments, List<Integer> documentLines, List<TypeProblem> typeProblems) {

  public LoadedFile {
    objects = FileObjects.of(objects);
    comments = List.copyOf(comments);
    documentLines = List.copyOf(documentLines);
    typeProblems = List.copyOf(typeProblems);
  }

  /** A file without type problems. */
  public LoadedFile(SourceFile file, List<K8sObject> objects, int documents, Optional<SyntaxError> error,
      List<Comment> comments, List<Integer> documentLines) {
    this(file, objects, documents, error, comments, documentLines, List.of());
  }

  /** A file without comments read and without type problems. */
  public LoadedFile(SourceFile file, List<K8sObject> objects, int documents, Optional<SyntaxError> error) {
    this(file, objects, documents, error, List.of(), List.of());
  }
}
