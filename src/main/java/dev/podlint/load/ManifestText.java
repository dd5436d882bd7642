package dev.podlint.load;

import dev.podlint.model.K8sObject;
import dev.podlint.model.SourceFile;
import dev.podlint.model.TextExtents;
import dev.podlint.model.YNode;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A manifest's text made ready to be read document by document: decoded, its byte order marks
 * gone, cut before the first document over a size limit or with a recursive merge key, and its
 * comments and Helm {@code # Source:} lines scanned (these concern the whole file, so they are read
 * first). {@link #read()} then reads the documents in order, one at a time; {@link #read(Extent,
 * Extent, int)} reads some of them again from where they lie.
 */
public final class ManifestText {
  private final SourceFile file;
  /** The text to read: everything before the cut. */
  final String text;
  /** Why reading stops early when it meets no other problem (undecodable bytes, a limit), or null. */
  final SyntaxError cutError;
  /** Whether the text may share nodes ({@code &}): then walks remember what they visited. */
  final boolean anchors;
  private final HelmSources helm;
  private final List<Comment> comments;
  private final List<Integer> documentLines;

  private ManifestText(SourceFile file, String text, SyntaxError cutError, boolean scan) {
    this.file = file;
    this.text = text;
    this.cutError = cutError;
    this.anchors = text.indexOf('&') >= 0;
    this.helm = scan ? HelmSources.scan(text) : null;
    CommentScan c = scan ? CommentScan.of(text) : null;
    this.comments = c == null ? List.of() : List.copyOf(c.comments);
    this.documentLines = c == null ? List.of() : List.copyOf(c.documentLines);
  }

  /** The text of a file's bytes (UTF-8, UTF-16 with or without BOM); undecodable bytes hold no document. */
  public static ManifestText decode(SourceFile file, byte[] bytes) {
    try {
      return of(file, Decoding.decode(bytes));
    } catch (Decoding.DecodingException e) {
      return new ManifestText(file, "", new SyntaxError(e.getMessage(), e.position), false);
    }
  }

  /** Text already decoded (a leading BOM is ignored). */
  public static ManifestText of(SourceFile file, String text) {
    text = Decoding.stripByteOrderMarks(text);
    Cut cut = Limits.overrun(text);
    if (cut != null) {
      text = text.substring(0, cut.at()); // the documents before the oversized one are still read
    }
    Cut merge = MergeScan.recursiveMerge(text);
    if (merge != null) {
      cut = merge; // before the cut above, if any: the documents before it are still read
      text = text.substring(0, merge.at());
    }
    return new ManifestText(file, text, cut == null ? null : cut.error(), true);
  }

  public SourceFile file() {
    return file;
  }

  /** The length of the text that is read, in chars. */
  public int length() {
    return text.length();
  }

  /**
   * The file's comments in order, up to a syntax error; read only from files whose text mentions
   * {@code podlint} (the only comments podlint interprets), empty for the others.
   */
  public List<Comment> comments() {
    return comments;
  }

  /** The first line of each document as the scanner sees it; empty when {@link #comments} was not read. */
  public List<Integer> documentLines() {
    return documentLines;
  }

  /** Where the nodes of the whole text end (its tokens are scanned on the first question). */
  public TextExtents extents() {
    return new TokenExtents(text);
  }

  /**
   * Where the nodes of the whole text end, each document's tokens scanned on the first question
   * about one of its nodes: {@code documents} are the text's documents in order, as read.
   */
  public TextExtents extents(List<Document> documents) {
    List<Document> docs = List.copyOf(documents);
    return new DocumentExtents(this, docs::size, d -> docs.get(d).extent());
  }

  /** Where the nodes of the document at {@code e} end, from its own text (scanned on the first question). */
  TextExtents extents(Extent e) {
    return new TokenExtents(textOf(e, e), e.line());
  }

  /** Reads the documents in order, one at a time. */
  public Reading read() {
    return new Reading(this);
  }

  /**
   * Reads again the documents from {@code first} to {@code last}, numbering them from
   * {@code firstIndex}; they must have been read before, so a problem here is a bug.
   *
   * @throws IllegalStateException when they do not read as they did
   */
  public List<Document> read(Extent first, Extent last, int firstIndex) {
    String part = textOf(first, last);
    MarkedParser parser = MarkedParser.of(part);
    EventBuilder builder = new EventBuilder(parser, anchors, first.line());
    CharOffsets offsets = new CharOffsets(part);
    List<Document> out = new ArrayList<>();
    try {
      while (builder.hasNext()) {
        YNode root = builder.next();
        int start = offsets.of(parser.documentStart.getIndex());
        Extent extent = new Extent(first.start() + offsets.lineStart(start, parser.documentStart.getColumn()),
            first.line() + parser.documentStart.getLine(),
            Math.min(first.start() + offsets.of(parser.documentEnd.getIndex()), last.end()));
        out.add(document(firstIndex + out.size(), extent, root));
      }
    } catch (TreeProblem | YamlEngineException | StackOverflowError e) {
      throw new IllegalStateException("document " + (firstIndex + out.size()) + " of " + file.displayName()
          + " read differently the second time: " + e, e);
    }
    return out;
  }

  /** The text of the documents from {@code first} to {@code last}, to be read on its own. */
  private String textOf(Extent first, Extent last) {
    String part = text.substring(first.start(), last.end());
    if (last.end() < text.length() && part.endsWith("\r")) {
      // a CR followed by more text ends a line; snakeyaml-engine does not count one that ends the
      // stream, which would move the end of the last node back to the end of the line before
      part += "\n";
    }
    return part;
  }

  /** The document numbered {@code index} whose tree is {@code root}. */
  Document document(int index, Extent extent, YNode root) {
    List<K8sObject> objects = new ArrayList<>();
    List<TypeProblem> problems = new ArrayList<>();
    DocumentObjects.add(root, file, index, objects, problems);
    if (helm != null) {
      objects.replaceAll(o -> {
        SourceFile template = helm.at(o.root().span().start().line());
        return template == null ? o : o.withRenderedFrom(template);
      });
    }
    return new Document(index, extent, objects, problems);
  }
}
