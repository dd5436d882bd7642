package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.CheckFactory;
import dev.podlint.engine.LintOptions;
import dev.podlint.net.NetKnowledge;
import dev.podlint.rule.Engine;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import dev.podlint.rule.RuleFormatException;
import dev.podlint.rule.RuleParams;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * podlint's Java checks, found by convention and handed to the engine as its {@link CheckFactory}:
 * the check of rule {@code job-without-ttl} ({@code engine: java}) is the class
 * {@code JobWithoutTtlCheck} of this package, so a Java rule is its rule file plus that one class.
 *
 * <p>A check has one public constructor, whose parameters are what it needs: its rule's
 * parameters as the record it declares for them (filled by {@link RuleParams}), the run's
 * {@link LintOptions}, the run's {@link NetKnowledge}, or {@link OtherRules} for rules that share a
 * classification with others (such a check declares its parameters as its nested record
 * {@code Params}). Classes are looked up only for the rules a run enables; the test
 * suite checks that every Java rule has its class and every check class its rule file.
 */
public final class Checks implements CheckFactory {
  /** podlint's own checks, one per Java rule. */
  public static final Checks BUILTIN = new Checks();

  private static final Pattern RULE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Checks() {}

  /** The simple name of the check class of rule {@code name}: {@code job-without-ttl} gives {@code JobWithoutTtlCheck}. */
  public static String className(String ruleName) {
    StringBuilder out = new StringBuilder();
    for (String word : ruleName.split("-")) {
      if (!word.isEmpty()) {
        out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.append("Check").toString();
  }

  @Override
  public Check create(RuleDefinition rule, LintOptions options, Function<String, RuleDefinition> rules) {
    Constructor<?> constructor = constructor(rule);
    Class<?>[] types = constructor.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == LintOptions.class) {
        args[i] = options;
      } else if (t == OtherRules.class) {
        args[i] = new OtherRules(rules);
      } else if (t == NetKnowledge.class) {
        args[i] = NetKnowledge.of(rules);
      } else {
        args[i] = RuleParams.of(rule, t.asSubclass(Record.class)); // a record, as constructor() checked
      }
    }
    try {
      return (Check) constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + constructor.getDeclaringClass().getName() + ": " + e, e);
    }
  }

  /**
   * The record its constructor takes, else its nested record {@code Params} (a check that reads
   * its parameters with those of other rules, through {@link OtherRules}).
   */
  @Override
  public Optional<Class<? extends Record>> paramsType(RuleDefinition rule) {
    Constructor<?> constructor = constructor(rule);
    for (Class<?> t : constructor.getParameterTypes()) {
      if (!injected(t)) {
        return Optional.of(t.asSubclass(Record.class));
      }
    }
    for (Class<?> nested : constructor.getDeclaringClass().getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Params") && nested.isRecord()) {
        return Optional.of(nested.asSubclass(Record.class));
      }
    }
    return Optional.empty();
  }

  /**
   * Checks that every Java rule of {@code catalog} has its class, without loading any: a class
   * file found by name.
   *
   * @throws RuleFormatException naming the rule file and the class it lacks
   */
  @Override
  public void verify(RuleCatalog catalog) {
    for (RuleDefinition r : catalog.all()) {
      if (r.engine() == Engine.JAVA
          && Checks.class.getResource(className(r.name()) + ".class") == null) {
        throw missing(r);
      }
    }
  }

  /**
   * The one public constructor of the rule's check class. Only podlint's own rules have one (a
   * user's rule is declarative), so what is loaded is always a class of this package named after
   * one of podlint's rule files, never something input names.
   */
  private static Constructor<?> constructor(RuleDefinition rule) {
    if (rule.isCustom() || !RULE_NAME.matcher(rule.name()).matches()) {
      throw missing(rule);
    }
    Class<?> cls;
    try {
      cls = Class.forName(Checks.class.getPackageName() + "." + className(rule.name()));
    } catch (ClassNotFoundException e) {
      throw missing(rule);
    }
    if (!Check.class.isAssignableFrom(cls) || Modifier.isAbstract(cls.getModifiers())) {
      throw new IllegalStateException(cls.getName() + " must be a concrete class that implements Check");
    }
    Constructor<?>[] publicOnes = cls.getConstructors();
    if (publicOnes.length != 1) {
      throw new IllegalStateException(cls.getName() + " must have exactly one public constructor, it has "
          + publicOnes.length);
    }
    int records = 0;
    for (Class<?> t : publicOnes[0].getParameterTypes()) {
      records += injected(t) ? 0 : 1;
      if (!injected(t) && !t.isRecord() || records > 1) {
        throw new IllegalStateException(cls.getName() + ": a check's constructor takes its parameters record, "
            + "LintOptions, NetKnowledge or OtherRules, each at most once; not " + t.getName());
      }
    }
    return publicOnes[0];
  }

  /** Whether a constructor parameter of type {@code t} is something of the run rather than the rule's parameters. */
  private static boolean injected(Class<?> t) {
    return t == LintOptions.class || t == OtherRules.class || t == NetKnowledge.class;
  }

  private static RuleFormatException missing(RuleDefinition rule) {
    return new RuleFormatException(rule.fileName(), "the rule says engine: java, but podlint has no check class "
        + Checks.class.getPackageName() + "." + className(rule.name()));
  }
}
