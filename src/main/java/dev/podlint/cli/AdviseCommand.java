package dev.podlint.cli;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.LintResult;
import dev.podlint.engine.Linter;
import dev.podlint.engine.TextEdits;
import dev.podlint.load.InputProblem;
import dev.podlint.load.Inputs;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.RunConfigMaps;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code podlint advise}: prints each input file with every pod that holds independent services
 * replaced by the proposed split (the fixes of unrelated-services-in-pod), comments included.
 * Input files are never changed.
 */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    sortOptions = false,
    description = {
        "Proposes how to split pods that run independent services.",
        "",
        "Prints each file that holds such a pod, with the pod's workload replaced by one workload per "
            + "independent service (helpers stay with the container they serve), a Service for each moved "
            + "service, and localhost references rewritten to the Service names. Comments in the output say "
            + "what moved and why. Files without such pods are not printed. Input files are never changed."})
public final class AdviseCommand implements Callable<Integer> {
  static final String RULE = "unrelated-services-in-pod";

  private final Main.Env env;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to read (directories recursively; - for standard input). Default: .")
  List<String> paths = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the proposal to FILE (atomically) instead of standard output; FILE must not be an input.")
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
    dev.podlint.config.Configuration configuration = configOptions.load(env, RuleCatalog.builtin(), err,
        "nothing was advised (--no-config advises without it)");
    RuleCatalog catalog = configuration.catalog();
    RuleDefinition rule = catalog.get(RULE); // with the configured helpers and servers
    if (!rule.enabledByDefault()) {
      err.println("podlint advise: " + RULE + " is off in the configuration; nothing to advise");
      return ExitCodes.OK;
    }
    Linter linter = new Linter(catalog, List.of(rule, catalog.get(Linter.INVALID_YAML)),
        configuration.options(null, null));
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
      inputs.notFollowed().forEach(note -> err.println("podlint: " + note));
    }
    int status = ExitCodes.OK;
    for (InputProblem p : inputs.problems()) {
      err.println("podlint: cannot read " + p.input() + ": " + p.message());
      status = ExitCodes.INPUT;
    }
    StringWriter proposal = new StringWriter();
    int files = 0;
    int pods = 0;
    int unprintable = 0;
    // every input is read first: a pod may mount a ConfigMap of another input
    Map<SourceFile, String> texts = new LinkedHashMap<>();
    for (SourceFile f : inputs.files()) {
      try {
        texts.put(f, ManifestLoader.decodeText(ManifestLoader.read(f, env.stdin())));
      } catch (IOException e) {
        err.println("podlint: cannot read " + f.displayName() + ": " + e.getMessage());
        status = ExitCodes.INPUT;
      }
    }
    RunConfigMaps configMaps = texts.size() > 1 ? Linter.configMaps(texts) : RunConfigMaps.NONE;
    for (Map.Entry<SourceFile, String> input : texts.entrySet()) {
      SourceFile f = input.getKey();
      String text = input.getValue();
      LintResult r = linter.lintText(f, text, configMaps);
      for (Finding x : r.findings()) {
        if (x.rule().name().equals(Linter.INVALID_YAML)) {
          err.println("podlint: " + f.displayName() + ":" + x.span().start() + ": " + x.message()
              + "; no advice for the objects after it");
          status = ExitCodes.INPUT;
        }
      }
      List<Finding> advice = r.findings().stream().filter(x -> x.rule() == rule && !x.isSuppressed()).toList();
      List<Finding.Fix> fixes = advice.stream().filter(x -> x.fix() != null).map(Finding::fix).toList();
      for (Finding x : advice) {
        if (x.fix() == null) {
          err.println("podlint: " + f.displayName() + ":" + x.span().start() + ": this pod holds independent "
              + "services, but it is not a whole document (an item of a List, or a PodTemplate), so no split is printed");
          unprintable++;
        }
      }
      if (fixes.isEmpty()) {
        continue;
      }
      String eol = TextEdits.lineEnding(text);
      if (files > 0) {
        String sofar = proposal.toString();
        if (!sofar.endsWith("\n") && !sofar.endsWith("\r")) {
          proposal.write(eol);
        }
        proposal.write("---" + eol);
      }
      proposal.write("# podlint advise: " + f.displayName() + eol);
      proposal.write(TextEdits.apply(text, fixes));
      files++;
      pods += fixes.size();
    }
    try {
      if (target != null) {
        AtomicFile.write(target, w -> w.write(proposal.toString()));
      } else {
        spec.commandLine().getOut().print(proposal);
        spec.commandLine().getOut().flush();
      }
    } catch (IOException e) {
      throw new UserException(ExitCodes.USAGE, "cannot write the proposal to " + output + ": " + AtomicFile.describe(e));
    }
    if (!quiet) {
      err.println(pods == 0 && unprintable == 0 ? "podlint advise: no pod holds independent services"
          : "podlint advise: proposed splitting " + pods + " pod(s) in " + files + " file(s)"
              + (unprintable > 0 ? ", " + unprintable + " more cannot be split automatically" : "")
              + (pods > 0 ? "; review the comments" : ""));
    }
    return status;
  }
}
