package dev.podlint.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    String[] parts = parsed(template);
    StringBuilder sb = new StringBuilder(template.length() + 32);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 0) {
        sb.append(parts[i]);
      } else {
        String value = args.get(parts[i]);
        if (value == null) {
          throw new IllegalStateException("no value for {" + parts[i] + "} in \"" + template + "\"");
        }
        sb.append(value);
      }
    }
    return sb.toString();
  }

  /** Templates are few (the rules' messages) and rendered once per finding: each is parsed once. */
  private static final Map<String, String[]> PARSED = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  /** Literal text and placeholder names, alternating, starting and ending with (maybe empty) text. */
  private static String[] parsed(String template) {
    String[] parts = PARSED.get(template);
    if (parts == null) {
      List<String> list = new ArrayList<>();
      Matcher m = PLACEHOLDER.matcher(template);
      int from = 0;
      while (m.find()) {
        list.add(template.substring(from, m.start()));
        list.add(m.group(1));
        from = m.end();
      }
      list.add(template.substring(from));
      parts = list.toArray(String[]::new);
      if (PARSED.size() < CACHE_LIMIT) {
        PARSED.put(template, parts);
      }
    }
    return parts;
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
