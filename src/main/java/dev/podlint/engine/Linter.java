package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.SyntaxError;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * Runs rules over inputs: read, load, build views, run every applicable check, apply
 * suppressions, sort. Files are linted in parallel; the result does not depend on the order.
 */
public final class Linter {
  /** The invalid-yaml rule is produced by the loader itself. */
  public static final String INVALID_YAML = "invalid-yaml";

  private record Bound(RuleDefinition rule, Check check) {}

  private final RuleCatalog catalog;
  private final LintOptions options;
  private final List<RuleDefinition> rules;
  private final List<Bound> checks = new ArrayList<>();
  private final RuleDefinition invalidYaml;
  private final RuleDefinition regexTooSlow;
  private final RuleDefinition typeProblems;
  private final boolean hasRunChecks;
  /** The ids of the cross-object rules, whose findings are known only at the end of a run. */
  private final java.util.Set<String> runLevel;
  /** Whether an exemption has a name pattern, which the end of a run may stop on (regex-too-slow). */
  private final boolean namePatterns;
  private final ManifestLoader loader = new ManifestLoader();
  /** What the networking model knows about images and injected sidecars (read by the inventory too). */
  private final dev.podlint.net.NetKnowledge netKnowledge;

  /** A linter that runs the given rules (from the catalog) with default options. */
  public Linter(RuleCatalog catalog, Collection<RuleDefinition> enabled) {
    this(catalog, enabled, LintOptions.DEFAULT);
  }

  /** A linter that runs the given rules (from the catalog). */
  public Linter(RuleCatalog catalog, Collection<RuleDefinition> enabled, LintOptions options) {
    this.catalog = catalog;
    this.options = options;
    this.rules = enabled.stream().sorted(java.util.Comparator.comparing(RuleDefinition::id)).distinct().toList();
    RuleDefinition iy = null;
    // rules that share a classification read each other's definitions: the run's own, else the catalog's
    Map<String, RuleDefinition> byName = new HashMap<>();
    rules.forEach(r -> byName.put(r.name(), r));
    java.util.function.Function<String, RuleDefinition> lookup = n -> byName.containsKey(n) ? byName.get(n) : catalog.get(n);
    for (RuleDefinition r : rules) {
      if (r.engine().equals("java")) {
        checks.add(new Bound(r, BuiltinChecks.create(r, options, lookup)));
      } else if (r.isDeclarative()) {
        checks.add(new Bound(r, DeclarativeCheck.create(r)));
      } else if (r.name().equals(INVALID_YAML)) {
        iy = r;
      }
    }
    this.invalidYaml = iy;
    this.netKnowledge = dev.podlint.net.NetKnowledge.of(lookup);
    this.regexTooSlow = rules.stream().filter(r -> r.name().equals(SlowRegexes.RULE)).findFirst().orElse(null);
    this.typeProblems = rules.stream().filter(r -> r.name().equals(TypeProblems.RULE)).findFirst().orElse(null);
    this.hasRunChecks = checks.stream().anyMatch(b -> b.check instanceof Check.RunCheck);
    this.runLevel = checks.stream().filter(b -> b.check instanceof Check.RunCheck).map(b -> b.rule.id())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.namePatterns = options.exemptions().stream().anyMatch(e -> e.name() != null);
  }

