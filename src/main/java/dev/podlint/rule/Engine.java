package dev.podlint.rule;

/**
 * How a rule's findings are made: {@code java} by its check class, {@code schema} declaratively
 * from the rule file's {@code match} (the only engine of user rules), {@code core} by podlint
 * itself (the loader, the suppression engine).
 */
public enum Engine implements Vocabulary {
  JAVA,
  SCHEMA,
  CORE
}
