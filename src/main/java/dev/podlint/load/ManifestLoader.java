package dev.podlint.load;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import dev.podlint.model.YSeq;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Reads manifests into podlint's position-aware tree. It composes node trees with snakeyaml-engine
 * (YAML 1.2, Core schema), never constructs Java maps, and converts each document into immutable
 * {@link YNode}s with 1-based spans. The loader's alias limit (50 aliases per collection) and its
 * size limit (3 MiB of code points per document) stay on.
 */
public final class ManifestLoader {
  /** Code points one document may hold (the snakeyaml-engine default). */
  public static final int CODE_POINT_LIMIT = 3 * 1024 * 1024;

  private final LoadSettings settings = LoadSettings.builder()
      .setSchema(new CoreSchema())
      .setAllowDuplicateKeys(true)
      .setAllowNonScalarKeys(true) // the converter reports them, with their position
      .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
      .setCodePointLimit(CODE_POINT_LIMIT)
      .setUseMarks(true)
      .build();

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
      return stripByteOrderMarks(decode(bytes));
    } catch (DecodingException e) {
      throw new IOException(e.getMessage() + " at " + e.position, e);
    }
  }

  /** Decodes and loads one file; never throws for bad content. */
  public LoadedFile load(SourceFile file, byte[] bytes) {
    String text;
    try {
      text = decode(bytes);
    } catch (DecodingException e) {
      return new LoadedFile(file, List.of(), 0, Optional.of(new SyntaxError(e.getMessage(), e.position)));
    }
    return loadText(file, text);
  }

  /**
   * Decodes a file's bytes and composes every document with snakeyaml-engine, nothing else (no
   * conversion, no objects, no comments): the floor {@code podlint bench} measures linting against.
   *
   * @return the number of documents composed
   * @throws IOException when the bytes cannot be decoded
   */
  public int composeOnly(byte[] bytes) throws IOException {
    String text = decodeText(bytes);
    int documents = 0;
    for (Node ignored : new Compose(settings).composeAllFromReader(new StringReader(text))) {
      documents++;
    }
    return documents;
  }

  /** Loads already decoded text (a leading BOM is ignored). */
  public LoadedFile loadText(SourceFile file, String text) {
    text = stripByteOrderMarks(text);
    Overrun overrun = overrun(text);
    if (overrun != null) {
      text = text.substring(0, overrun.cut); // the documents before the oversized one are still read
    }
    Overrun merge = recursiveMerge(text);
    if (merge != null) {
      overrun = merge; // before the cut above, if any: the documents before it are still read
      text = text.substring(0, merge.cut);
    }
    List<K8sObject> objects = new ArrayList<>();
    List<TypeProblem> typeProblems = new ArrayList<>();
    int documents = 0;
    Position lastEnd = new Position(1, 1);
    Iterator<Node> it = new Compose(settings).composeAllFromReader(new StringReader(text)).iterator();
    boolean anchors = text.indexOf('&') >= 0;
    Optional<SyntaxError> error = Optional.empty();
    try {
      while (it.hasNext()) {
        Node node = it.next();
        YNode root = new Converter(anchors).convert(node, anchors ? YPath.ROOT : YPath.ROOT_OF_TREE);
        lastEnd = root.span().end();
        addObjects(root, file, documents, objects, typeProblems);
        documents++;
      }
    } catch (TreeProblem | YamlEngineException e) {
      error = Optional.of(syntaxError(e, text, lastEnd));
    } catch (StackOverflowError e) {
      error = Optional.of(new SyntaxError(TOO_DEEP, tooDeep(text).orElse(lastEnd)));
    }
    if (overrun != null && error.isEmpty()) {
      error = Optional.of(overrun.error);
    }
    HelmSources helm = HelmSources.scan(text);
    if (helm != null) {
      objects.replaceAll(o -> {
        SourceFile template = helm.at(o.root().span().start().line());
        return template == null ? o : o.withRenderedFrom(template);
      });
    }
    // where each node's text ends, for tools that replace it (scanned only when one asks)
    FileObjects inFile = FileObjects.of(objects, new TokenExtents(text, settings));
    if (!text.contains(COMMENTS_OF_INTEREST)) {
      return new LoadedFile(file, inFile, documents, error, List.of(), List.of(), typeProblems);
    }
    CommentScan scan = new CommentScan(text);
    scan.run(commentSettings);
    return new LoadedFile(file, inFile, documents, error, scan.comments, scan.documentLines, typeProblems);
  }

  /** Collections one document may nest (Kubernetes objects need a few dozen). */
  public static final int MAX_DEPTH = 1000;
  /**
   * Code points one line may hold: a Kubernetes object is at most about 1.5 MB, and
   * snakeyaml-engine's time grows with the square of a token's length.
   */
  public static final int LINE_LIMIT = 1024 * 1024;
  private static final String TOO_DEEP = "the document nests collections more than " + MAX_DEPTH + " deep";

  /** Where a text first goes over a size limit, and where the document that does so starts. */
  private record Overrun(int cut, SyntaxError error) {}

  /**
   * Checks the document and line limits in one pass before anything is parsed, so that a huge
   * document or scalar costs one scan of its text, not the parser's time.
   */
  private static Overrun overrun(String text) {
    int n = text.length();
    int docStart = 0;
    long docCodePoints = 0;
    int line = 1;
    int i = 0;
    boolean onlyNewlines = text.indexOf('\r') < 0; // then indexOf finds line ends (much faster than a loop)
    while (i < n) {
      int eol;
      if (onlyNewlines) {
        eol = text.indexOf('\n', i);
        eol = eol < 0 ? n : eol;
      } else {
        eol = i;
        while (eol < n && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
          eol++;
        }
      }
      if (text.startsWith("---", i) && (i + 3 == eol || i + 3 < n && Character.isWhitespace(text.charAt(i + 3)))) {
        docStart = i;
        docCodePoints = 0;
      }
      int lineCodePoints = text.codePointCount(i, eol);
      if (lineCodePoints > LINE_LIMIT) {
        return new Overrun(docStart, new SyntaxError("a line is longer than " + LINE_LIMIT
            + " code points, the limit podlint reads", new Position(line, LINE_LIMIT + 1)));
      }
      if (docCodePoints + lineCodePoints > CODE_POINT_LIMIT) {
        return new Overrun(docStart, new SyntaxError("a document is larger than " + CODE_POINT_LIMIT
            + " code points, the limit podlint reads", new Position(line, (int) (CODE_POINT_LIMIT - docCodePoints) + 1)));
      }
      docCodePoints += lineCodePoints + 1;
      i = eol < n && text.charAt(eol) == '\r' && eol + 1 < n && text.charAt(eol + 1) == '\n' ? eol + 2 : eol + 1;
      line++;
    }
    return null;
  }

  /** The tag snakeyaml-engine reads {@code <<} as, in its long form. */
  private static final String MERGE_TAG = Tag.MERGE.getValue();

  /** A collection the parser is inside of, as {@link #recursiveMerge} tracks it. */
  private static final class Frame {
    final boolean mapping;
    final boolean mergeList; // a sequence that is the value of a merge key: its aliases are merged
    boolean open = true;
    boolean atKey = true; // a mapping: whether the next node is a key
    boolean mergeValue; // a mapping: whether the next node is the value of a merge key

    Frame(boolean mapping, boolean mergeList) {
      this.mapping = mapping;
      this.mergeList = mergeList;
    }

    boolean merges() {
      return mapping ? !atKey && mergeValue : mergeList;
    }

    /** A key or value of this mapping is complete. */
    void completed(boolean isMergeKey) {
      if (mapping) {
        mergeValue = atKey && isMergeKey;
        atKey = !atKey;
      }
    }
  }

  /**
   * Where a merge key ({@code <<: *a}) first merges a mapping that is still open around it, its own
   * or an enclosing one: snakeyaml-engine's merging never ends on that (it hung the loader), and
   * the Go YAML reader of Kubernetes refuses such an alias ("anchor value contains itself").
   * Read from the parser's events, which neither recurse nor expand aliases, and only for text
   * that can hold a merge key. The cut is the start of the document with the problem.
   */
  private Overrun recursiveMerge(String text) {
    if (!text.contains("<<") && !text.contains("merge")) {
      return null;
    }
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    Map<String, Frame> anchors = new HashMap<>(); // the latest node of each anchor: open or not
    Frame closed = new Frame(false, false);
    closed.open = false;
    Deque<Frame> stack = new ArrayDeque<>();
    int docStart = 0;
    try {
      while (parser.hasNext()) {
        Event e = parser.next();
        Frame parent = stack.peek();
        switch (e.getEventId()) {
          case DocumentStart -> {
            docStart = e.getStartMark().map(m -> text.offsetByCodePoints(0, m.getIndex())).orElse(docStart);
            anchors.clear();
          }
          case MappingStart, SequenceStart -> {
            boolean mapping = e.getEventId() == Event.ID.MappingStart;
            Frame f = new Frame(mapping, !mapping && parent != null && parent.merges());
            ((NodeEvent) e).getAnchor().ifPresent(a -> anchors.put(a.getValue(), f));
            stack.push(f);
          }
          case MappingEnd, SequenceEnd -> {
            stack.pop().open = false;
            if (stack.peek() != null) {
              stack.peek().completed(false);
            }
          }
          case Scalar -> {
            ScalarEvent s = (ScalarEvent) e;
            s.getAnchor().ifPresent(a -> anchors.put(a.getValue(), closed));
            if (parent != null) {
              parent.completed(s.getTag().map(MERGE_TAG::equals).orElse(s.isPlain() && s.getValue().equals("<<")));
            }
          }
          case Alias -> {
            Frame target = anchors.get(((AliasEvent) e).getAlias().getValue());
            if (parent != null && parent.merges() && target != null && target.open && e.getStartMark().isPresent()) {
              return new Overrun(docStart, new SyntaxError("a merge key (<<) merges a mapping that contains it",
                  position(e.getStartMark().get())));
            }
            if (parent != null) {
              parent.completed(false);
            }
          }
          default -> { }
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // the composer reports the error; no recursive merge before it
    }
    return null;
  }

  /**
   * Where a document first nests collections more than {@link #MAX_DEPTH} deep (or, failing that,
   * most deeply), read with the scanner, which does not recurse; for documents that overflow the
   * composer's stack before the converter can count.
   */
  private Optional<Position> tooDeep(String text) {
    ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
    int depth = 0;
    int deepest = -1;
    Position at = null;
    try {
      while (scanner.hasNext()) {
        Token t = scanner.next();
        switch (t.getTokenId()) {
          case BlockMappingStart, BlockSequenceStart, FlowMappingStart, FlowSequenceStart -> {
            depth++;
            if (depth > deepest && t.getStartMark().isPresent()) {
              deepest = depth;
              at = position(t.getStartMark().get());
              if (depth > MAX_DEPTH) {
                return Optional.of(at);
              }
            }
          }
          case BlockEnd, FlowMappingEnd, FlowSequenceEnd -> depth--;
          default -> { }
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // the deepest point so far
    }
    return Optional.ofNullable(at);
  }

  /** Comments are read only from files that mention this word (see {@link LoadedFile#comments}). */
  public static final String COMMENTS_OF_INTEREST = "podlint";

  private final LoadSettings commentSettings = LoadSettings.builder()
      .setParseComments(true)
      .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
      .setCodePointLimit(CODE_POINT_LIMIT)
      .setUseMarks(true)
      .build();

  /**
   * Reads the comments of a stream from snakeyaml-engine's scanner, so that a {@code #} inside a
   * quoted or block scalar is never taken for one, and notes which document each comment is in
   * and whether it comes before that document's content. Stops quietly at a syntax error (the
   * composer reports it); comments before it are kept.
   */
  private static final class CommentScan {
    final String text;
    final List<Comment> comments = new ArrayList<>();
    final List<Integer> documentLines = new ArrayList<>(List.of(1));
    private String[] lines;
    private int document;
    private boolean content;
    private boolean marker;
    private boolean ended;

    CommentScan(String text) {
      this.text = text;
    }

    void run(LoadSettings settings) {
      ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
      try {
        while (scanner.hasNext()) {
          token(scanner.next());
        }
      } catch (YamlEngineException | StackOverflowError e) {
        // the composer reports the error; the comments before it count
      }
    }

    private void token(Token t) {
      Token.ID id = t.getTokenId();
      if (id == Token.ID.StreamStart || id == Token.ID.StreamEnd || t.getStartMark().isEmpty()) {
        return;
      }
      int line = t.getStartMark().get().getLine() + 1;
      if (ended) {
        startDocument(line);
        ended = false;
      }
      if (t instanceof CommentToken c) {
        if (c.getCommentType() == CommentType.BLANK_LINE) {
          return;
        }
        Position at = position(c.getStartMark().get());
        comments.add(new Comment(at, c.getValue(), ownLine(at), document, !content));
      } else if (id == Token.ID.DocumentStart) {
        if (content || marker) {
          startDocument(line);
        }
        marker = true;
      } else if (id == Token.ID.DocumentEnd) {
        ended = true;
      } else if (id == Token.ID.Directive) {
        if (content) {
          startDocument(line);
        }
      } else {
        content = true;
      }
    }

    private void startDocument(int line) {
      document++;
      documentLines.add(line);
      content = false;
      marker = false;
    }

    /** Whether only blanks precede column {@code at} on its line. */
    private boolean ownLine(Position at) {
      if (lines == null) {
        lines = text.split("\\r\\n|\\r|\\n", -1);
      }
      if (at.line() > lines.length) {
        return false;
      }
      String l = lines[at.line() - 1];
      int end = l.offsetByCodePoints(0, Math.min(at.column() - 1, l.codePointCount(0, l.length())));
      return l.substring(0, end).isBlank();
    }
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
    text = stripByteOrderMarks(text);
    Overrun merge = recursiveMerge(text);
    if (merge != null) {
      throw new YamlSyntaxException(merge.error);
    }
    List<YNode> docs = new ArrayList<>();
    try {
      for (Node node : new Compose(settings).composeAllFromReader(new StringReader(text))) {
        docs.add(new Converter(true).convert(node, YPath.ROOT));
      }
    } catch (TreeProblem | YamlEngineException e) {
      throw new YamlSyntaxException(syntaxError(e, text, new Position(1, 1)));
    } catch (StackOverflowError e) {
      throw new YamlSyntaxException(new SyntaxError("the document is nested too deeply to read", new Position(1, 1)));
    }
    return docs;
  }

  private static void addObjects(YNode root, SourceFile file, int doc, List<K8sObject> out,
      List<TypeProblem> problems) {
    if (!(root instanceof YMap map)) {
      return;
    }
    if (Stream.of("apiVersion", "kind", "metadata").filter(k -> map.get(k).isPresent()).count() < 2) {
      // not meant as a Kubernetes object (values.yaml, docker-compose.yml, a Helm Chart.yaml with
      // only apiVersion): skipped quietly
      return;
    }
    TypeProblem problem = typeProblem(map);
    if (problem != null) {
      problems.add(problem);
      return;
    }
    String apiVersion = map.string("apiVersion").orElseThrow();
    String kind = map.string("kind").orElseThrow();
    if (kind.equals("List") || kind.endsWith("List") && map.seq("items").isPresent()) {
      for (YMap item : map.maps("items")) {
        addObjects(item, file, doc, out, problems);
      }
      return;
    }
    Optional<YMap> meta = map.map("metadata");
    String name = meta.flatMap(m -> m.string("name")).orElse(null);
    String namespace = meta.flatMap(m -> m.string("namespace")).orElse(null);
    out.add(new K8sObject(apiVersion, kind, name, namespace, map, file, doc));
  }

  /**
   * What is wrong with the apiVersion and kind of a mapping that has at least one of them, or
   * null when both are non-empty strings. {@code kind} is judged first: it says what the object is.
   */
  private static TypeProblem typeProblem(YMap map) {
    Optional<YNode> kind = map.get("kind");
    Optional<YNode> apiVersion = map.get("apiVersion");
    TypeProblem p = fieldProblem(map, "kind", kind, "Deployment");
    if (p == null) {
      p = fieldProblem(map, "apiVersion", apiVersion, "apps/v1");
    }
    return p;
  }

  private static TypeProblem fieldProblem(YMap map, String field, Optional<YNode> value, String example) {
    Map<String, String> args = new java.util.HashMap<>();
    args.put("field", field);
    args.put("example", example);
    if (value.isEmpty() || value.get() instanceof YScalar s && s.isNull()) {
      // a key written in another case ("apiversion") is the likely cause: point at it
      Optional<YScalar> miscased = value.isPresent() ? Optional.empty() : map.entries().stream().map(YMap.Entry::key)
          .filter(k -> k.value().equalsIgnoreCase(field)).findFirst();
      args.put("hint", miscased.map(k -> "; the key is written '" + k.value() + "', and keys are case-sensitive")
          .orElse(""));
      YNode at = value.isPresent() ? value.get() : miscased.isPresent() ? miscased.get() : map;
      Span span = at == map ? Span.point(map.span().start().line(), map.span().start().column()) : at.span();
      if (field.equals("kind")) {
        return new TypeProblem(span, at.path(), null, args);
      }
      args.put("kind", map.string("kind").orElse("the object"));
      return new TypeProblem(span, at.path(), "noApiVersion", args);
    }
    YNode v = value.get();
    if (!(v instanceof YScalar s) || !s.isString()) {
      args.put("got", describe(v));
      return new TypeProblem(v.span(), v.path(), "notAString", args);
    }
    if (s.value().isBlank()) {
      return new TypeProblem(v.span(), v.path(), "empty", args);
    }
    return null;
  }

  /** A value for messages: {@code integer 5}, {@code a list}, {@code a mapping}. */
  private static String describe(YNode n) {
    if (n instanceof YScalar s) {
      String type = switch (s.type()) {
        case INT -> "integer";
        case FLOAT -> "number";
        case BOOL -> "boolean";
        case NULL -> "null";
        case STRING -> "string";
      };
      return type + " " + s.value();
    }
    return n instanceof YMap ? "a mapping" : "a list";
  }

  private static String problem(MarkedYamlEngineException e) {
    String p = e.getProblem();
    if (p == null || p.isBlank()) {
      p = e.getContext();
    }
    if (p == null || p.isBlank()) {
      return message(e);
    }
    String ctx = e.getContext();
    if (ctx != null && !ctx.isBlank() && !ctx.equals(p)) {
      return p + " (" + ctx + ")";
    }
    return p;
  }

  private static String message(YamlEngineException e) {
    String m = e.getMessage();
    if (m == null) {
      return "the YAML could not be read";
    }
    if (m.contains("exceeds the limit")) {
      return "a document is larger than " + CODE_POINT_LIMIT + " code points, the limit podlint reads";
    }
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /**
   * The problem a loading exception describes, at the most useful position; {@code fallback} is
   * for errors the parser gives no position for (where reading stopped).
   */
  private static SyntaxError syntaxError(RuntimeException e, String text, Position fallback) {
    if (e instanceof TreeProblem t) {
      return new SyntaxError(t.getMessage(), t.position);
    }
    if (e instanceof MarkedYamlEngineException m) {
      return new SyntaxError(problem(m), where(m, text, fallback));
    }
    if (e instanceof ReaderException r) {
      return new SyntaxError(readerProblem(r), positionOfCodePoint(text, r.getPosition()));
    }
    String m = e.getMessage();
    if (m != null && m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      Optional<Position> alias = aliasOverLimit(text);
      if (alias.isPresent()) {
        return new SyntaxError("more than " + MAX_COLLECTION_ALIASES + " aliases of collections in one document, the"
            + " limit podlint expands (a \"billion laughs\" would exhaust memory); this alias is one too many",
            alias.get());
      }
    }
    return new SyntaxError(message((YamlEngineException) e), fallback);
  }

  /** Aliases of collections one document may hold (snakeyaml-engine counts them while composing). */
  static final int MAX_COLLECTION_ALIASES = 50;

  /**
   * Where a document first holds more than {@link #MAX_COLLECTION_ALIASES} aliases of collections,
   * counted as snakeyaml-engine's composer counts them (per document, aliases of a mapping or
   * sequence anchor only), from the parser's events, which carry positions; the composer's
   * exception does not.
   */
  private static Optional<Position> aliasOverLimit(String text) {
    LoadSettings plain = LoadSettings.builder().setUseMarks(true).setCodePointLimit(CODE_POINT_LIMIT).build();
    Map<String, Boolean> collection = new java.util.HashMap<>();
    int count = 0;
    try {
      for (Event ev : new Parse(plain).parseString(text)) {
        if (ev instanceof DocumentStartEvent) {
          collection.clear();
          count = 0;
        } else if (ev instanceof AliasEvent a) {
          if (collection.getOrDefault(a.getAlias().getValue(), false) && ++count > MAX_COLLECTION_ALIASES) {
            return a.getStartMark().map(ManifestLoader::position);
          }
        } else if (ev instanceof NodeEvent n && n.getAnchor().isPresent()) {
          collection.put(n.getAnchor().get().getValue(), !(ev instanceof ScalarEvent));
        }
      }
    } catch (YamlEngineException | StackOverflowError x) {
      // the position is a help, not a must: the caller falls back
    }
    return Optional.empty();
  }

  /**
   * YAML allows a byte order mark at the start of every document of a stream (files joined with
   * {@code cat}); snakeyaml-engine accepts it only at the very start, so marks at line starts go.
   */
  static String stripByteOrderMarks(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.indexOf('\uFEFF') < 0 ? text : LINE_START_BOM.matcher(text).replaceAll("");
  }

  private static final java.util.regex.Pattern LINE_START_BOM = java.util.regex.Pattern.compile("(?m)^\uFEFF");

  /**
   * Where a syntax error is: the problem mark, except when the parser only noticed the problem at
   * the end of the stream (an unclosed quote or bracket); then the place that opened it.
   */
  private static Position where(MarkedYamlEngineException e, String text, Position fallback) {
    Optional<Mark> problem = e.getProblemMark();
    Optional<Mark> context = e.getContextMark();
    if (problem.isPresent() && context.isPresent() && problem.get().getIndex() >= text.codePointCount(0, text.length())) {
      return position(context.get());
    }
    return problem.or(() -> context).map(ManifestLoader::position).orElse(fallback);
  }

  private static String readerProblem(ReaderException e) {
    return String.format("special character U+%04X is not allowed in YAML", e.getCodePoint());
  }

  /** The line and column of the code point at {@code index} of {@code text}. */
  static Position positionOfCodePoint(String text, int index) {
    int line = 1;
    int col = 1;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < index; cp++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
      if (c == '\n' || c == '\r' && !crlf) {
        line++;
        col = 1;
      } else if (!crlf) {
        col++;
      }
    }
    return new Position(line, col);
  }

  static Position position(Mark m) {
    return new Position(m.getLine() + 1, m.getColumn() + 1);
  }

  /** Converts one composed document; aliases map to the node of their anchor. */
  private static final class Converter {
    private final Map<Node, YNode> done = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    /**
     * Whether a node may be reached twice (an alias, or a merge key that hands out the nodes of
     * the mapping it merges), so that nodes must be recorded. Not without an anchor ({@code &}).
     */
    private final boolean shared;

    Converter(boolean shared) {
      this.shared = shared;
    }

    private int depth;

    YNode convert(Node node, YPath path) {
      YNode seen = shared ? done.get(node) : null;
      if (seen != null) {
        return seen;
      }
      if (!(node instanceof ScalarNode) && depth >= MAX_DEPTH) {
        throw new TreeProblem(TOO_DEEP, span(node).start());
      }
      depth++;
      try {
        return convertNew(node, path);
      } finally {
        depth--;
      }
    }

    private YNode convertNew(Node node, YPath path) {
      if (shared && inProgress.containsKey(node)) {
        throw new TreeProblem("a recursive alias refers to its own anchor", span(node).start());
      }
      if (shared) {
        inProgress.put(node, Boolean.TRUE);
      }
      Span span = span(node);
      YNode result;
      if (node instanceof ScalarNode s) {
        result = scalar(s, span, path);
      } else if (node instanceof SequenceNode seq) {
        // built as arrays and handed over as immutable lists, which the records keep without copying
        YNode[] items = new YNode[seq.getValue().size()];
        int i = 0;
        for (Node item : seq.getValue()) {
          items[i] = convert(item, path.index(i));
          i++;
        }
        result = new YSeq(List.of(items), span, path);
      } else {
        MappingNode map = (MappingNode) node;
        YMap.Entry[] entries = new YMap.Entry[map.getValue().size()];
        int i = 0;
        for (NodeTuple t : map.getValue()) {
          if (!(t.getKeyNode() instanceof ScalarNode k)) {
            throw new TreeProblem("a mapping key must be a scalar", span(t.getKeyNode()).start());
          }
          YScalar key = scalar(k, span(k), path);
          YNode value = convert(t.getValueNode(), path.key(k.getValue()));
          entries[i++] = new YMap.Entry(key, value);
        }
        result = new YMap(List.of(entries), span, path);
      }
      if (shared) {
        inProgress.remove(node);
        done.put(node, result);
      }
      return result;
    }

    /**
     * Types a scalar as Kubernetes reads it (YAML 1.1, see {@link Yaml11}) and notes whether the
     * YAML 1.2 Core reading (snakeyaml-engine's tag) disagrees. A tag written on the scalar is kept
     * and read as Go's reader reads it: {@code !!str} makes a string of anything, a standard tag
     * ({@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}) types the text as if it were
     * plain, quoted or not (see {@link YScalar#contradictsTag} for a text that does not fit), and
     * any other tag leaves the text a string.
     */
    private static YScalar scalar(ScalarNode s, Span span, YPath path) {
      Tag tag = s.getTag();
      if (!s.isResolved()) {
        return tagged(s, tag, span, path);
      }
      YScalar.Type core;
      if (tag.equals(Tag.INT)) {
        core = YScalar.Type.INT;
      } else if (tag.equals(Tag.FLOAT)) {
        core = YScalar.Type.FLOAT;
      } else if (tag.equals(Tag.BOOL)) {
        core = YScalar.Type.BOOL;
      } else if (tag.equals(Tag.NULL)) {
        core = YScalar.Type.NULL;
      } else {
        core = YScalar.Type.STRING;
      }
      if (!s.isPlain()) {
        return new YScalar(s.getValue(), core, true, false, span, path);
      }
      YScalar.Type kube = Yaml11.resolve(s.getValue());
      boolean ambiguous = kube != core || kube == YScalar.Type.INT && !sameInteger(s.getValue());
      return new YScalar(s.getValue(), kube, false, ambiguous, span, path);
    }

    /** A scalar with a tag written on it ({@code !!int "3"}, {@code !!str 3}, {@code !custom x}). */
    private static YScalar tagged(ScalarNode s, Tag tag, Span span, YPath path) {
      String value = s.getValue();
      String name = tag.getValue().startsWith(Tag.PREFIX) ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
          : tag.getValue();
      YScalar.Type type = YScalar.Type.STRING;
      if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
        type = Yaml11.resolve(value);
        if (tag.equals(Tag.FLOAT) && type == YScalar.Type.INT) {
          type = YScalar.Type.FLOAT; // Go makes a float64 of it
        }
      }
      // both readers follow the tag; only an octal 0755 still reads differently
      boolean ambiguous = type == YScalar.Type.INT && tag.equals(Tag.INT) && !sameInteger(value);
      return new YScalar(value, type, !s.isPlain(), ambiguous, span, path, name);
    }

    /** Whether YAML 1.2 Core (decimal, 0o, 0x) reads an integer as YAML 1.1 does (0755 is not). */
    private static boolean sameInteger(String v) {
      String digits = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
      return !(digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1)));
    }

    private static Span span(Node n) {
      Optional<Mark> s = n.getStartMark();
      Optional<Mark> e = n.getEndMark();
      Position start = s.isPresent() ? position(s.get()) : new Position(1, 1);
      Position end = e.isPresent() ? position(e.get()) : start;
      if (end.compareTo(start) < 0) {
        end = start;
      }
      return new Span(start, end);
    }
  }

  /** Strict decoding: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
  static String decode(byte[] bytes) throws DecodingException {
    Encoding e = encodingOf(bytes);
    return strict(bytes, e.bomLength(), e.charset());
  }

  /** How a file's bytes are encoded, and how many of them are its byte order mark. */
  record Encoding(java.nio.charset.Charset charset, int bomLength) {}

  static Encoding encodingOf(byte[] bytes) {
    int n = bytes.length;
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Encoding(StandardCharsets.UTF_16BE, 2);
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Encoding(StandardCharsets.UTF_16LE, 2);
    }
    // no BOM: a YAML stream starts with an ASCII character, which UTF-16 pairs with a zero byte
    if (n >= 2 && bytes[0] == 0 && bytes[1] != 0) {
      return new Encoding(StandardCharsets.UTF_16BE, 0);
    }
    if (n >= 2 && bytes[0] != 0 && bytes[1] == 0) {
      return new Encoding(StandardCharsets.UTF_16LE, 0);
    }
    int off = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    return new Encoding(StandardCharsets.UTF_8, off);
  }

  private static String strict(byte[] bytes, int offset, java.nio.charset.Charset cs) throws DecodingException {
    if (cs == StandardCharsets.UTF_8) {
      // the String constructor is much faster and puts U+FFFD where the bytes are malformed; only
      // text that holds U+FFFD (malformed, or a replacement character in the file) is checked strictly
      String fast = new String(bytes, offset, bytes.length - offset, cs);
      if (fast.indexOf('\uFFFD') < 0) {
        return fast;
      }
    }
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return dec.decode(in).toString();
    } catch (MalformedInputException e) {
      int bad = in.position();
      // decode the good prefix again to find the line and column of the bad byte
      String prefix = new String(bytes, offset, Math.max(0, bad - offset), cs);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < prefix.length(); i++) {
        if (prefix.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int col = prefix.codePointCount(lineStart, prefix.length()) + 1;
      throw new DecodingException("the file is not valid " + cs.name() + " text (bad byte at offset " + bad + ")",
          new Position(line, col));
    } catch (CharacterCodingException e) {
      throw new DecodingException("the file is not valid " + cs.name() + " text", new Position(1, 1));
    }
  }

  /** A document that composes but cannot become a podlint tree. */
  static final class TreeProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Position position;

    TreeProblem(String message, Position position) {
      super(message, null, false, false);
      this.position = position;
    }
  }

  static final class DecodingException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Position position;

    DecodingException(String message, Position position) {
      super(message);
      this.position = position;
    }
  }
}
