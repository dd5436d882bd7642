package dev.podlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podlint.engine.Finding;
import dev.podlint.load.FileReads;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The findings of an earlier run, read from the SARIF podlint wrote then ({@code --baseline}).
 * A finding is known when a baseline result has the same rule id and {@code podlint/v1}
 * fingerprint; fingerprints are made of rule, file, object and field, never the line, so moving
 * a finding does not make it new.
 */
public final class Baseline {
  /** Why a baseline cannot be used; the message names the file. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** Unsuppressed findings of the baseline (rule id and fingerprint), and all of them. */
  private final Set<String> keys;
  private final Set<String> activeKeys;

  private Baseline(Set<String> keys, Set<String> activeKeys) {
    this.keys = keys;
    this.activeKeys = activeKeys;
  }

  /** Reads a SARIF file podlint wrote. */
  public static Baseline read(Path file, String shownAs) throws Invalid {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(FileReads.read(file, FileReads.BASELINE_LIMIT));
    } catch (NoSuchFileException e) {
      throw new Invalid("cannot read the baseline " + shownAs + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new Invalid("cannot read the baseline " + shownAs + ": permission denied");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Invalid("the baseline " + shownAs + " is not SARIF: it is not valid JSON (line "
          + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new Invalid("cannot read the baseline " + shownAs + ": " + FileReads.reason(e));
    }
    if (root == null || !root.isObject() || !root.path("runs").isArray()) {
      throw new Invalid("the baseline " + shownAs + " is not SARIF: it has no \"runs\"");
    }
    Set<String> keys = new HashSet<>();
    Set<String> active = new HashSet<>();
    if (root.path("runs").isEmpty()) {
      throw new Invalid("the baseline " + shownAs + " is not podlint SARIF: it has no run");
    }
    for (JsonNode run : root.path("runs")) {
      String tool = run.path("tool").path("driver").path("name").asText("");
      if (!tool.equals("podlint")) {
        throw new Invalid("the baseline " + shownAs + " is not podlint SARIF: its tool is "
            + (tool.isEmpty() ? "not named" : "'" + tool + "'"));
      }
      int i = 0;
      for (JsonNode result : run.path("results")) {
        String fp = result.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText("");
        String rule = result.path("ruleId").asText("");
        if (fp.isEmpty() || rule.isEmpty()) {
          throw new Invalid("the baseline " + shownAs + " is not podlint SARIF: result " + i + " has no ruleId or \""
              + SarifReporter.FINGERPRINT_KEY + "\" fingerprint");
        }
        keys.add(key(rule, fp));
        if (result.path("suppressions").isEmpty()) {
          active.add(key(rule, fp));
        }
        i++;
      }
    }
    return new Baseline(keys, active);
  }

  private static String key(String ruleId, String fingerprint) {
    return ruleId + "\u0000" + fingerprint;
  }

  private static String key(Finding f) {
    return key(f.rule().id(), f.fingerprint());
  }

  /** The baseline's findings, for telling new findings from known ones as a run goes. */
  public Comparison known() {
    return new Comparison(Set.copyOf(keys));
  }

  /** Counts, as a run goes, the unsuppressed findings of the baseline that the run no longer has. */
  public final class Tracker {
    private final Set<String> seen = new HashSet<>();

    public void see(Finding f) {
      String k = key(f);
      if (activeKeys.contains(k)) {
        seen.add(k);
      }
    }

    /** Unsuppressed findings of the baseline not seen. */
    public int absent() {
      return activeKeys.size() - seen.size();
    }
  }

  public Tracker tracker() {
    return new Tracker();
  }

  /** The findings of a baseline (rule id and fingerprint), which the findings of a run are new against. */
  public record Comparison(Set<String> known) {
    public boolean isNew(Finding f) {
      return !known.contains(key(f));
    }
  }
}
