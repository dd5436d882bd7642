package dev.podlint.lsp;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What LSP4J logs about the connection (a message that is not JSON, a missing header) as one line on
 * standard error, which editors show in their log, instead of java.util.logging's record with a
 * stack trace.
 */
final class ProtocolLog {
  /** Held here: java.util.logging keeps its loggers only weakly, and would forget the handler. */
  private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

  private ProtocolLog() {}

  /** Sends LSP4J's log records to {@code err}, one line each, without stack traces. */
  static void to(PrintStream err) {
    for (Handler h : LSP4J.getHandlers()) {
      LSP4J.removeHandler(h);
    }
    LSP4J.setUseParentHandlers(false);
    LSP4J.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (isLoggable(r)) {
          err.println("podlint: lsp: " + line(r));
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        flush();
      }
    });
  }

  /** The record's message, else its exception's, on one line. */
  static String line(LogRecord r) {
    String m = r.getMessage();
    if ((m == null || m.isBlank()) && r.getThrown() != null) {
      m = r.getThrown().getMessage() != null ? r.getThrown().getMessage() : r.getThrown().getClass().getSimpleName();
    }
    return String.valueOf(m).strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
