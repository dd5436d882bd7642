package dev.podlint.load;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads manifests into podlint's position-aware tree. It builds each document's immutable
 * {@link YNode}s with 1-based spans from snakeyaml-engine's parser events (YAML 1.2, Core schema),
 * never composing node trees or constructing Java maps, except for the rare document it leaves to
 * snakeyaml-engine's composer (merge keys, documents refused). The loader's alias limit (50 aliases per collection) and its
 * size limit (3 MiB of code points per document) stay on. The steps have a class each:
 * {@link Decoding}, the pre-scans ({@link Limits}, {@link MergeScan}, {@link CommentScan},
 * {@link HelmSources}), reading one document at a time ({@link ManifestText}, {@link Reading},
 * {@link Survey}), building trees ({@link EventBuilder}, {@link Scalars}, {@link Converter}), objects ({@link DocumentObjects}) and errors
 * ({@link SyntaxErrors}).
 */
public final class ManifestLoader {
  /** Code points one document may hold (the snakeyaml-engine default). */
  public static final int CODE_POINT_LIMIT = 3 * 1024 * 1024;
  /** Collections one document may nest (Kubernetes objects need a few dozen). */
  public static final int MAX_DEPTH = 1000;
  /**
   * Code points one line may hold: a Kubernetes object is at most about 1.5 MB, and
   * snakeyaml-engine's time grows with the square of a token's length.
   */
  public static final int LINE_LIMIT = 1024 * 1024;
  /** Comments are read only from files that mention this word (see {@link LoadedFile#comments}). */
  public static final String COMMENTS_OF_INTEREST = CommentScan.OF_INTEREST;

  /**
   * Reads a file's bytes, or standard input for {@link SourceFile#STDIN}, up to
   * {@link FileReads#MANIFEST_LIMIT}; a file that is not a regular file or is larger is refused
   * before it is opened.
   */
  public static byte[] read(SourceFile file, InputStream stdin) throws IOException {
    return file.isStdin() ? FileReads.read(stdin, FileReads.MANIFEST_LIMIT)
        : FileReads.read(file.path(), FileReads.MANIFEST_LIMIT);
  }

  /**
   * Decodes a file's bytes as {@link #load} does (UTF-8, UTF-16 with or without BOM), without a
   * leading byte order mark, for tools that edit the text positions refer to.
   *
   * @throws IOException naming the line and column of the first byte that cannot be decoded
   */
  public static String decodeText(byte[] bytes) throws IOException {
    try {
      return Decoding.stripByteOrderMarks(Decoding.decode(bytes));
    } catch (Decoding.DecodingException e) {
      throw new IOException(e.getMessage() + " at " + e.position, e);
    }
  }

  /** Decodes and loads one file; never throws for bad content. */
  public LoadedFile load(SourceFile file, byte[] bytes) {
    return loaded(ManifestText.decode(file, bytes));
  }

  /**
   * Decodes a file's bytes and reads the parser events of every document with snakeyaml-engine,
   * nothing else (no tree, no objects, no comments): the floor {@code podlint bench} measures
   * linting against, the least a reader of the YAML does and a part of what {@link #load} does.
   *
   * @return the number of documents read
   * @throws IOException when the bytes cannot be decoded
   */
  public int parseOnly(byte[] bytes) throws IOException {
    String text = decodeText(bytes);
    int documents = 0;
    for (Event e : new Parse(Settings.MANIFESTS).parseString(text)) {
      if (e.getEventId() == Event.ID.DocumentStart) {
        documents++;
      }
    }
    return documents;
  }

  /** Loads already decoded text (a leading BOM is ignored). */
  public LoadedFile loadText(SourceFile file, String text) {
    return loaded(ManifestText.of(file, text));
  }

  /** Every document of {@code text}, read in order, its objects kept. */
  private static LoadedFile loaded(ManifestText text) {
    List<K8sObject> objects = new ArrayList<>();
    List<TypeProblem> typeProblems = new ArrayList<>();
    Reading reading = text.read();
    for (Document d = reading.next(); d != null; d = reading.next()) {
      objects.addAll(d.objects());
      typeProblems.addAll(d.typeProblems());
    }
    // where each node's text ends, for tools that replace it (scanned only when one asks)
    FileObjects inFile = FileObjects.of(objects, text.extents());
    return new LoadedFile(text.file(), inFile, reading.documents(), reading.error(), text.comments(),
        text.documentLines(), typeProblems);
  }

  /**
   * Parses text that must hold exactly one YAML document (rule files, configuration) into a tree.
   *
   * @throws YamlSyntaxException with the error's position when the text is not valid YAML
   */
  public YNode parseDocument(String text) throws YamlSyntaxException {
    List<YNode> docs = parseDocuments(text);
    if (docs.size() != 1) {
      throw new YamlSyntaxException(new SyntaxError("expected one YAML document, found " + docs.size(),
          new Position(1, 1)));
    }
    return docs.get(0);
  }

  /**
   * Parses every YAML document of {@code text} into trees (none for empty text or only comments).
   *
   * @throws YamlSyntaxException with the error's position when the text is not valid YAML
   */
  public List<YNode> parseDocuments(String text) throws YamlSyntaxException {
    text = Decoding.stripByteOrderMarks(text);
    Cut merge = MergeScan.recursiveMerge(text);
    if (merge != null) {
      throw new YamlSyntaxException(merge.error());
    }
    List<YNode> docs = new ArrayList<>();
    try {
      EventBuilder builder = new EventBuilder(MarkedParser.of(text), true, 0);
      while (builder.hasNext()) {
        docs.add(builder.next());
      }
    } catch (TreeProblem | YamlEngineException e) {
      throw new YamlSyntaxException(SyntaxErrors.syntaxError(e, text, new Position(1, 1)));
    } catch (StackOverflowError e) {
      throw new YamlSyntaxException(new SyntaxError("the document is nested too deeply to read", new Position(1, 1)));
    }
    return docs;
  }
}
