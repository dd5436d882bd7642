package dev.podlint.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads every file podlint is given (manifests, standard input, the configuration, rule files, a
 * baseline) with a size limit, and a named file only when it is a regular file: both checked from
 * its attributes before it is opened, so that a FIFO never blocks a run and neither {@code /dev/zero}
 * nor a sparse 2 GB file is read at all. A stream (standard input) is read up to one byte past its
 * limit and no further. The limits are far above anything a repository holds.
 */
public final class FileReads {
  /** One manifest file, or standard input (the largest all-in-one CRD bundles are about 10 MB). */
  public static final int MANIFEST_LIMIT = 64 << 20;
  /** The configuration file (a real one is a few KB). */
  public static final int CONFIG_LIMIT = 1 << 20;
  /** One user rule file (podlint's own are a few KB each). */
  public static final int RULE_LIMIT = 1 << 20;
  /** A SARIF baseline (about 1 KB per finding: 256 MiB holds some 250,000 findings). */
  public static final int BASELINE_LIMIT = 256 << 20;

  /** Why a file was not read: not a regular file, or larger than its limit; the message says which. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private FileReads() {}

  /**
   * The bytes of {@code file} (links followed), which must be a regular file of at most
   * {@code limit} bytes, checked before it is opened.
   *
   * @throws Refused for a directory, a FIFO, a device or a socket, or a file over the limit
   */
  public static byte[] read(Path file, int limit) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.isDirectory()) {
      throw new Refused("it is a directory");
    }
    if (!a.isRegularFile()) {
      throw new Refused("not a regular file (a pipe, a device or a socket)");
    }
    if (a.size() > limit) {
      throw new Refused(String.format(Locale.ROOT, "it is %,d bytes, more than the %s podlint reads from one file",
          a.size(), size(limit)));
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, limit, (int) a.size(), "the file grew while it was read to more than");
    }
  }

  /**
   * At most {@code limit} bytes of a stream such as standard input, which may legitimately be a pipe:
   * reading stops one byte past the limit.
   *
   * @throws Refused when the stream holds more than {@code limit} bytes
   */
  public static byte[] read(InputStream in, int limit) throws IOException {
    return read(in, limit, 8192, "it holds more than");
  }

  private static byte[] read(InputStream in, int limit, int expected, String over) throws IOException {
    byte[] buf = new byte[Math.max(0, Math.min(expected, limit))];
    int n = in.readNBytes(buf, 0, buf.length);
    if (n == buf.length && n <= limit) {
      int next = in.read(); // the expected size read exactly: one byte more tells whether there is more
      if (next < 0) {
        return buf;
      }
      buf = Arrays.copyOf(buf, (int) Math.min(limit + 1L, Math.max(8192, 2L * buf.length)));
      buf[n++] = (byte) next;
      while (n < buf.length) {
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (n == buf.length && n <= limit) {
          buf = Arrays.copyOf(buf, (int) Math.min(limit + 1L, 2L * buf.length));
        }
      }
    }
    if (n > limit) {
      throw new Refused(over + " the " + size(limit) + " podlint reads from one input");
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  /** What went wrong, without the file's name (the caller names it): "permission denied". */
  public static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A size for messages: {@code 64 MiB}, {@code 2.0 GiB}, {@code 1,500 bytes}. */
  public static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB"
          : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
