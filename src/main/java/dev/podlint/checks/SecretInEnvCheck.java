package dev.podlint.checks;

import dev.podlint.engine.Check;
import dev.podlint.engine.Findings;
import dev.podlint.model.BoundedRegex;
import dev.podlint.model.ContainerView;
import dev.podlint.model.PodView;
import dev.podlint.model.YMap;
import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * secret-in-env: an {@code env} entry whose literal {@code value} is a secret, reported at the
 * value, never quoting it. In order:
 *
 * <ol>
 *   <li>the value has the shape of a known token (the {@code tokenPatterns} parameter: AWS access
 *       keys, GitHub, GitLab, Slack, Stripe tokens, JWTs, PEM private keys, ...): variant
 *       {@code token}, an error, whatever the variable is called;
 *   <li>the value embeds a credential ({@code credentialPatterns}: a password in a URL or a
 *       connection string): variant {@code credential};
 *   <li>the variable's name says it holds a secret (a word or word sequence of {@code nameWords},
 *       such as PASSWORD, TOKEN or API_KEY, and not ending in a word of {@code ignoredNameEndings}
 *       such as FILE, PATH or URL, which name a reference to a secret rather than the secret), and
 *       the value is not a boolean, an absolute path or a URL without credentials: the default
 *       message;
 *   <li>the name has a weaker hint ({@code keyWords}, by default KEY: {@code CACHE_KEY} is not a
 *       secret, {@code STRIPE_KEY} is) and the value looks random (long, mixed letters and
 *       digits, high entropy): the default message.
 * </ol>
 * Entries with {@code valueFrom}, empty values and unrendered references (the rule's
 * {@code placeholderPatterns}: {@code ${VAR}}, {@code $(VAR)}, {@code {{ .Values.x }}},
 * {@code <your-token>}, secret-manager references) are never reported. A placeholder such as
 * {@code changeme} that is written as the value is still a literal secret: it is what the
 * container gets.
 */
public final class SecretInEnvCheck implements Check.ContainerCheck {
  /** A value shape from a rule parameter; group 1, when the pattern has one, is the secret part. */
  record Shape(String description, BoundedRegex pattern) {
    /** An entry of {@code tokenPatterns} or {@code credentialPatterns}. */
    public static Shape fromParam(YNode entry) {
      YMap m = (YMap) entry;
      return new Shape(m.string("description").orElse("a secret"), compile(m.scalar("pattern").orElseThrow()));
    }
  }

  /** The rule's parameters. */
  public record Params(List<String> nameWords, List<String> keyWords, List<String> ignoredNameEndings,
      List<String> ignoredNames, List<Shape> tokenPatterns, List<Shape> credentialPatterns,
      List<YScalar> placeholderPatterns, long randomValueMinLength) {}

  private final List<List<String>> nameWords;
  private final Set<String> keyWords;
  private final Set<String> ignoredEndings;
  private final Set<String> ignoredNames;
  private final List<Shape> tokens;
  private final List<Shape> credentials;
  private final List<BoundedRegex> placeholders;
  private final int randomMinLength;

  public SecretInEnvCheck(Params params) {
    this.nameWords = new ArrayList<>();
    for (String w : params.nameWords()) {
      List<String> parts = words(w);
      if (!parts.isEmpty()) {
        nameWords.add(parts);
      }
    }
    this.keyWords = upper(params.keyWords());
    this.ignoredEndings = upper(params.ignoredNameEndings());
    this.ignoredNames = upper(params.ignoredNames());
    this.tokens = params.tokenPatterns();
    this.credentials = params.credentialPatterns();
    this.placeholders = params.placeholderPatterns().stream().map(SecretInEnvCheck::compile).toList();
    this.randomMinLength = (int) Math.min(params.randomValueMinLength(), Integer.MAX_VALUE);
  }

  @Override
  public void check(PodView pod, ContainerView c, Findings out) {
    for (YMap e : c.node().maps("env")) {
      Optional<YScalar> value = e.scalar("value").filter(s -> !s.isNull());
      String name = e.string("name").orElse("");
      if (value.isEmpty() || e.get("valueFrom").filter(n -> !(n instanceof YScalar s && s.isNull())).isPresent()) {
        continue;
      }
      String v = value.get().value().strip();
      if (v.isEmpty() || isPlaceholder(v) || repeatsName(v, name)) {
        continue;
      }
      Optional<String> token = match(tokens, v);
      if (token.isPresent()) {
        report(out, value.get(), "token", c, name, v).arg("what", token.get()).report();
        continue;
      }
      Optional<String> credential = match(credentials, v);
      if (credential.isPresent()) {
        report(out, value.get(), "credential", c, name, v).arg("what", credential.get()).report();
        continue;
      }
      List<String> words = words(name);
      if (words.isEmpty() || ignoredNames.contains(String.join("_", words)) || isIgnoredEnding(words)) {
        continue;
      }
      if (namesSecret(words) && !isNonSecretValue(v) || hasKeyWord(words) && looksRandom(v)) {
        report(out, value.get(), null, c, name, v).report();
      }
    }
  }

