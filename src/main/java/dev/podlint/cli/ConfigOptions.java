package dev.podlint.cli;

import dev.podlint.checks.Checks;
import dev.podlint.config.ConfigException;
import dev.podlint.config.ConfigFile;
import dev.podlint.config.ConfigLocator;
import dev.podlint.config.ConfigProblem;
import dev.podlint.config.Configuration;
import dev.podlint.rule.RuleCatalog;
import java.io.PrintWriter;
import dev.podlint.rule.RuleFormatException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --no-config}, shared by the commands that read the configuration. */
final class ConfigOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Read the configuration from FILE. Default: .podlint.yaml or .podlint.yml in the current "
          + "directory or the nearest parent directory that has one, up to the repository root.")
  Path config;

  @Option(names = "--no-config", description = "Use no configuration file, only podlint's defaults and the options.")
  boolean noConfig;

  /**
   * The configuration of this run: --config, else the file found from the working directory up,
   * else none. Problems in it are printed and end the run with a usage error whose message ends
   * with {@code consequence}, e.g. "nothing was linted (--no-config lints without it)".
   */
  Configuration load(Main.Env env, RuleCatalog catalog, PrintWriter err, String consequence) {
    if (noConfig && config != null) {
      throw new UserException(ExitCodes.USAGE, "--config and --no-config contradict each other; give one of them");
    }
    try {
      Checks.BUILTIN.verify(catalog);
    } catch (RuleFormatException e) { // podlint's own rule files and classes: a broken build, never the user's doing
      throw new UserException(ExitCodes.INTERNAL, "this build of podlint is broken: " + e.getMessage());
    }
    if (noConfig) {
      return Configuration.none(catalog);
    }
    try {
      Path file = config != null ? env.workingDir().resolve(config) : ConfigLocator.find(env.workingDir()).orElse(null);
      if (file == null) {
        return Configuration.none(catalog);
      }
      ConfigFile read = ConfigFile.read(file, env.workingDir());
      List<Path> dirs = read.ruleDirectories();
      RuleCatalog withRules;
      try {
        withRules = dirs.isEmpty() ? catalog : catalog.withDirectories(dirs);
      } catch (RuleFormatException e) {
        throw new UserException(ExitCodes.USAGE, "invalid rule file: " + e.getMessage().replace("\n",
            "\npodlint: invalid rule file: "));
      }
      return read.resolve(withRules, Checks.BUILTIN);
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        err.println(p);
      }
      throw new UserException(ExitCodes.USAGE, (e.problems().size() == 1 ? "a problem" : e.problems().size()
          + " problems") + " in the configuration " + e.problems().get(0).file() + "; " + consequence);
    }
  }
}
