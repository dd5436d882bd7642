package dev.podlint.report;

import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of each rule's reportingDescriptor in a SARIF log's {@code rules} array: what the log's
 * own generator would write for it there (see {@link JsonChunks}). podlint's rules as they ship get
 * theirs when podlint is built: {@link #main} renders every built-in rule at Maven's
 * {@code process-classes}, after the rule catalogue, into the resource {@link #RESOURCE}, so that a
 * run reads some 300 KB of text instead of rendering every rule's help page again (about 30 ms of a
 * one-file lint). A rule that is not the very built-in one (a user's rule, or one whose level,
 * state or parameters a configuration changed) is rendered when the log is written.
 */
final class SarifRuleDescriptors {
  /** Where the build puts the built-in rules' descriptors, on the class path. */
  static final String RESOURCE = "dev/podlint/report/sarif-rules.bin";
  private static final int MAGIC = 0x504c5344; // "PLSD"
  private static final int VERSION = 1;

  /** The stored descriptors by rule id, read on first use; empty when the build stored none. */
  private static volatile Map<String, String> stored;

  private SarifRuleDescriptors() {}

  /** {@code SarifRuleDescriptors OUT_FILE}: writes the descriptors of podlint's built-in rules to OUT_FILE. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SarifRuleDescriptors OUT_FILE");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(RuleCatalog.builtin().all(), o);
    }
  }

  /** The descriptor of {@code rule} as an element of the rules array: stored when it is a built-in rule as it ships. */
  static String of(RuleDefinition rule) throws IOException {
    if (!rule.isCustom() && RuleCatalog.builtin().find(rule.id()).orElse(null) == rule) {
      String text = stored().get(rule.id());
      if (text != null) {
        return text;
      }
    }
    return render(rule);
  }

  /** The descriptor of {@code rule} rendered now. */
  static String render(RuleDefinition rule) throws IOException {
    return JsonChunks.render(SarifRuleDescriptors::openRules, g -> SarifReporter.descriptor(g, rule));
  }

  /** Opens a log down to its rules array, as {@link SarifReporter#open} does. */
  private static void openRules(com.fasterxml.jackson.core.JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeArrayFieldStart("rules");
  }

  /** The descriptors the build stored, by rule id (empty without them: classes compiled by an IDE alone). */
  static Map<String, String> stored() {
    Map<String, String> s = stored;
    if (s == null) {
      InputStream in = SarifRuleDescriptors.class.getClassLoader().getResourceAsStream(RESOURCE);
      if (in == null) {
        s = Map.of();
      } else {
        try (in) {
          s = read(in);
        } catch (IOException e) {
          throw new UncheckedIOException("podlint's SARIF rule descriptors " + RESOURCE + " cannot be read", e);
        }
      }
      stored = s;
    }
    return s;
  }

  static void write(List<RuleDefinition> rules, OutputStream out) throws IOException {
    DataOutputStream o = new DataOutputStream(new BufferedOutputStream(out));
    o.writeInt(MAGIC);
    o.writeInt(VERSION);
    o.writeInt(rules.size());
    for (RuleDefinition r : rules) {
      str(o, r.id());
      str(o, render(r));
    }
    o.flush();
  }

  static Map<String, String> read(InputStream in) throws IOException {
    DataInputStream i = new DataInputStream(new BufferedInputStream(in, 1 << 16));
    if (i.readInt() != MAGIC || i.readInt() != VERSION) {
      throw new IOException("not a file of SARIF rule descriptors of this podlint version");
    }
    int n = i.readInt();
    Map<String, String> out = new HashMap<>();
    for (int k = 0; k < n; k++) {
      out.put(str(i), str(i));
    }
    if (i.read() != -1) {
      throw new IOException("bytes after the last descriptor");
    }
    return Map.copyOf(out);
  }

  /** Length and UTF-8 bytes (writeUTF stops at 64 KB). */
  private static void str(DataOutputStream o, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.writeInt(b.length);
    o.write(b);
  }

  private static String str(DataInputStream i) throws IOException {
    byte[] b = new byte[i.readInt()];
    i.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