  /** A linter with every rule that is enabled by default. */
  public static Linter withDefaults(RuleCatalog catalog, LintOptions options) {
    return new Linter(catalog, catalog.all().stream().filter(RuleDefinition::enabledByDefault).toList(), options);
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
   * Lints files and streams their findings to {@code sink}: files are read and linted in parallel,
   * a few per thread ahead of the one being reported, and handed over in name order, so a run holds
   * the files in flight and the cross-object rules' compact inventory, never every finding. The
   * fork-join pool of the calling task does the work when there is one (tests pin the thread count
   * that way), else a pool with a thread per processor.
   */
  public LintRun lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin,
      FindingSink sink) {
    List<SourceFile> ordered = files.stream().sorted(java.util.Comparator.comparing(SourceFile::displayName)).toList();
    InOrder stream = new InOrder(sink);
    ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : Workers.POOL;
    RunConfigMaps configMaps = RunConfigMaps.NONE;
    if (ordered.size() > 1 && !checks.isEmpty()) {
      // a pod may mount a ConfigMap of another file: read the run's ConfigMaps first
      stdin = readOnce(stdin, ordered);
      Supplier<InputStream> in = stdin;
      configMaps = RunConfigMapsReader.read(ordered, f -> ManifestLoader.read(f, f.isStdin() ? in.get() : null), pool);
    }
    RunConfigMaps runConfigMaps = configMaps;
    Supplier<InputStream> input = stdin;
    int window = 4 * Math.max(1, pool.getParallelism());
    ArrayDeque<ForkJoinTask<FileResult>> inFlight = new ArrayDeque<>();
    int next = 0;
    while (next < ordered.size() || !inFlight.isEmpty()) {
      while (inFlight.size() < window && next < ordered.size()) {
        SourceFile f = ordered.get(next++);
        inFlight.add(pool.submit(() -> lintFile(f, input, runConfigMaps)));
      }
      stream.file(inFlight.poll().join());
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
    InOrder stream = new InOrder(all);
    stream.file(lintLoaded(loader.loadText(file, text), configMaps));
    LintRun run = stream.finish(List.of(), 1);
    return new LintResult(rules, List.copyOf(all.findings), List.of(), run.internalErrors(), 1, run.documents(),
        run.objects());
  }

  /** A sink that keeps everything, for the methods that return a whole {@link LintResult}. */
  private static final class Collector implements FindingSink {
    final List<Finding> findings = new ArrayList<>();

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

  /**
   * The in-order half of a run: finishes each file's findings (suppressions, fingerprints, the
   * first of once-per-run findings) and passes them on, keeping only what the end of the run needs.
   */
  private final class InOrder {
    private final FindingSink sink;
    private final Inventory inventory = new Inventory();
    private final List<InputProblem> problems = new ArrayList<>();
    private final List<String> internal = new ArrayList<>();
    /** Suppressions that name a cross-object rule: whether they did something is known at the end. */
    private final List<Suppressions.FileDirectives> pending = new ArrayList<>();
    private final java.util.Set<String> oncePerRun = new java.util.HashSet<>();
    /** Exemption name patterns stopped on an object, reported once (see Suppressions.apply). */
    private final java.util.Set<String> stopped = new java.util.HashSet<>();
    /**
     * How often each fingerprint of the rules whose findings come both per file and at the end
     * ({@code unused-suppression}, {@code regex-too-slow}) was given: their repeats are numbered
     * across the whole run, as one list of findings would number them.
     */
    private final Map<String, Integer> seenAcross = new HashMap<>();
    private int documents;
    private int objects;

    InOrder(FindingSink sink) {
      this.sink = sink;
    }

    void file(FileResult r) {
      documents += r.documents;
      objects += r.objects;
      internal.addAll(r.internalErrors);
      if (r.problem != null) {
        problems.add(r.problem);
      }
      if (r.inventory != null) {
        inventory.addAll(r.inventory);
      }
      List<Suppressions.FileDirectives> dirs = r.directives == null ? List.of() : List.of(r.directives);
      List<Finding> found = Suppressions.apply(r.findings, dirs, options.exemptions(), rules, catalog,
          x -> !runLevel.contains(x.id()), true, stopped);
      if (r.directives != null && Suppressions.names(r.directives, x -> runLevel.contains(x.id())
          || namePatterns && x.name().equals(SlowRegexes.RULE))) {
        pending.add(r.directives);
      }
      sink.file(r.file, finish(found), r.problem);
    }

    LintRun finish(List<InputProblem> alreadyFailed, int files) {
      List<Finding> found = new ArrayList<>();
      runChecks(inventory, found, internal);
      // the suppressions of cross-object rules in files already reported, and no problem a second time
      found = Suppressions.apply(found, pending, options.exemptions(), rules, catalog, x -> runLevel.contains(x.id()),
          false, stopped);
      sink.rest(finish(found));
      problems.addAll(alreadyFailed);
      // reported in a fixed order, whatever the order of the paths and of the threads
      problems.sort(java.util.Comparator.comparing(InputProblem::input).thenComparing(InputProblem::message));
      internal.sort(null);
      return new LintRun(rules, List.copyOf(problems), List.copyOf(internal), files, documents, objects);
    }

    /** Sorts, keeps the first of once-per-run findings and fingerprints: the same for every run. */
    private List<Finding> finish(List<Finding> findings) {
      findings.sort(Finding.ORDER);
      List<Finding> out = new ArrayList<>(findings.size());
      for (Finding f : withoutSecretsInFixes(findings)) {
        if (!f.rule().oncePerRun() || oncePerRun.add(f.rule().id() + "\u0000" + f.message())) {
          out.add(f);
        }
      }
      return List.copyOf(withTemplates(fingerprint(out, seenAcross)));
    }
  }

  private static final class FileResult {
    final SourceFile file;
    final List<Finding> findings = new ArrayList<>();
    final List<String> internalErrors = new ArrayList<>();
    InputProblem problem;
    Inventory inventory;
    Suppressions.FileDirectives directives;
    int documents;
    int objects;

    FileResult(SourceFile file) {
      this.file = file;
    }
  }

  /** How an internal error caused by a lack of memory starts, after the file's name. */
  public static final String OUT_OF_MEMORY = "out of memory";

  /** The ConfigMaps of texts already in memory, for {@link #lintText(SourceFile, String, RunConfigMaps)}. */
  public static RunConfigMaps configMaps(Map<SourceFile, String> texts) {
    return RunConfigMapsReader.read(List.copyOf(texts.keySet()),
        f -> texts.get(f).getBytes(StandardCharsets.UTF_8), ForkJoinPool.commonPool());
  }

  /**
   * Lints one file. Running out of memory on it (a file big for the heap) is an internal error of
   * that file: what it held is free again, and the other files are still linted.
   */
  private FileResult lintFile(SourceFile file, Supplier<InputStream> stdin, RunConfigMaps configMaps) {
    try {
      return readAndLint(file, stdin, configMaps);
    } catch (OutOfMemoryError e) {
      FileResult r = new FileResult(file);
      r.internalErrors.add(file.displayName() + ": " + OUT_OF_MEMORY + " (" + e.getMessage() + ", "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap)");
      return r;
    }
  }

  private FileResult readAndLint(SourceFile file, Supplier<InputStream> stdin, RunConfigMaps configMaps) {
    byte[] bytes;
    try {
      bytes = ManifestLoader.read(file, stdin.get());
    } catch (IOException e) {
      FileResult r = new FileResult(file);
      String m = e.getMessage();
      r.problem = new InputProblem(file.displayName(),
          e instanceof java.nio.file.AccessDeniedException ? "permission denied"
              : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
              : m == null ? e.getClass().getSimpleName() : m);
      return r;
    }
    try {
      return lintLoaded(loader.load(file, bytes), configMaps);
    } catch (RuntimeException | StackOverflowError e) {
      FileResult r = new FileResult(file);
      r.internalErrors.add(file.displayName() + ": " + describe(e));
      return r;
    }
  }

  private FileResult lintLoaded(LoadedFile loaded, RunConfigMaps configMaps) {
    FileResult r = new FileResult(loaded.file());
    dev.podlint.model.BoundedRegex.startScope(); // this file's objects, on this thread
    r.documents = loaded.documents();
    r.objects = loaded.objects().size();
    r.directives = Suppressions.read(loaded, catalog);
    if (loaded.error().isPresent() && invalidYaml != null) {
      SyntaxError e = loaded.error().get();
      Span at = Span.point(e.position().line(), e.position().column());
      r.findings.add(new Finding(invalidYaml, invalidYaml.severity(),
          dev.podlint.rule.Template.render(invalidYaml.message(), Map.of("problem", e.problem())),
          loaded.file(), at, null, null, List.of(), null, null));
    }
    r.findings.addAll(TypeProblems.of(typeProblems, loaded));
    for (K8sObject o : loaded.objects()) {
      List<Finding> found = new ArrayList<>();
      PodView pod = PodView.of(o, loaded.objects(), configMaps).orElse(null);
      if (hasRunChecks) {
        if (r.inventory == null) {
          r.inventory = new Inventory();
        }
        r.inventory.add(o, pod, netKnowledge);
      }
      for (Bound b : checks) {
        if (b.check instanceof Check.RunCheck || !b.rule.appliesTo(o.kind())) {
          continue;
        }
        Findings out = new Findings(b.rule, o, found);
        try {
          if (b.check instanceof Check.ObjectCheck c) {
            c.check(o, out);
          } else if (b.check instanceof Check.PodCheck c) {
            if (pod != null) {
              c.check(pod, out);
            }
          } else if (b.check instanceof Check.ContainerCheck c && pod != null) {
            for (ContainerView cv : pod.containers()) {
              c.check(pod, cv, out);
            }
          }
        } catch (dev.podlint.model.BoundedRegex.TooSlowException e) {
          SlowRegexes.report(regexTooSlow, e, b.rule, o, found);
        } catch (RuntimeException | StackOverflowError e) {
          r.internalErrors.add(o.file().displayName() + ": rule " + b.rule.name() + " failed on " + o.identity()
              + ": " + describe(e));
        }
      }
      r.findings.addAll(found);
    }
    List<Finding> hashed = hashed(r.findings);
    r.findings.clear();
    r.findings.addAll(hashed);
    return r;
  }

  /** Runs the cross-object rules over the whole run's inventory. */
  private void runChecks(Inventory inventory, List<Finding> findings, List<String> internal) {
    for (Bound b : checks) {
      if (!(b.check instanceof Check.RunCheck c)) {
        continue;
      }
      List<Finding> found = new ArrayList<>();
      try {
        c.check(inventory, o -> new Findings(b.rule, o, found));
      } catch (RuntimeException | StackOverflowError e) {
        internal.add("rule " + b.rule.name() + " failed: " + describe(e));
      }
      findings.addAll(found);
    }
  }

  private static String describe(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    String where = st.length > 0 ? " at " + st[0] : "";
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where;
  }

  /**
   * Names the Helm template each finding's object was rendered from as a related location (no
   * region: the line in the template is not known).
   */
  private static List<Finding> withTemplates(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      SourceFile template = f.object() == null ? null : f.object().renderedFrom();
      out.add(template == null ? f : f.withRelated(List.of(new Finding.Related(template, null,
          "rendered from the Helm template " + template.displayName()))));
    }
    return out;
  }

  /** The rule whose findings mark an object as holding a literal secret. */
  static final String SECRET_RULE = "secret-in-env";

  /**
   * Drops proposed fixes of objects that hold a literal secret: a fix repeats the object's text,
   * and reports travel to CI logs and code scanning, where a secret must not be copied. The
   * finding stays; {@code podlint advise} still prints the proposal locally.
   */
  private static List<Finding> withoutSecretsInFixes(List<Finding> findings) {
    java.util.Set<String> secret = new java.util.HashSet<>();
    for (Finding f : findings) {
      if (f.rule().name().equals(SECRET_RULE) && f.object() != null) {
        secret.add(f.file().displayName() + "\u0000" + f.object().documentIndex() + "\u0000" + f.object().identity());
      }
    }
    if (secret.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      boolean holds = f.fix() != null && f.object() != null && secret.contains(
          f.file().displayName() + "\u0000" + f.object().documentIndex() + "\u0000" + f.object().identity());
      out.add(holds ? f.withoutFix() : f);
    }
    return out;
  }

  /** Gives each finding a fingerprint made of rule, file, object and field, never the line. */
  private List<Finding> fingerprint(List<Finding> sorted, Map<String, Integer> seenAcross) {
    Map<String, Integer> seen = new HashMap<>();
    Map<dev.podlint.model.SourceFile, String> names = new HashMap<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding f : sorted) {
      // hashed in the parallel part of the run when the finding was made there (see hashed)
      String hash = f.fingerprint() != null ? f.fingerprint() : sha(base(f, names));
      String rule = f.rule().name();
      boolean across = rule.equals(Suppressions.UNUSED_SUPPRESSION) || rule.equals(SlowRegexes.RULE);
      int n = (across ? seenAcross : seen).merge(hash, 1, Integer::sum);
      out.add(f.withFingerprint(hash + (n > 1 ? ":" + n : "")));
    }
    return out;
  }

