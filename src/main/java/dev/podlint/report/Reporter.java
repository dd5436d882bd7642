package dev.podlint.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. */
public interface Reporter {
  void write(Report report, Writer out) throws IOException;

  /** The reporter for a format name: text, json, sarif or github. */
  static Reporter forFormat(String format, boolean color) {
    return switch (format) {
      case "text" -> new TextReporter(color);
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter();
      case "github" -> new GithubReporter();
      default -> throw new IllegalArgumentException("unknown format '" + format + "'");
    };
  }
}
