package dev.podlint.config;

import dev.podlint.engine.Exemption;
import dev.podlint.engine.LintOptions;
import dev.podlint.model.WorkloadKinds;
import dev.podlint.rule.RuleCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a run that come from a configuration file, with the rules as configured.
 * Command-line options take precedence: {@link #failOn}, {@link #show}, {@link #options} take them as
 * arguments.
 */
public final class Configuration {
  private final Path file;
  private final RuleCatalog catalog;
  private final String failOn;
  private final String show;
  private final String kubernetesVersion;
  private final Boolean strictKinds;
  private final List<Exemption> exemptions;
  private final Exclusions exclusions;
  private final List<Path> ruleDirectories;
  private final WorkloadKinds workloadKinds;

  Configuration(Path file, RuleCatalog catalog, String failOn, String show, String kubernetesVersion,
      Boolean strictKinds, List<Exemption> exemptions, Exclusions exclusions, List<Path> ruleDirectories,
      WorkloadKinds workloadKinds) {
    this.workloadKinds = workloadKinds;
    this.file = file;
    this.catalog = catalog;
    this.failOn = failOn;
    this.show = show;
    this.kubernetesVersion = kubernetesVersion;
    this.strictKinds = strictKinds;
    this.exemptions = List.copyOf(exemptions);
    this.exclusions = exclusions;
    this.ruleDirectories = List.copyOf(ruleDirectories);
  }

  /** The configuration of a run without a configuration file. */
  public static Configuration none(RuleCatalog catalog) {
    return new Configuration(null, catalog, null, null, null, null, List.of(), Exclusions.NONE, List.of(),
        WorkloadKinds.BUILT_IN);
  }

  /** The configuration file, if there is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * The rules with the configured levels, enabled states and parameters: lint with the rules of
   * this catalog that are {@code enabledByDefault}.
   */
  public RuleCatalog catalog() {
    return catalog;
  }

  /** {@code failOn} of the file (error, warning, note or none), unless {@code commandLine} gives one. */
  public Optional<String> failOn(String commandLine) {
    return Optional.ofNullable(commandLine != null ? commandLine : failOn);
  }

  /**
   * {@code show} of the file (error, warning or note: the lowest level the reports show), unless
   * {@code commandLine} gives one.
   */
  public Optional<String> show(String commandLine) {
    return Optional.ofNullable(commandLine != null ? commandLine : show);
  }

  /** The configured exemptions, each with its origin ({@code file:line:col}). */
  public List<Exemption> exemptions() {
    return exemptions;
  }

  /** The {@code exclude} patterns. */
  public Exclusions exclusions() {
    return exclusions;
  }

  /**
   * The custom rule directories, absolute, in the order the file lists them. They are not loaded
   * into {@link #catalog()}: a caller that supports custom rules loads them and reads the file
   * again with {@link ConfigFile#resolve} and the larger catalog.
   */
  public List<Path> ruleDirectories() {
    return ruleDirectories;
  }

  /**
   * The options of a run: command-line values (null when not given) win over the file's, which win
   * over podlint's defaults.
   *
   * @throws IllegalArgumentException for a Kubernetes version podlint does not carry
   */
  public LintOptions options(String kubernetesVersionOption, Boolean strictKindsOption) {
    String version = kubernetesVersionOption != null ? kubernetesVersionOption
        : kubernetesVersion != null ? kubernetesVersion : LintOptions.DEFAULT.kubernetesVersion();
    boolean strict = strictKindsOption != null ? strictKindsOption
        : strictKinds != null ? strictKinds : LintOptions.DEFAULT.strictKinds();
    return new LintOptions(version, strict, exemptions).withWorkloadKinds(workloadKinds);
  }

  /** The kinds that carry pods: the built-in ones and those the file declares ({@code workloadKinds}). */
  public WorkloadKinds workloadKinds() {
    return workloadKinds;
  }
}
