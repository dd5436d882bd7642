package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.load.FileReads;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.SyntaxError;
import dev.podlint.load.YamlSyntaxException;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.report.Baseline;
import dev.podlint.report.Formats;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/**
 * Fuzz targets (Jazzer) for the loader, the engine with every rule of the catalogue, and every
 * report format. Bad input may give findings and input problems, never an exception, an internal
 * error or a report that does not parse.
 *
 * <p>In a normal build each target runs once per seed (regression mode): the {@link #seeds} taken
 * from {@code testdata/}, and the inputs under {@code src/test/resources/dev/podlint/LintFuzzTestInputs/}
 * (crashes found by fuzzing, kept so that they stay fixed). With {@code JAZZER_FUZZ=1} Jazzer fuzzes
 * one target; {@code .ci/fuzz-test.sh} runs each in turn and gives libFuzzer all of
 * {@code testdata/} as its seed corpus.
 */
class LintFuzzTest {
  /** Every rule, the ones off by default included. */
  static final RuleCatalog CATALOG = RuleCatalog.builtin();
  static final Linter LINTER = TestSupport.linter(CATALOG, CATALOG.all());
  static final SourceFile FILE = new SourceFile("fuzz.yaml", null);
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Whether Jazzer fuzzes ({@code JAZZER_FUZZ} set) rather than replays the seeds. */
  static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();

  /**
   * How long one seed may take in regression mode, so that a hang fails its test instead of the
   * build (when fuzzing, libFuzzer's {@code -timeout} turns a hang into a finding).
   */
  static final Duration SEED_LIMIT = Duration.ofSeconds(60); // a hang guard only, never a speed bound

  static void bounded(Executable target) throws Throwable {
    if (FUZZING) {
      target.execute();
    } else {
      assertTimeoutPreemptively(SEED_LIMIT, target);
    }
  }

