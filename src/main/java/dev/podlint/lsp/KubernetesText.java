package dev.podlint.lsp;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which documents the server lints: YAML and JSON whose text holds an {@code apiVersion} or
 * {@code kind} key, the fields every Kubernetes object has. Other YAML and JSON (a CI workflow,
 * a Compose file, Helm values, package.json) and every other language stay quiet.
 */
final class KubernetesText {
  /**
   * A key {@code apiVersion} or {@code kind}, plain or quoted: first on its line (after the dashes
   * of block sequences; one character class, so that ten thousand of them cannot overflow the
   * regex engine's stack) or after the opening brace or a comma of a flow mapping (JSON too); not the
   * word in prose ("the kind: ...").
   */
  private static final Pattern KEY = Pattern.compile(
      "(?m)(?:^[ \\t-]*|[{,][ \\t]*)[\"']?(?:apiVersion|kind)[\"']?[ \\t]*:");

  private KubernetesText() {}

  /** Whether a document of this language and name is YAML or JSON. */
  static boolean isYamlOrJson(String languageId, String uri) {
    String lang = languageId == null ? "" : languageId.toLowerCase(Locale.ROOT);
    if (lang.equals("yaml") || lang.equals("json") || lang.equals("jsonc")) {
      return true;
    }
    if (!lang.isEmpty() && !lang.equals("plaintext")) {
      return false; // helm, dockercompose, ...: the editor knows they are something else
    }
    String u = uri.toLowerCase(Locale.ROOT);
    return u.endsWith(".yaml") || u.endsWith(".yml") || u.endsWith(".json");
  }

  /** Whether a document is JSON, where comments cannot go. */
  static boolean isJson(String languageId, String uri) {
    return "json".equals(languageId) || "jsonc".equals(languageId) || uri.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Whether the text holds what looks like a Kubernetes object. */
  static boolean holdsObjects(String text) {
    return KEY.matcher(text).find();
  }
}