  /**
   * Gives a file's findings the hash of their fingerprint, so that the file's worker thread does the
   * hashing and the in-order part only numbers findings whose hashes repeat.
   */
  private List<Finding> hashed(List<Finding> findings) {
    Map<dev.podlint.model.SourceFile, String> names = new HashMap<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(f.withFingerprint(sha(base(f, names))));
    }
    return out;
  }

  /** What a fingerprint hashes: rule, file, object and field, never the line. */
  private String base(Finding f, Map<dev.podlint.model.SourceFile, String> names) {
    return f.rule().id() + "\u0000" + names.computeIfAbsent(f.file(), this::fingerprintName) + "\u0000"
        + (f.object() == null ? f.message() : f.object().identity() + "\u0000" + f.path());
  }

  /**
   * The name of a file in fingerprints: its path relative to the fingerprint root when it has one
   * below it (what SARIF writes as the URI), so `bad.yaml`, `./bad.yaml` and its absolute path give
   * one fingerprint; else the name as given.
   */
  private String fingerprintName(dev.podlint.model.SourceFile file) {
    java.nio.file.Path root = options.fingerprintRoot();
    if (root == null || file.path() == null || file.isStdin()) {
      return file.displayName();
    }
    java.nio.file.Path abs = file.path().toAbsolutePath().normalize();
    java.nio.file.Path base = root.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private static String sha(String s) {
    byte[] d = SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 16);
  }
}
