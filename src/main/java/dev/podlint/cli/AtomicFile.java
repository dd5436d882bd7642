package dev.podlint.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file so that it is never half-written: into a hidden temporary file next to
 * it, then renamed over it. The replaced file's permissions are kept (rw-r--r-- for a new one).
 */
final class AtomicFile {
  /** What produces the content. */
  interface Content {
    void writeTo(Writer w) throws IOException;
  }

  private AtomicFile() {}

  static void write(Path target, Content content) throws IOException {
    Pending p = open(target);
    try {
      content.writeTo(p.writer());
      p.commit();
    } finally {
      p.abandon();
    }
  }

  /**
   * Starts writing {@code target}: a report that is streamed while the run goes is written into the
   * temporary file, and {@link Pending#commit} renames it over the target at the end.
   */
  static Pending open(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      throw new IOException("it is a directory");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      // a device or a pipe (/dev/null, /dev/stdout, a FIFO): written to, never renamed over
      return new Pending(target, null, Files.newBufferedWriter(target, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.WRITE));
    }
    target = throughLinks(target); // a link stays; the file it names gets the report
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    tmp.toFile().deleteOnExit(); // a run stopped by a signal leaves no temporary file (gone once renamed)
    try {
      keepPermissions(target, tmp);
      return new Pending(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * The file a path names once symbolic links are followed, also when the last link dangles (the
   * report then creates the file it names).
   */
  static Path throughLinks(Path path) throws IOException {
    Path p = path.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == 40) {
        throw new IOException("too many levels of symbolic links");
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    return p;
  }

  /** An output file being written: committed by a rename, or abandoned (the target is untouched). */
  static final class Pending {
    private final Path target;
    private Path tmp;
    private final Writer writer;

    private Pending(Path target, Path tmp, Writer writer) {
      this.target = target;
      this.tmp = tmp;
      this.writer = writer;
    }

    Writer writer() {
      return writer;
    }

    Path target() {
      return target;
    }

    /** Closes the temporary file and renames it over the target. */
    void commit() throws IOException {
      writer.close();
      if (tmp == null) {
        return; // written in place (a device or a pipe), or committed already
      }
      move(tmp, target);
      tmp = null;
    }

    /** Deletes the temporary file unless committed; the target keeps what it had. */
    void abandon() {
      if (tmp == null) {
        try {
          writer.close();
        } catch (IOException ignored) {
          // nothing to clean up: a device or a pipe, or committed already
        }
        return;
      }
      try {
        writer.close();
      } catch (IOException ignored) {
        // the file is deleted next
      }
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: the temporary file is hidden and named after the target
      }
      tmp = null;
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** What {@link #replace} checks just before the rename; it throws to keep the file as it is. */
  interface Precondition {
    void check(Path file) throws IOException;
  }

  /**
   * Replaces the content of the existing file {@code target} (through symbolic links: a link
   * stays) with {@code bytes}: written into a temporary file beside it, then renamed over it, after
   * {@code precondition} has checked the file once more just before the rename. When the check
   * throws, nothing is renamed and the file keeps what it had.
   */
  static void replace(Path target, byte[] bytes, Precondition precondition) throws IOException {
    Path file = throughLinks(target);
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
    tmp.toFile().deleteOnExit(); // a run stopped by a signal leaves no temporary file
    try {
      keepPermissions(file, tmp);
      Files.write(tmp, bytes);
      precondition.check(file);
      move(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  /** A short reason for a failed write. */
  static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such directory"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : String.valueOf(e.getMessage());
  }
}
