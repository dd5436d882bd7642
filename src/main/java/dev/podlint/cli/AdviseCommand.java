package dev.podlint.cli;

import dev.podlint.advise.Knowledge;
import dev.podlint.checks.Checks;
import dev.podlint.engine.Linter;
import dev.podlint.engine.TextEdits;
import dev.podlint.load.EditableText;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.report.TextEscape;
import dev.podlint.net.NetKnowledge;
import dev.podlint.load.InputProblem;
import dev.podlint.load.Inputs;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podlint advise}: for every pod that holds independent services, the proposed split
 * (the edits of unrelated-services-in-pod's fix): printed as the whole file, as a unified diff,
 * or applied to the file in place.
 */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    sortOptions = false,
    description = {
        "Proposes how to split pods that run independent services.",
        "",
        "Each pod's workload becomes one workload per independent service (helpers stay with the container "
            + "they serve; data services become StatefulSets), with a Service for each moved service, Services "
            + "of the file pointed at the part that serves their ports, and localhost references rewritten to "
            + "the Service names. Comments in the proposal say what moved and why.",
        "",
        "By default each file that holds such a pod is printed with the proposal in place; files without "
            + "such pods are not printed. --diff prints a unified diff instead, and --apply rewrites the files "
            + "(atomically; only the split objects and the Services pointed elsewhere change, every other byte "
            + "stays; a file that changed since podlint read it is left alone and the exit code is 3)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:proposals printed, or applied (or nothing to propose)",
        "2:usage error (bad option, invalid configuration, --apply with standard input, a file not writable)",
        "3:an input could not be read, holds invalid YAML, or changed while podlint worked (not rewritten)"})
public final class AdviseCommand implements Callable<Integer> {
  static final String RULE = "unrelated-services-in-pod";

  private final Main.Env env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to read (directories recursively; - for standard input). Default: .")
  List<String> paths = new ArrayList<>();

  @Option(names = "--diff", description = "Print a unified diff of each file against the proposal instead of the whole file.")
  boolean diff;

  @Option(names = "--apply", description = "Rewrite the input files in place with the proposals (not standard input).")
  boolean apply;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the proposal (or diff) to FILE (atomically) instead of standard output; FILE must not be an input.")
  String output;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the summary line on standard error.")
  boolean quiet;

  @picocli.CommandLine.Mixin
  ConfigOptions configOptions = new ConfigOptions();

  AdviseCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (apply && (diff || output != null)) {
      throw new UserException(ExitCodes.USAGE, "--apply rewrites the input files; it takes neither --diff nor -o");
    }
    if (apply && paths.contains("-")) {
      throw new UserException(ExitCodes.USAGE, "--apply rewrites files in place, and standard input is no file; "
          + "name the files, or leave out --apply to print the proposal");
    }
    dev.podlint.config.Configuration configuration = configOptions.load(env, RuleCatalog.builtin(), err,
        "nothing was advised (--no-config advises without it)");
    RuleCatalog catalog = configuration.catalog();
    RuleDefinition rule = catalog.get(RULE); // with the configured helpers and servers
    if (!rule.enabledByDefault()) {
      err.println("podlint advise: " + RULE + " is off in the configuration; nothing to advise");
      return ExitCodes.OK;
    }
    Linter linter = new Linter(catalog, List.of(rule, catalog.get(Linter.INVALID_YAML)),
        configuration.options(null, null), Checks.BUILTIN);
    Knowledge knowledge = Knowledge.of(rule);
    NetKnowledge net = NetKnowledge.of(catalog::get); // with the configured image ports
    Inputs.Expansion inputs = Inputs.expand(paths, env.workingDir());
    Path target;
    try {
      target = output == null ? null : env.workingDir().resolve(output);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UserException(ExitCodes.USAGE, "invalid value for option '--output': " + e.getMessage());
    }
    if (target != null) {
      new OutputTargets(inputs).claim(target, output, "the proposal");
    }
    if (!quiet) {
      inputs.notFollowed().forEach(note -> err.println("podlint: " + TextEscape.value(note)));
    }
    int status = ExitCodes.OK;
    for (InputProblem p : inputs.problems()) {
      err.println("podlint: cannot read " + TextEscape.fileName(p.input()) + ": " + TextEscape.value(p.message()));
      status = ExitCodes.INPUT;
    }
    StringWriter proposal = new StringWriter();
    int files = 0;
    int pods = 0;
    int skipped = 0;
    // every input is read first: a pod may mount a ConfigMap of another input
    Map<SourceFile, byte[]> read = new LinkedHashMap<>();
    Map<SourceFile, EditableText> texts = new LinkedHashMap<>();
    for (SourceFile f : inputs.files()) {
      try {
        byte[] bytes = ManifestLoader.read(f, env.stdin());
        texts.put(f, EditableText.decode(bytes));
        read.put(f, bytes);
      } catch (IOException e) {
        err.println("podlint: cannot read " + TextEscape.fileName(f.displayName()) + ": " + TextEscape.value(String.valueOf(e.getMessage())));
        status = ExitCodes.INPUT;
      }
    }
    Map<SourceFile, String> loadable = new LinkedHashMap<>();
    texts.forEach((f, t) -> loadable.put(f, t.forLoading()));
    RunConfigMaps configMaps = texts.size() > 1 ? Linter.configMaps(loadable) : RunConfigMaps.NONE;
    for (SourceFile f : texts.keySet()) {
      byte[] bytes = read.get(f);
      EditableText text = texts.get(f);
      FileAdvice advice = FileAdvice.of(f, loadable.get(f), linter, rule, knowledge, net, configMaps,
          configuration.workloadKinds());
      advice.messages().forEach(err::println);
      if (advice.unreadable()) {
        status = ExitCodes.INPUT;
      }
      skipped += advice.skipped();
      if (advice.edits().isEmpty()) {
        continue;
      }
      String edited = TextEdits.applyEdits(text.text(), advice.edits());
      if (apply) {
        int written = rewrite(f, bytes, text.encode(edited), err);
        if (written != ExitCodes.OK) {
          status = Math.max(status, written);
          skipped += advice.pods();
          continue;
        }
      } else if (diff) {
        proposal.write(UnifiedDiff.of(f.displayName(), text.text(), edited));
      } else {
        separate(proposal, files, TextEdits.lineEnding(text.text()));
        proposal.write("# podlint advise: " + f.displayName() + TextEdits.lineEnding(text.text()));
        proposal.write(edited);
      }
      files++;
      pods += advice.pods();
    }
    if (!apply) {
      write(proposal.toString(), target);
    }
    if (!quiet) {
      err.println(summary(pods, files, skipped));
    }
    return status;
  }

  /** A "---" line between the files of the printed proposal. */
  private static void separate(StringWriter proposal, int files, String eol) {
    if (files == 0) {
      return;
    }
    String sofar = proposal.toString();
    if (!sofar.endsWith("\n") && !sofar.endsWith("\r")) {
      proposal.write(eol);
    }
    proposal.write("---" + eol);
  }

  /**
   * Writes the edited file over the input, unless the input changed since it was read: its bytes
   * are compared once more just before the rename.
   *
   * @return the exit code for this file
   */
  static int rewrite(SourceFile f, byte[] read, byte[] edited, PrintWriter err) {
    try {
      AtomicFile.replace(f.path(), edited, file -> {
        if (!Arrays.equals(Files.readAllBytes(file), read)) {
          throw new ChangedMeanwhile();
        }
      });
      return ExitCodes.OK;
    } catch (ChangedMeanwhile e) {
      err.println("podlint: " + TextEscape.fileName(f.displayName()) + " changed while podlint worked on it, so it was not rewritten; "
          + "run podlint advise --apply again");
      return ExitCodes.INPUT;
    } catch (IOException e) {
      err.println("podlint: cannot rewrite " + TextEscape.fileName(f.displayName()) + ": " + TextEscape.value(AtomicFile.describe(e)));
      return ExitCodes.USAGE;
    }
  }

  /** The file was not what podlint read. */
  private static final class ChangedMeanwhile extends IOException {
    private static final long serialVersionUID = 1L;

    ChangedMeanwhile() {
      super("changed since it was read", null);
    }
  }

  private void write(String text, Path target) {
    try {
      if (target != null) {
        AtomicFile.write(target, w -> w.write(text));
      } else {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      }
    } catch (IOException e) {
      throw new UserException(ExitCodes.USAGE, "cannot write the proposal to " + output + ": " + AtomicFile.describe(e));
    }
  }

  private String summary(int pods, int files, int skipped) {
    if (pods == 0 && skipped == 0) {
      return "podlint advise: no pod holds independent services";
    }
    String done = apply ? "split " + pods + " pod(s) in " + files + " file(s), rewritten in place"
        : "proposed splitting " + pods + " pod(s) in " + files + " file(s)";
    return "podlint advise: " + done
        + (skipped > 0 ? ", " + skipped + " more " + (apply ? "not split" : "cannot be split automatically") : "")
        + (pods > 0 ? "; review the comments" : "");
  }
}
