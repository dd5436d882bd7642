package dev.podlint.engine;

import dev.podlint.load.InputProblem;
import dev.podlint.load.LoadedFile;
import dev.podlint.load.ManifestLoader;
import dev.podlint.load.SyntaxError;
import dev.podlint.model.ContainerView;
import dev.podlint.model.K8sObject;
import dev.podlint.model.PodView;
import dev.podlint.model.SourceFile;
import dev.podlint.model.Span;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
  private final ManifestLoader loader = new ManifestLoader();

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
    this.regexTooSlow = rules.stream().filter(r -> r.name().equals(SlowRegexes.RULE)).findFirst().orElse(null);
    this.typeProblems = rules.stream().filter(r -> r.name().equals(TypeProblems.RULE)).findFirst().orElse(null);
    this.hasRunChecks = checks.stream().anyMatch(b -> b.check instanceof Check.RunCheck);
  }

  /** A linter with every rule that is enabled by default. */
  public static Linter withDefaults(RuleCatalog catalog, LintOptions options) {
    return new Linter(catalog, catalog.all().stream().filter(RuleDefinition::enabledByDefault).toList(), options);
  }

  public List<RuleDefinition> rules() {
    return rules;
  }

  /** Lints files; {@code stdin} is read for the {@code <stdin>} input. */
  public LintResult lint(List<SourceFile> files, List<InputProblem> alreadyFailed, Supplier<InputStream> stdin) {
    List<FileResult> results = files.parallelStream().map(f -> lintFile(f, stdin)).toList();
    List<Finding> findings = new ArrayList<>();
    Inventory inventory = new Inventory();
    List<InputProblem> problems = new ArrayList<>(alreadyFailed);
    List<String> internal = new ArrayList<>();
    List<Suppressions.FileDirectives> directives = new ArrayList<>();
    int documents = 0;
    int objects = 0;
    for (FileResult r : results) {
      findings.addAll(r.findings);
      if (r.directives != null) {
        directives.add(r.directives);
      }
      if (r.problem != null) {
        problems.add(r.problem);
      }
      internal.addAll(r.internalErrors);
      if (r.inventory != null) {
        inventory.addAll(r.inventory);
      }
      documents += r.documents;
      objects += r.objects;
    }
    runChecks(inventory, findings, internal);
    // reported in a fixed order, whatever the order of the paths and of the threads
    problems.sort(java.util.Comparator.comparing(InputProblem::input).thenComparing(InputProblem::message));
    internal.sort(null);
    return new LintResult(rules, finish(suppress(findings, directives)), List.copyOf(problems),
        List.copyOf(internal), files.size(), documents, objects);
  }

  /** Lints text that is already in memory (tests, editors). */
  public LintResult lintText(SourceFile file, String text) {
    FileResult r = lintLoaded(loader.loadText(file, text));
    List<Finding> findings = new ArrayList<>(r.findings);
    List<String> internal = new ArrayList<>(r.internalErrors);
    runChecks(r.inventory == null ? new Inventory() : r.inventory, findings, internal);
    List<Suppressions.FileDirectives> directives = r.directives == null ? List.of() : List.of(r.directives);
    return new LintResult(rules, finish(suppress(findings, directives)), List.of(), List.copyOf(internal), 1,
        r.documents, r.objects);
  }

  /** Applies the run's suppressions and exemptions, and reports the suppressions that do nothing. */
  private List<Finding> suppress(List<Finding> findings, List<Suppressions.FileDirectives> directives) {
    return new ArrayList<>(Suppressions.apply(findings, directives, options.exemptions(), rules, catalog));
  }

  private static final class FileResult {
    final List<Finding> findings = new ArrayList<>();
    final List<String> internalErrors = new ArrayList<>();
    InputProblem problem;
    Inventory inventory;
    Suppressions.FileDirectives directives;
    int documents;
    int objects;
  }

  private FileResult lintFile(SourceFile file, Supplier<InputStream> stdin) {
    byte[] bytes;
    try {
      bytes = ManifestLoader.read(file, stdin.get());
    } catch (IOException e) {
      FileResult r = new FileResult();
      String m = e.getMessage();
      r.problem = new InputProblem(file.displayName(),
          e instanceof java.nio.file.AccessDeniedException ? "permission denied"
              : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
              : m == null ? e.getClass().getSimpleName() : m);
      return r;
    }
    try {
      return lintLoaded(loader.load(file, bytes));
    } catch (RuntimeException | StackOverflowError e) {
      FileResult r = new FileResult();
      r.internalErrors.add(file.displayName() + ": " + describe(e));
      return r;
    }
  }

  private FileResult lintLoaded(LoadedFile loaded) {
    FileResult r = new FileResult();
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
      PodView pod = PodView.of(o, loaded.objects()).orElse(null);
      if (hasRunChecks) {
        if (r.inventory == null) {
          r.inventory = new Inventory();
        }
        r.inventory.add(o, pod);
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

  /** Sorts, keeps the first of once-per-run findings and fingerprints: the same for every run. */
  private List<Finding> finish(List<Finding> findings) {
    findings.sort(Finding.ORDER);
    return List.copyOf(withTemplates(fingerprint(oncePerRun(withoutSecretsInFixes(findings)))));
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

  /** Keeps only the first finding per message of rules marked {@code oncePerRun} (input is sorted). */
  private static List<Finding> oncePerRun(List<Finding> sorted) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding f : sorted) {
      if (!f.rule().oncePerRun() || seen.add(f.rule().id() + "\u0000" + f.message())) {
        out.add(f);
      }
    }
    return out;
  }

  /** Gives each finding a fingerprint made of rule, file, object and field, never the line. */
  private List<Finding> fingerprint(List<Finding> sorted) {
    Map<String, Integer> seen = new HashMap<>();
    Map<dev.podlint.model.SourceFile, String> names = new HashMap<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding f : sorted) {
      String base = f.rule().id() + "\u0000" + names.computeIfAbsent(f.file(), this::fingerprintName) + "\u0000"
          + (f.object() == null ? f.message() : f.object().identity() + "\u0000" + f.path());
      int n = seen.merge(base, 1, Integer::sum);
      out.add(f.withFingerprint(sha(base) + (n > 1 ? ":" + n : "")));
    }
    return out;
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

  private static String sha(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
