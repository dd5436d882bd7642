package dev.podlint.load;

import dev.podlint.model.K8sObject;
import java.util.List;

/**
 * One YAML document of a file, read.
 *
 * @param index its 0-based number in the file
 * @param objects the Kubernetes objects it holds (none, one, or the items of a {@code kind: List})
 * @param typeProblems why it holds no object although it was meant as one
 */
public record Document(int index, Extent extent, List<K8sObject> objects, List<TypeProblem> typeProblems) {
  public Document {
    objects = List.copyOf(objects);
    typeProblems = List.copyOf(typeProblems);
  }
}