  /**
   * The seeds of regression mode, by path so that they and their order are reproducible: every
   * YAML file outside testdata/rules/ and the first bad fixture of each rule (all of testdata/ takes
   * too long for every build). None when fuzzing: libFuzzer then reads testdata/ itself (see
   * {@code .ci/fuzz-test.sh}), which is much faster than a JUnit invocation per seed.
   */
  static Stream<Arguments> seeds() throws IOException {
    if (FUZZING) {
      return Stream.empty();
    }
    Path rules = TestSupport.TESTDATA.resolve("rules");
    java.util.Set<Path> ruleDirsSeen = new java.util.HashSet<>();
    try (Stream<Path> files = Files.walk(TestSupport.TESTDATA)) {
      List<Path> yaml = files.filter(p -> Files.isRegularFile(p)
              && (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")))
          .sorted()
          .filter(p -> !p.startsWith(rules)
              || p.getFileName().toString().startsWith("bad-") && ruleDirsSeen.add(p.getParent()))
          .toList();
      return yaml.stream().map(p -> {
        try {
          return Arguments.of(Named.of(TestSupport.ROOT.relativize(p).toString(), Files.readAllBytes(p)));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  // ---- the loader: bytes to objects, decodeText, and the one-document parser of rule and config files

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "45s")
  void loader(byte[] data) throws Throwable {
    bounded(() -> load(data));
  }

  static void load(byte[] data) {
    ManifestLoader loader = new ManifestLoader();
    LoadedFile loaded = loader.load(FILE, data);
    String text;
    try {
      text = ManifestLoader.decodeText(data);
    } catch (IOException e) {
      assertTrue(loaded.error().isPresent(), "decodeText refused what load read: " + e.getMessage());
      return;
    }
    loaded.error().ifPresent(e -> assertInside(e, text));
    try {
      loader.parseDocuments(text);
    } catch (YamlSyntaxException e) {
      assertInside(e.error(), text);
    }
  }

  /** A problem's position is a place in the text (a line that exists, or the one after the last). */
  static void assertInside(SyntaxError e, String text) {
    Position p = e.position();
    String[] lines = text.split("\r\n|\r|\n", -1);
    assertTrue(p.line() >= 1 && p.column() >= 1 && p.line() <= lines.length + 1,
        () -> "'" + e.problem() + "' at " + p + " is outside the text of " + lines.length + " lines");
    if (p.line() <= lines.length) {
      String line = lines[p.line() - 1];
      assertTrue(p.column() <= line.codePointCount(0, line.length()) + 1,
          () -> "'" + e.problem() + "' at " + p + " is beyond the end of its line");
    }
  }

  // ---- the size limit every read has: read whole up to it, refused one byte past it

  /** One file the limits target writes each input to (reused: fuzzing makes many inputs a second). */
  static Path limitsFile;

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "45s")
  void limits(byte[] data) throws Throwable {
    bounded(() -> limitsOn(data));
  }

  /**
   * Reads {@code data} from a stream (whole, and a byte at a time as a slow pipe gives it) and from
   * a file, with limits just under, at and just over its length: exactly the bytes when they fit,
   * else refused with the limit named, and a stream never read further than one byte past it.
   */
  static void limitsOn(byte[] data) throws IOException {
    if (limitsFile == null) {
      limitsFile = Files.createTempFile("podlint-fuzz-limits", ".yaml");
      limitsFile.toFile().deleteOnExit();
    }
    Files.write(limitsFile, data);
    for (int limit : new int[] {Math.max(0, data.length - 1), data.length, data.length + 1}) {
      CountingStream whole = new CountingStream(data, false);
      CountingStream trickle = new CountingStream(data, true);
      for (CountingStream in : List.of(whole, trickle)) {
        expectRead(data, limit, () -> FileReads.read(in, limit));
        assertTrue(in.count <= limit + 1L, "read " + in.count + " bytes with a limit of " + limit);
      }
      expectRead(data, limit, () -> FileReads.read(limitsFile, limit));
    }
  }

  interface Read {
    byte[] get() throws IOException;
  }

  static void expectRead(byte[] data, int limit, Read read) throws IOException {
    try {
      byte[] got = read.get();
      assertTrue(data.length <= limit, data.length + " bytes read with a limit of " + limit);
      org.junit.jupiter.api.Assertions.assertArrayEquals(data, got);
    } catch (FileReads.Refused e) {
      assertTrue(data.length > limit, "refused " + data.length + " bytes with a limit of " + limit + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("the " + FileReads.size(limit) + " podlint reads"), e.getMessage());
    }
  }

  /** A stream over {@code data} that counts the bytes taken, whole reads or one byte at a time. */
  static final class CountingStream extends java.io.InputStream {
    private final byte[] data;
    private final boolean trickle;
    long count;

    CountingStream(byte[] data, boolean trickle) {
      this.data = data;
      this.trickle = trickle;
    }

    @Override
    public int read() {
      return count < data.length ? data[(int) count++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (count >= data.length) {
        return -1;
      }
      int n = (int) Math.min(trickle ? 1 : len, data.length - count);
      System.arraycopy(data, (int) count, b, off, n);
      count += n;
      return n;
    }
  }

  // ---- the engine: every rule, through the file API (the bytes arrive as standard input would)

  static LintResult lint(byte[] data) {
    LintResult r = LINTER.lint(List.of(FILE), List.of(), () -> new ByteArrayInputStream(data));
    assertEquals(List.of(), r.internalErrors(), "internal errors");
    assertEquals(List.of(), r.inputProblems(), "input problems");
    return r;
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "45s")
  void engine(byte[] data) throws Throwable {
    bounded(() -> engineOn(data));
  }

  static void engineOn(byte[] data) {
    LintResult r = lint(data);
    r.findings().forEach(f -> assertTrue(f.span().start().line() >= 1 && f.span().start().column() >= 1,
        () -> "finding without a place: " + f));
  }

  // ---- every report format on the engine's result; the JSON, SARIF and XML ones must parse

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "45s")
  void reports(byte[] data) throws Throwable {
    bounded(() -> reportsOn(data));
  }

  /** What a format's report must be besides written without an exception: JSON, SARIF and XML must parse. */
  static final Map<String, Consumer<String>> VALID = Map.of(
      "json", LintFuzzTest::json,
      "sarif", sarif -> {
        json(sarif);
        SarifReporterTest.assertValid(sarif);
      },
      "junit", LintFuzzTest::wellFormedXml,
      "checkstyle", LintFuzzTest::wellFormedXml);

  /** Every format of {@link Formats}, in colour too. */
  static void reportsOn(byte[] data) throws IOException {
    LintResult r = lint(data);
    // odd lengths also compare with an (empty) baseline: SARIF then writes baselineState
    Baseline.Comparison baseline = data.length % 2 == 0 ? null : new Baseline.Comparison(Set.of());
    for (Formats.Format f : Formats.all()) {
      String report = CollectedReport.write(f.reporter(new Formats.Settings(Severity.WARNING, false)), r,
          "0.0.0-fuzz", Path.of("."), baseline);
      VALID.getOrDefault(f.name(), x -> {}).accept(report);
      // in colour too (a terminal): checked for exceptions only
      CollectedReport.write(f.reporter(new Formats.Settings(Severity.WARNING, true)), r, "0.0.0-fuzz", Path.of("."),
          baseline);
    }
  }

  static void json(String text) {
    try {
      JSON.readTree(text);
    } catch (IOException e) {
      fail("not JSON (" + e.getMessage() + "):\n" + text);
    }
  }

  static void wellFormedXml(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null); // no "[Fatal Error]" lines on standard error: the exception says it
      b.parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      fail("not well-formed XML (" + e.getMessage() + "):\n" + xml);
    }
  }
}
