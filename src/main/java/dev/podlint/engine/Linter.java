package dev.podlint.engine;

import dev.podlint.load.Document;
import dev.podlint.load.InputProblem;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.ManifestText;
import dev.podlint.load.Reading;
import dev.podlint.load.SyntaxError;
import dev.podlint.load.Survey;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs rules over inputs: read, load, build views, run every applicable check, apply
 * suppressions, sort. Files are linted in parallel, and so are the parts of a large file (runs of
 * its documents); the result does not depend on the order or the number of threads.
 */
public final class Linter {
  /** The invalid-yaml rule is produced by the loader itself. */
  public static final String INVALID_YAML = "invalid-yaml";

  /**
   * Files whose text is longer (in chars) are linted in parts; smaller ones in one go, their trees
   * kept meanwhile. The system property {@code podlint.parts.above}, read when a linter is made,
   * sets another bound (tests lint every file in parts with 0).
   */
  static final int PARTS_ABOVE = 128 * 1024;
  /**
   * The text a part holds at most, unless one document is longer; the system property
   * {@code podlint.parts.size} sets another size.
   */
  static final int PART_SIZE = 16 * 1024;

  private final RuleCatalog catalog;
  private final LintOptions options;
  private final List<RuleDefinition> rules;
  private final RuleDefinition invalidYaml;
  /** The ids of the cross-object rules, whose findings are known only at the end of a run. */
  private final Set<String> runLevel;
  private final Fingerprints fingerprints;
  private final CheckRunner checks;
  private final int partsAbove = Integer.getInteger("podlint.parts.above", PARTS_ABOVE);
  private final int partSize = Math.max(1, Integer.getInteger("podlint.parts.size", PART_SIZE));

  /**
   * A linter that runs the given rules (from the catalog), their Java checks made by
   * {@code checks}.
   */
  public Linter(RuleCatalog catalog, Collection<RuleDefinition> enabled, LintOptions options, CheckFactory checks) {
    this.catalog = catalog;
    this.options = options;
    this.rules = enabled.stream().sorted(Comparator.comparing(RuleDefinition::id)).distinct().toList();
    RuleDefinition iy = null;
    // rules that share a classification read each other's definitions: the run's own, else the catalog's
    Map<String, RuleDefinition> byName = new HashMap<>();
    rules.forEach(r -> byName.put(r.name(), r));
    Function<String, RuleDefinition> lookup = n -> byName.containsKey(n) ? byName.get(n) : catalog.get(n);
    List<CheckRunner.Bound> bound = new ArrayList<>();
    for (RuleDefinition r : rules) {
      if (r.engine().equals("java")) {
        bound.add(new CheckRunner.Bound(r, checks.create(r, options, lookup)));
      } else if (r.isDeclarative()) {
        bound.add(new CheckRunner.Bound(r, DeclarativeCheck.create(r)));
      } else if (r.name().equals(INVALID_YAML)) {
        iy = r;
      }
    }
    this.invalidYaml = iy;
    this.runLevel = bound.stream().filter(b -> b.check() instanceof Check.RunCheck).map(b -> b.rule().id())
        .collect(Collectors.toUnmodifiableSet());
    this.fingerprints = new Fingerprints(options.fingerprintRoot());
    // what the networking model knows about images and injected sidecars (read by the inventory too)
    this.checks = new CheckRunner(bound, rules, catalog, fingerprints, dev.podlint.net.NetKnowledge.of(lookup));
  }

  /** A linter with every rule that is enabled by default. */
  public static Linter withDefaults(RuleCatalog catalog, LintOptions options, CheckFactory checks) {
    return new Linter(catalog, catalog.all().stream().filter(RuleDefinition::enabledByDefault).toList(), options,
        checks);
  }

  public List<RuleDefinition> rules() {
    return rules;
  }

