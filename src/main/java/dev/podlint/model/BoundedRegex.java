package dev.podlint.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression a user wrote (a configuration's exemption names, an exclude glob, a rule
 * parameter, a {@code pattern} in a custom rule's schema) that cannot make podlint hang.
 *
 * <p>Java's regex engine backtracks, so a pattern such as {@code (.*a){20}$} or
 * {@code (a{1,2}){1,40}$} takes exponential time on a value that almost matches. Every match
 * therefore reads its input through a view that counts the characters the engine looks at, and
 * stops with {@link TooSlowException} once it has looked at more than {@link #budget(int)} of
 * them: two million plus 64 per character of the input (a linear pattern reads each character a
 * few times; tens of milliseconds at worst).
 *
 * <p>Within one {@linkplain #startScope() scope} (the linter opens one per file, on the thread
 * that lints it; the parts of a large file carry it on in file order) a pattern that ran out of
 * steps once is not run again: later matches throw at once, so a file with ten thousand such
 * values costs one budget, not ten thousand.
 */
public final class BoundedRegex {
  /** Steps any match may take, however short its input. */
  public static final long BASE_STEPS = 2_000_000L;
  /** Further steps per character of the input. */
  public static final int STEPS_PER_CHAR = 64;

  private static final ThreadLocal<Set<BoundedRegex>> GAVE_UP =
      ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

  private final Pattern pattern;
  private final String origin;

  private BoundedRegex(Pattern pattern, String origin) {
    this.pattern = pattern;
    this.origin = origin;
  }

  /**
   * Compiles {@code regex}.
   *
   * @param origin where it was written, for messages ({@code .podlint.yaml:12:14}); may be null
   * @throws java.util.regex.PatternSyntaxException when it is not a valid regular expression
   */
  public static BoundedRegex compile(String regex, String origin) {
    return compile(regex, 0, origin);
  }

  /** Compiles {@code regex} with {@link Pattern} flags such as {@link Pattern#CASE_INSENSITIVE}. */
  public static BoundedRegex compile(String regex, int flags, String origin) {
    return new BoundedRegex(Pattern.compile(regex, flags), origin);
  }

  /**
   * The case-insensitive pattern a rule parameter's entry {@code m} gives under {@code key}, or
   * null when it gives none.
   *
   * @throws IllegalArgumentException when it is not a regular expression
   */
  public static BoundedRegex parameter(YMap m, String key) {
    java.util.Optional<YScalar> p = m.scalar(key).filter(YScalar::isString);
    if (p.isEmpty()) {
      return null;
    }
    try {
      return compile(p.get().value(), Pattern.CASE_INSENSITIVE, "parameter " + p.get().path().describe() + " at "
          + p.get().span().start());
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("'" + key + "' at " + m.path() + " is not a regular expression: "
          + e.getDescription());
    }
  }

  /** The steps a match on an input of {@code length} characters may take. */
  public static long budget(int length) {
    return BASE_STEPS + (long) STEPS_PER_CHAR * length;
  }

  /** Forgets which patterns ran out of steps on this thread (the linter calls it per file). */
  public static void startScope() {
    GAVE_UP.get().clear();
  }

  /**
   * Starts a scope on this thread in which the patterns of {@code given} already ran out of steps
   * (a later part of a file that is linted in parts, see {@link #gaveUp}).
   */
  public static void startScope(Set<BoundedRegex> given) {
    Set<BoundedRegex> s = GAVE_UP.get();
    s.clear();
    s.addAll(given);
  }

  /** The patterns that ran out of steps in this thread's scope so far. */
  public static Set<BoundedRegex> gaveUp() {
    return Set.copyOf(GAVE_UP.get());
  }

  public String regex() {
    return pattern.pattern();
  }

  /** Where the pattern was written, or null when not known. */
  public String origin() {
    return origin;
  }

  /** Whether the whole of {@code input} matches. */
  public boolean matches(CharSequence input) {
    return apply(input, Matcher::matches);
  }

  /** Whether some part of {@code input} matches (JSON Schema's {@code pattern}). */
  public boolean find(CharSequence input) {
    return apply(input, Matcher::find);
  }

  /**
   * Runs {@code use} on a matcher over {@code input} (all its operations share one budget). A
   * match that recurses past the thread's stack (Java's engine recurses once per repetition of
   * some groups, such as {@code (a|b)*} on a long value) is stopped as well.
   *
   * @throws TooSlowException when the budget is spent or the stack is not deep enough
   */
  public <T> T apply(CharSequence input, java.util.function.Function<Matcher, T> use) {
    Matcher m = matcher(input);
    try {
      return use.apply(m);
    } catch (StackOverflowError e) {
      GAVE_UP.get().add(this);
      throw new TooSlowException(this, input.toString(), -1);
    }
  }

  /**
   * A matcher over {@code input}; all its operations together share one budget. Prefer
   * {@link #apply}, which also stops a match that overflows the stack.
   *
   * @throws TooSlowException (from this or from the matcher's methods) when the budget is spent
   */
  public Matcher matcher(CharSequence input) {
    if (GAVE_UP.get().contains(this)) {
      throw new TooSlowException(this, input.toString(), 0);
    }
    return pattern.matcher(new Counted(input, budget(input.length())));
  }

  @Override
  public String toString() {
    return regex();
  }

  /** Thrown when a match runs out of steps; carries the pattern and the input it gave up on. */
  public static final class TooSlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BoundedRegex regex;
    private final String input;
    private final long steps;

    TooSlowException(BoundedRegex regex, String input, long steps) {
      super("the regular expression '" + regex.regex() + "'" + (regex.origin == null ? "" : " (" + regex.origin + ")")
          + (steps == 0 ? " already ran out of steps in this file" : steps < 0 ? " recursed deeper than the stack allows"
              : " ran out of steps: more than " + steps)
          + " on a value of " + input.length() + " characters", null, false, false);
      this.regex = regex;
      this.input = input;
      this.steps = steps;
    }

    public BoundedRegex regex() {
      return regex;
    }

    /** The value the match gave up on. */
    public String input() {
      return input;
    }

    /**
     * The budget that was spent; 0 when the pattern was skipped because it had run out before, -1
     * when the match overflowed the stack.
     */
    public long steps() {
      return steps;
    }
  }

  /** The input as the regex engine sees it: every character read is a step. */
  private final class Counted implements CharSequence {
    private final CharSequence text;
    private final long budget;
    private long left;

    Counted(CharSequence text, long budget) {
      this.text = text;
      this.budget = budget;
      this.left = budget;
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        GAVE_UP.get().add(BoundedRegex.this);
        throw new TooSlowException(BoundedRegex.this, text.toString(), budget);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
