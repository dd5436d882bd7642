package dev.podlint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** LSP4J's complaints about a broken connection reach the editor's log as one line, no stack trace. */
class ProtocolLogTest {
  @Test
  void aRecordWithAnExceptionIsOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ProtocolLog.to(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      Logger.getLogger("org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer").log(Level.SEVERE,
          "Missing header Content-Length in input \"garbage\n\n\"",
          new IllegalStateException("Missing header Content-Length"));
    } finally {
      ProtocolLog.to(System.err);
    }
    assertEquals("podlint: lsp: Missing header Content-Length in input \"garbage \"\n",
        bytes.toString(StandardCharsets.UTF_8));
  }
}