  /**
   * Lints files and returns everything at once (tests, editors, small runs): the findings in the
   * order a {@link FindingSink} gets them. {@code stdin} is read for the {@code <stdin>} input.
   */
  public LintResult lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin) {
    Collector all = new Collector();
    LintRun run = lint(files, alreadyFailed, stdin, all);
    return new LintResult(rules, List.copyOf(all.findings), run.inputProblems(), run.internalErrors(), run.files(),
        run.documents(), run.objects());
  }

  /**
   * Lints files and streams their findings to {@code sink}: files are read and prepared in
   * parallel, a few per thread ahead of the one being reported, and handed over in name order; the
   * parts of a large file are linted in parallel too, a few ahead of the one being reported. So a
   * run holds the files and parts in flight and the cross-object rules' compact inventory, never
   * every finding nor a large file's trees. The fork-join pool of the calling task does the work
   * when there is one (tests pin the thread count that way), else a pool with a thread per processor.
   */
  public LintRun lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin,
      FindingSink sink) {
    List<SourceFile> ordered = files.stream().sorted(Comparator.comparing(SourceFile::displayName)).toList();
    InOrder stream = inOrder(sink);
    ForkJoinPool pool = pool();
    RunConfigMaps configMaps = RunConfigMaps.NONE;
    if (ordered.size() > 1 && !checks.isEmpty()) {
      // a pod may mount a ConfigMap of another file: read the run's ConfigMaps first
      stdin = readOnce(stdin, ordered);
      Supplier<InputStream> in = stdin;
      configMaps = RunConfigMapsReader.read(ordered, f -> ManifestLoader.read(f, f.isStdin() ? in.get() : null), pool);
    }
    RunConfigMaps runConfigMaps = configMaps;
    Supplier<InputStream> input = stdin;
    int window = window(pool);
    ArrayDeque<ForkJoinTask<FileWork>> ahead = new ArrayDeque<>();
    int next = 0;
    while (next < ordered.size() || !ahead.isEmpty()) {
      while (ahead.size() < window && next < ordered.size()) {
        SourceFile f = ordered.get(next++);
        ahead.add(pool.submit(() -> prepare(f, input, runConfigMaps)));
      }
      stream.file(ahead.poll().join(), pool, window, this::lintPart);
    }
    return stream.finish(alreadyFailed, files.size());
  }

  /**
   * {@code stdin} as a source that can be read twice when standard input is one of {@code files}
   * (its bytes are read now, or the failure to read them is kept for the run to report).
   */
  private static Supplier<InputStream> readOnce(Supplier<InputStream> stdin, List<SourceFile> files) {
    SourceFile in = files.stream().filter(SourceFile::isStdin).findFirst().orElse(null);
    if (in == null) {
      return stdin;
    }
    try {
      byte[] bytes = ManifestLoader.read(in, stdin.get()); // within the loader's size limit
      return () -> new java.io.ByteArrayInputStream(bytes);
    } catch (IOException e) {
      return () -> new InputStream() {
        @Override
        public int read() throws IOException {
          throw e;
        }
      };
    }
  }

  /** Lints text that is already in memory (tests, editors). */
  public LintResult lintText(SourceFile file, String text) {
    return lintText(file, text, RunConfigMaps.NONE);
  }

  /**
   * Lints text that is already in memory, whose pods may mount the ConfigMaps of
   * {@code configMaps} (other inputs of the same run, see {@link #configMaps}).
   */
  public LintResult lintText(SourceFile file, String text, RunConfigMaps configMaps) {
    Collector all = new Collector();
    InOrder stream = inOrder(all);
    ForkJoinPool pool = pool();
    stream.file(prepare(ManifestText.of(file, text), configMaps), pool, window(pool), this::lintPart);
    LintRun run = stream.finish(List.of(), 1);
    return new LintResult(rules, List.copyOf(all.findings), List.of(), run.internalErrors(), 1, run.documents(),
        run.objects());
  }

  /**
   * Lints texts already in memory together, as one run lints files (editors): the cross-object
   * rules see every one of them, and their pods may mount each other's ConfigMaps. Each text is
   * prepared as {@link #lintText} prepares its one; a failure while preparing one text is an
   * internal error of that text, and the others are still linted.
   */
  public LintResult lintTexts(Map<SourceFile, String> texts) {
    Collector all = new Collector();
    InOrder stream = inOrder(all);
    ForkJoinPool pool = pool();
    RunConfigMaps configMaps = texts.size() > 1 && !checks.isEmpty() ? configMaps(texts) : RunConfigMaps.NONE;
    List<ForkJoinTask<FileWork>> work = texts.keySet().stream()
        .sorted(Comparator.comparing(SourceFile::displayName))
        .map(f -> pool.submit(() -> {
          try {
            return prepare(ManifestText.of(f, texts.get(f)), configMaps);
          } catch (RuntimeException | StackOverflowError e) {
            FileWork w = new FileWork(f);
            w.internalErrors.add(f.displayName() + ": " + CheckRunner.describe(e));
            return w;
          } catch (OutOfMemoryError e) {
            FileWork w = new FileWork(f);
            w.internalErrors.add(outOfMemory(f, e));
            return w;
          }
        })).toList();
    for (ForkJoinTask<FileWork> w : work) {
      stream.file(w.join(), pool, window(pool), this::lintPart);
    }
    LintRun run = stream.finish(List.of(), texts.size());
    return new LintResult(rules, List.copyOf(all.findings), List.of(), run.internalErrors(), run.files(),
        run.documents(), run.objects());
  }

  private InOrder inOrder(FindingSink sink) {
    return new InOrder(sink, rules, catalog, options, runLevel, checks, fingerprints);
  }

  private static ForkJoinPool pool() {
    return ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : Workers.POOL;
  }

  /** Files, and parts of a file, linted ahead of the one being reported. */
  private static int window(ForkJoinPool pool) {
    return 4 * Math.max(1, pool.getParallelism());
  }

  /** A sink that keeps everything, for the methods that return a whole {@link LintResult}. */
  private static final class Collector implements FindingSink {
    final List<Finding> findings = new ArrayList<>();

    @Override
    public void part(SourceFile file, List<Finding> found) {
      findings.addAll(found);
    }

    @Override
    public void file(SourceFile file, List<Finding> found, InputProblem unreadable) {
      findings.addAll(found);
    }

    @Override
    public void rest(List<Finding> found) {
      findings.addAll(found);
    }
  }

  /** Threads for runs started outside a fork-join pool: one per processor (daemons), made on first use. */
  private static final class Workers {
    static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
  }

  /** How an internal error caused by a lack of memory starts, after the file's name. */
  public static final String OUT_OF_MEMORY = "out of memory";

  /** The ConfigMaps of texts already in memory, for {@link #lintText(SourceFile, String, RunConfigMaps)}. */
  public static RunConfigMaps configMaps(Map<SourceFile, String> texts) {
    return RunConfigMapsReader.read(List.copyOf(texts.keySet()),
        f -> texts.get(f).getBytes(StandardCharsets.UTF_8), ForkJoinPool.commonPool());
  }

  /**
   * Reads a file and prepares it (on a worker thread). Running out of memory on it (a file big for
   * the heap) is an internal error of that file: what it held is free again, and the other files
   * are still linted.
   */
  private FileWork prepare(SourceFile file, Supplier<InputStream> stdin, RunConfigMaps configMaps) {
    try {
      return readAndPrepare(file, stdin, configMaps);
    } catch (OutOfMemoryError e) {
      FileWork w = new FileWork(file);
      w.internalErrors.add(outOfMemory(file, e));
      return w;
    }
  }

  /** The internal error of {@code file} when linting it ran out of memory. */
  private static String outOfMemory(SourceFile file, OutOfMemoryError e) {
    return file.displayName() + ": " + OUT_OF_MEMORY + " (" + e.getMessage() + ", "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap)";
  }

  private FileWork readAndPrepare(SourceFile file, Supplier<InputStream> stdin, RunConfigMaps configMaps) {
    byte[] bytes;
    try {
      bytes = ManifestLoader.read(file, stdin.get());
    } catch (IOException e) {
      FileWork w = new FileWork(file);
      String m = e.getMessage();
      w.problem = new InputProblem(file.displayName(),
          e instanceof java.nio.file.AccessDeniedException ? "permission denied"
              : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
              : m == null ? e.getClass().getSimpleName() : m);
      return w;
    }
    try {
      ManifestText text = ManifestText.decode(file, bytes);
      bytes = null; // the text is what is kept: a large file's bytes go before it is surveyed
      return prepare(text, configMaps);
    } catch (RuntimeException | StackOverflowError e) {
      FileWork w = new FileWork(file);
      w.internalErrors.add(file.displayName() + ": " + CheckRunner.describe(e));
      return w;
    }
  }

  /**
   * Reads a file's documents: a small file is read and linted in one go; a large one is surveyed
   * and cut into parts of about {@link #PART_SIZE} chars, linted later.
   */
  private FileWork prepare(ManifestText text, RunConfigMaps configMaps) {
    FileWork w = new FileWork(text.file());
    w.configMaps = configMaps;
    w.comments = Suppressions.read(new LoadedFile(text.file(), List.of(), 0, Optional.empty(), text.comments(),
        text.documentLines()), catalog);
    Optional<SyntaxError> error;
    if (text.length() <= partsAbove) {
      List<Document> docs = new ArrayList<>();
      List<K8sObject> objects = new ArrayList<>();
      Reading reading = text.read();
      for (Document d = reading.next(); d != null; d = reading.next()) {
        docs.add(d);
        objects.addAll(d.objects());
      }
      error = reading.error();
      w.documents = reading.documents();
      w.objects = objects.size();
      // where each node's text ends, for the proposals of fixes (scanned only when one asks)
      w.whole = checks.lint(text.file(), FileObjects.of(objects, text.extents()), 0, docs, Set.of(), configMaps);
    } else {
      Survey survey = Survey.of(text);
      error = survey.error();
      w.survey = survey;
      w.documents = survey.documents();
      w.objects = survey.objects().size();
      w.partStarts = parts(survey);
    }
    if (error.isPresent() && invalidYaml != null) {
      SyntaxError e = error.get();
      Span at = Span.point(e.position().line(), e.position().column());
      w.fileFindings = fingerprints.hashed(List.of(new Finding(invalidYaml, invalidYaml.severity(),
          dev.podlint.rule.Template.render(invalidYaml.message(), Map.of("problem", e.problem())),
          text.file(), at, null, null, List.of(), null, null)));
    }
    return w;
  }

  /** The first document of each part, then the number of documents. */
  private int[] parts(Survey survey) {
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    for (int d = 0; d < survey.documents(); d++) {
      if (d == from) {
        starts.add(d);
      }
      if (survey.extent(d).end() - survey.extent(from).start() >= partSize) {
        from = d + 1;
      }
    }
    starts.add(survey.documents());
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Lints part {@code k} of a file linted in parts; a failure, running out of memory included, is
   * an internal error of the file.
   */
  private Part lintPart(FileWork w, int k, Set<BoundedRegex> gaveUp) {
    try {
      return checks.lint(w.file, w.objects(), k, w.documents(k), gaveUp, w.configMaps);
    } catch (RuntimeException | StackOverflowError e) {
      Part p = new Part(k, gaveUp);
      p.internalErrors.add(w.file.displayName() + ": " + CheckRunner.describe(e));
      return p;
    } catch (OutOfMemoryError e) {
      Part p = new Part(k, gaveUp);
      p.internalErrors.add(outOfMemory(w.file, e));
      return p;
    }
  }
}
