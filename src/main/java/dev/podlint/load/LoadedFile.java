package dev.podlint.load;

import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * The objects read from one file. When the file holds a syntax error, the objects of the documents
 * before it are still here and {@link #error} says where reading stopped.
 *
 * @param documents how many YAML documents were read (including empty and non-Kubernetes ones)
 */
public record LoadedFile(SourceFile file, List<K8sObject> objects, int documents, Optional<SyntaxError> error) {}
