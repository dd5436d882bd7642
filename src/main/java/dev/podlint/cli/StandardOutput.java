package dev.podlint.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed ({@code > /dev/full}, a closed descriptor, a
 * reader that went away): a {@link PrintWriter} only sets a flag, and {@code System.out} swallows
 * errors before they reach it, so this one writes to the descriptor itself.
 */
final class StandardOutput extends PrintWriter {
  private final Recorder recorder;

  private StandardOutput(Recorder recorder) {
    super(recorder, true);
    this.recorder = recorder;
  }

  /** Standard output of the process, in UTF-8. */
  static StandardOutput open() {
    return new StandardOutput(new Recorder(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8)));
  }

  /**
   * Why writing to {@code out} failed, or null when it did not; flushes it first. Works for any
   * writer (tests pass their own), with the reason when it is standard output.
   */
  static String failure(PrintWriter out) {
    if (!out.checkError()) {
      return null;
    }
    IOException e = out instanceof StandardOutput s ? s.recorder.first : null;
    return e == null || e.getMessage() == null ? "the write failed" : e.getMessage();
  }

  /** Keeps the first exception of the writer it wraps, and passes it on. */
  private static final class Recorder extends Writer {
    private final Writer out;
    IOException first;

    Recorder(Writer out) {
      this.out = out;
    }

    /** A call to the wrapped writer. */
    private interface Call {
      void run() throws IOException;
    }

    /** Runs {@code call}, keeping its exception if it is the first. */
    private void pass(Call call) throws IOException {
      try {
        call.run();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
        throw e;
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      pass(() -> out.write(cbuf, off, len));
    }

    @Override
    public void flush() throws IOException {
      pass(out::flush);
    }

    @Override
    public void close() throws IOException {
      pass(out::close);
    }
  }
}
