package dev.podlint.cli;

import dev.podlint.Podlint;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;

/** {@code podlint}: the root command. */
@Command(
    name = "podlint",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    description = {
        "Lints Kubernetes workload manifests (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, "
            + "...) at the exact line and column.",
        "`podlint PATH...` is short for `podlint lint PATH...`."})
public final class PodlintCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. Main adds them (not the annotation), so that a
   * lint builds only its own: picocli reads every command's annotations when it is added.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(LintCommand.class, AdviseCommand.class, InitCommand.class,
      RulesCommand.class, ExplainCommand.class, BenchCommand.class, LspCommand.class, HelpCommand.class);

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version packaged with podlint. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"podlint " + Podlint.version()};
    }
  }
}
