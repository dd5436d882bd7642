package dev.podlint.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. */
public interface Reporter {
  void write(Report report, Writer out) throws IOException;

  /**
   * Whether the reporter writes every finding with its baseline state (SARIF's
   * {@code baselineState}). Reporters that do not are given only the findings that are new.
   */
  default boolean showsBaselineState() {
    return false;
  }

  /** The reporter for a format name: text, json, sarif, checkstyle or github (junit needs a fail level). */
  static Reporter forFormat(String format, boolean color) {
    return switch (format) {
      case "text" -> new TextReporter(color);
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter();
      case "checkstyle" -> new CheckstyleReporter();
      case "github" -> new GithubReporter();
      default -> throw new IllegalArgumentException("unknown format '" + format + "'");
    };
  }
}
