package dev.podlint.cli;

import dev.podlint.config.ConfigException;
import dev.podlint.config.ConfigLocator;
import dev.podlint.config.StarterConfig;
import dev.podlint.rule.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code podlint init}: writes a commented starter {@code .podlint.yaml} into the working directory.
 * It never replaces a configuration: a user's file is their data, and there is no option to
 * overwrite it; {@code --stdout} prints the starter file to compare or merge by hand.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = PodlintCommand.Version.class,
    description = {
        "Writes a commented starter configuration, .podlint.yaml, into the current directory.",
        "",
        "It lists every rule by category with its default level, and examples of excludes and exemptions, "
            + "all commented out, so it changes nothing until you uncomment a line. An existing "
            + ".podlint.yaml or .podlint.yml is never overwritten (exit code 2); --stdout prints the starter "
            + "file instead, to compare with yours."})
public final class InitCommand implements Callable<Integer> {
  private final Main.Env env;

  @Spec
  CommandSpec spec;

  @Option(names = "--stdout", description = "Print the starter configuration on standard output instead of writing it.")
  boolean stdout;

  InitCommand(Main.Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String text = StarterConfig.text(RuleCatalog.builtin());
    if (stdout) {
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    }
    for (String name : ConfigLocator.NAMES) {
      if (Files.exists(env.workingDir().resolve(name))) {
        throw exists(name);
      }
    }
    Optional<Path> inherited;
    try {
      inherited = ConfigLocator.find(env.workingDir().getParent() == null ? env.workingDir()
          : env.workingDir().getParent());
    } catch (ConfigException e) {
      inherited = Optional.empty();
    }
    if (Files.exists(env.workingDir().resolve(".git"))) {
      inherited = Optional.empty(); // a repository root: a parent's file did not apply here anyway
    }
    Path target = env.workingDir().resolve(ConfigLocator.NAMES.get(0));
    try {
      // CREATE_NEW: should the file appear between the check above and now, it is still not replaced
      Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw exists(ConfigLocator.NAMES.get(0));
    } catch (IOException e) {
      throw new UserException(ExitCodes.USAGE, "cannot write " + target + ": " + AtomicFile.describe(e));
    }
    out.println("Wrote " + ConfigLocator.NAMES.get(0) + ". Every setting in it is commented out, so it changes "
        + "nothing until you uncomment a line.");
    inherited.ifPresent(p -> out.println("Note: it takes the place of " + env.workingDir().relativize(p)
        + " for runs in this directory and below: configurations are not merged."));
    out.flush();
    return ExitCodes.OK;
  }

  private UserException exists(String name) {
    return new UserException(ExitCodes.USAGE, name + " already exists in " + env.workingDir()
        + "; podlint init never overwrites a configuration (`podlint init --stdout` prints the starter file, "
        + "to compare with yours)");
  }
}
