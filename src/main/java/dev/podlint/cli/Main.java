package dev.podlint.cli;

import dev.podlint.Podlint;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.schema.KubernetesSchemas;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** The entry point. Only {@link #main} exits the process; everything else returns a code. */
public final class Main {
  private static final Set<String> ROOT_WORDS = Set.of("lint", "advise", "init", "rules", "explain", "bench", "lsp", "help", "-h", "--help", "-V",
      "--version");

  /** The commands, for suggestions when the first word is none of them and no path either. */
  private static final List<String> COMMANDS = List.of("lint", "advise", "init", "rules", "explain", "bench", "lsp", "help");

  private Main() {}

  public static void main(String[] args) {
    preload(args);
    HeapWatch.start();
    PrintWriter out = StandardOutput.open();
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Path workingDir;
    try {
      workingDir = Path.of("").toAbsolutePath();
    } catch (java.nio.file.InvalidPathException e) {
      err.println("podlint: the name of the working directory cannot be read in " + System.getProperty("sun.jnu.encoding")
          + ", the file-name encoding of this locale; run podlint in a UTF-8 locale (LC_ALL=C.UTF-8)");
      err.flush();
      System.exit(ExitCodes.USAGE);
      return;
    }
    Env env = new Env(workingDir, System.in, System.getenv(), System.console() != null);
    int code = run(args, out, err, env);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Commands that read neither the rules nor the schemas. */
  private static final Set<String> NO_PRELOAD = Set.of("init", "help", "-h", "--help", "-V", "--version");

  /**
   * Reads podlint's rule files and indexes the newest Kubernetes version's schema definitions on a
   * second thread while picocli builds the commands on this one (together some 0.1-0.2 s of a
   * one-file lint that would otherwise run one after the other). The command itself asks for both
   * as usual and waits for the preload if it is not done; should the preload fail, the command
   * meets the same error itself and reports it.
   */
  private static void preload(String[] args) {
    if (args.length > 0 && NO_PRELOAD.contains(args[0])) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        RuleCatalog.builtin();
        KubernetesSchemas.forVersion(KubernetesSchemas.VERSIONS.get(KubernetesSchemas.VERSIONS.size() - 1))
            .readDefinitions();
      } catch (RuntimeException | Error e) { // out of memory too: never a stack trace from this thread
        // the command reads them again and reports what went wrong
      }
    }, "podlint-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * What a run may know of its surroundings; tests make their own.
   *
   * @param pinned values that differ from run to run or machine to machine, fixed (golden tests)
   */
  public record Env(Path workingDir, InputStream stdin, Map<String, String> variables, boolean terminal,
      Pinned pinned) {
    /** Surroundings as they are, nothing pinned. */
    public Env(Path workingDir, InputStream stdin, Map<String, String> variables, boolean terminal) {
      this(workingDir, stdin, variables, terminal, Pinned.NONE);
    }

    public boolean color() {
      return terminal && variables.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(variables.get("TERM"));
    }
  }

  /**
   * What a run reports that would otherwise depend on the build, the machine or the clock: fixed,
   * a report is the same byte for byte wherever and whenever it is made (the golden output tests).
   * Each null is measured as usual. podlint itself never pins anything.
   *
   * @param version the version reports name podlint by
   * @param srcRootUri the URI SARIF gives {@code %SRCROOT%} (else that of the working directory or
   *     {@code --srcroot}, which holds its absolute path)
   * @param elapsed how long the run took, in the summary line
   */
  public record Pinned(String version, String srcRootUri, java.time.Duration elapsed) {
    public static final Pinned NONE = new Pinned(null, null, null);
  }

  /** Runs podlint in-process and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Env env) {
    List<String> list = new ArrayList<>(List.of(args));
    if (list.isEmpty() || !ROOT_WORDS.contains(list.get(0))) {
      java.util.Optional<String> typo = list.isEmpty() ? java.util.Optional.empty()
          : CommandTypos.suggestion(list.get(0), env.workingDir(), COMMANDS);
      if (typo.isPresent()) {
        err.println("podlint: '" + list.get(0) + "' is not a command, nor a file or directory here; did you mean "
            + "'podlint " + typo.get() + "'?");
        err.println("Try 'podlint --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
      }
      list.add(0, "lint"); // `podlint [PATH...]` means `podlint lint [PATH...]`
    }
    CommandLine cl = new CommandLine(new PodlintCommand(), new Factory(env));
    // `podlint lint ...` (every one-file lint of an editor or a hook) needs no other command: picocli
    // builds each command it is given from its annotations, by reflection, some ms each
    for (Class<?> sub : list.get(0).equals("lint") ? List.of(LintCommand.class) : PodlintCommand.SUBCOMMANDS) {
      cl.addSubcommand(sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    for (CommandLine c : List.of(cl, cl.getSubcommands().get("lint"))) {
      c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
          .exitCodeList(ExitCodes.DESCRIPTIONS);
    }
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("podlint: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
      c.getErr().println("Try 'podlint " + (c.getCommandName().equals("podlint") ? "" : c.getCommandName() + " ")
          + "--help' for more information.");
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UserException u) {
        c.getErr().println("podlint: " + u.getMessage());
        return u.exitCode();
      }
      if (ex instanceof dev.podlint.model.BoundedRegex.TooSlowException slow) {
        // a pattern of the configuration met outside a rule (an exclude pattern on a path): fix the configuration
        c.getErr().println("podlint: " + slow.getMessage() + "; rewrite it without nested or overlapping repetition");
        return ExitCodes.USAGE;
      }
      c.getErr().println("podlint: internal error: " + ex + " (please report this, with the input if you can, to "
          + Podlint.HOME + ")");
      return ExitCodes.INTERNAL;
    });
    int code;
    try {
      code = cl.execute(list.toArray(String[]::new));
    } catch (OutOfMemoryError e) {
      // past what a file's own handling caught (see the linter): the reports complete so far are
      // written, one being written is left as it was
      err.println("podlint: out of memory (" + e.getMessage() + ", " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB of heap): " + MORE_MEMORY);
      code = ExitCodes.INTERNAL;
    } catch (StackOverflowError e) {
      err.println("podlint: internal error: " + e + " (please report this, with the input if you can, to "
          + Podlint.HOME + ")");
      code = ExitCodes.INTERNAL;
    } finally {
      err.flush();
    }
    String failed = StandardOutput.failure(out); // flushes
    if (failed != null) {
      err.println("podlint: cannot write to standard output: " + failed);
      err.flush();
      return ExitCodes.USAGE;
    }
    return code;
  }

  /** What to do when Java runs out of memory. */
  static final String MORE_MEMORY = "give Java more heap (PODLINT_JAVA_OPTS=-Xmx4g) or lint fewer or smaller files at a time";

  /** Creates commands with the run's environment. */
  private record Factory(Env env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == LintCommand.class) {
        return cls.cast(new LintCommand(env));
      }
      if (cls == AdviseCommand.class) {
        return cls.cast(new AdviseCommand(env));
      }
      if (cls == InitCommand.class) {
        return cls.cast(new InitCommand(env));
      }
      if (cls == RulesCommand.class) {
        return cls.cast(new RulesCommand(env));
      }
      if (cls == BenchCommand.class) {
        return cls.cast(new BenchCommand(env));
      }
      if (cls == LspCommand.class) {
        return cls.cast(new LspCommand(env));
      }
      if (cls == ExplainCommand.class) {
        return cls.cast(new ExplainCommand(env));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