  private static Findings.Builder report(Findings out, YScalar at, String variant, ContainerView c, String name,
      String value) {
    Findings.Builder b = out.at(at).arg("container", c.name()).arg("variable", name)
        .arg("length", value.codePointCount(0, value.length()));
    return variant == null ? b : b.variant(variant);
  }

  /** The description of the first shape {@code v} has whose secret part is not a placeholder. */
  private Optional<String> match(List<Shape> shapes, String v) {
    for (Shape s : shapes) {
      boolean found = s.pattern().apply(v, m -> {
        while (m.find()) {
          String secret = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
          if (!secret.isBlank() && !isPlaceholder(secret)) {
            return true;
          }
        }
        return false;
      });
      if (found) {
        return Optional.of(s.description());
      }
    }
    return Optional.empty();
  }

  private boolean isPlaceholder(String v) {
    for (BoundedRegex p : placeholders) {
      if (p.find(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A value that repeats the variable's own name of two or more words ({@code HF_TOKEN: HF_TOKEN},
   * {@code API_KEY: API_KEY_VALUE}) is left for substitution, not a secret.
   */
  private static boolean repeatsName(String value, String name) {
    List<String> n = words(name);
    // a one-word name is too short to tell: PASSWORD: password is a (bad) password
    return n.size() >= 2 && java.util.Collections.indexOfSubList(words(value), n) >= 0;
  }

  private boolean namesSecret(List<String> words) {
    for (List<String> w : nameWords) {
      if (java.util.Collections.indexOfSubList(words, w) >= 0) {
        return true;
      }
    }
    return false;
  }

  private boolean hasKeyWord(List<String> words) {
    return words.stream().anyMatch(keyWords::contains);
  }

  /** The name ends in a word such as FILE or URL, unless that word is itself the secret word. */
  private boolean isIgnoredEnding(List<String> words) {
    String last = words.get(words.size() - 1);
    if (!ignoredEndings.contains(last)) {
      return false;
    }
    for (List<String> w : nameWords) {
      if (words.size() >= w.size() && words.subList(words.size() - w.size(), words.size()).equals(w)) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|on|off|enabled?|disabled?|none|null|0|1");
  private static final Pattern URL = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://\\S*$");

  /** A boolean, an absolute file path or a URL (without credentials, which are checked before). */
  private static boolean isNonSecretValue(String v) {
    return BOOLEAN.matcher(v).matches() || v.startsWith("/") && !v.contains(" ") || URL.matcher(v).matches();
  }

  /**
   * Long, without spaces, with letters and digits, and with at least 3.5 bits of Shannon entropy
   * per character (random keys; words and identifiers stay below it).
   */
  boolean looksRandom(String v) {
    if (v.codePointCount(0, v.length()) < randomMinLength || v.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    boolean letter = v.chars().anyMatch(Character::isLetter);
    boolean digit = v.chars().anyMatch(Character::isDigit);
    return letter && digit && entropy(v) >= 3.5;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String v) {
    Map<Integer, Integer> counts = new HashMap<>();
    v.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
    double n = v.codePointCount(0, v.length());
    double h = 0;
    for (int count : counts.values()) {
      double p = count / n;
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern CAMEL_ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

  /**
   * The words of an environment variable name, upper-cased: split at anything that is not a
   * letter or digit and at camel-case boundaries ({@code dbPassword}, {@code APIKey}).
   */
  static List<String> words(String name) {
    String s = CAMEL_ACRONYM.matcher(CAMEL.matcher(name).replaceAll("$1_$2")).replaceAll("$1_$2");
    List<String> out = new ArrayList<>();
    for (String w : NOT_ALPHANUMERIC.split(s)) {
      if (!w.isEmpty()) {
        out.add(w.toUpperCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static Set<String> upper(List<String> list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(s -> out.add(String.join("_", words(s))));
    return out;
  }

  /** A pattern from a parameter; its origin is the field that set it (in the rule file or the configuration). */
  private static BoundedRegex compile(YScalar regex) {
    try {
      return BoundedRegex.compile(regex.value(), "parameter " + regex.path().describe() + " at " + regex.span().start());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("secret-in-env: parameter " + regex.path().describe() + ": invalid pattern '"
          + regex.value() + "': " + e.getDescription());
    }
  }
}
