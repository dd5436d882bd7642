package dev.podlint.cli;

import dev.podlint.Podlint;
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
        "`podlint PATH...` is short for `podlint lint PATH...`."},
    subcommands = {LintCommand.class, AdviseCommand.class, InitCommand.class, RulesCommand.class, ExplainCommand.class, BenchCommand.class, LspCommand.class, HelpCommand.class})
public final class PodlintCommand implements Runnable {
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
