package dev.podlint.rule;

/** How rarely a rule's findings are false positives. */
public enum Precision implements Vocabulary {
  VERY_HIGH,
  HIGH,
  MEDIUM,
  LOW
}
