package dev.podlint.rule;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders rule message templates with named {@code {placeholder}}s. */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private Template() {}

  /**
   * Fills every placeholder; a placeholder without an argument is a bug in the rule or its check
   * and fails loudly so that fixtures catch it.
   */
  public static String render(String template, Map<String, String> args) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = args.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for {" + m.group(1) + "} in \"" + template + "\"");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  public static Set<String> placeholders(String template) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
