package dev.podlint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.podlint.rule.Severity;
import java.util.Optional;

/**
 * What the editor's settings say ({@code initializationOptions} and
 * {@code workspace/didChangeConfiguration}), either under a {@code podlint} section or at the top:
 * {@code show} (error, warning or note) hides findings below that level, as {@code lint --show}
 * does, over the configuration file's {@code show}; {@code debounce} is how many milliseconds the
 * server waits after a change for the next one before it lints.
 *
 * @param show the level set, or null to follow the configuration file
 * @param debounceMillis the wait after a change
 */
record ClientSettings(Severity show, int debounceMillis) {
  static final int DEFAULT_DEBOUNCE = 30;
  static final ClientSettings DEFAULT = new ClientSettings(null, DEFAULT_DEBOUNCE);

  /**
   * The settings in {@code json} (a Gson tree or anything else LSP4J handed over), on top of
   * {@code before}; a value that is not understood is left as it was and described in
   * {@code problems}.
   */
  static ClientSettings read(Object json, ClientSettings before, java.util.function.Consumer<String> problems) {
    if (!(json instanceof JsonObject all)) {
      return before;
    }
    JsonObject o = all.has("podlint") && all.get("podlint").isJsonObject() ? all.getAsJsonObject("podlint") : all;
    Severity show = before.show;
    int debounce = before.debounceMillis;
    Optional<String> level = string(o.get("show"));
    if (o.has("show")) {
      if (o.get("show").isJsonNull()) {
        show = null;
      } else {
        try {
          show = Severity.parse(level.orElse(""));
        } catch (IllegalArgumentException e) {
          problems.accept("podlint setting 'show': " + e.getMessage());
        }
      }
    }
    JsonElement d = o.get("debounce");
    if (d != null && !d.isJsonNull()) {
      try {
        int ms = d.getAsInt();
        if (ms < 0 || ms > 10_000) {
          throw new NumberFormatException();
        }
        debounce = ms;
      } catch (RuntimeException e) {
        problems.accept("podlint setting 'debounce': expected milliseconds from 0 to 10000, got " + d);
      }
    }
    return new ClientSettings(show, debounce);
  }

  private static Optional<String> string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }
}
