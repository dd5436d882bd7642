package dev.podlint.schema;

import dev.podlint.model.YNode;

/**
 * One schema defect, at the node to report.
 *
 * @param field the field path people read, e.g. {@code spec.replicas}
 * @param problem what is wrong, e.g. {@code expected integer, got string "three"}
 */
public record Violation(YNode node, String field, String problem) {}
