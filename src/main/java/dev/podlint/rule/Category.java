package dev.podlint.rule;

/** The area a rule belongs to. */
public enum Category implements Vocabulary {
  DESIGN,
  HEALTH,
  NETWORKING,
  RESOURCES,
  SECURITY,
  VALIDITY
}
