package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.engine.Finding;
import dev.podlint.engine.LintOptions;
import dev.podlint.engine.Linter;
import dev.podlint.load.ManifestLoader;
import dev.podlint.model.SourceFile;
import dev.podlint.rule.RuleCatalog;
import dev.podlint.rule.RuleDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The security rules beyond their fixtures: secrets never reach a report, and the rule
 * parameters (read from the rule files, so that configuration can change them) decide what is
 * reported.
 */
class SecurityRulesTest {
  /** Literal secrets of the secret-in-env fixtures. */
  static final List<String> SECRETS = List.of("Tr0ub4dor&3", "hunter2", "abc123", "7b1e0d7a4f",
      "Zq8x3LmN0pR7tV2yB5cW9dF", "wJalrXUtnFEMI", "AKIAQ3EGRJZ7XN4WBM2K", "ghp_Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8",
      "xoxb-1234567890-abcdefghij", "dozjgNryP4J3jVmNHl0w5N", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
      "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "s3cr3t", "bm90LWEtcmVhbC1rZXktYnV0LWxvbmctZW5vdWdoCg", "Passw0rd!",
      "correct horse battery staple");

  @Test
  void secretsNeverAppearInAnyReportFormat() {
    for (String format : List.of("text", "json", "sarif", "github")) {
      Cli.Run run = Cli.run("-f", format, "--fail-on", "none", "testdata/rules/secret-in-env/bad-named-secrets.yaml",
          "testdata/rules/secret-in-env/bad-token-shapes.yaml");
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().contains("secret-in-env"), format + " output has no secret-in-env finding");
      for (String secret : SECRETS) {
        assertFalse(run.out().contains(secret), format + " output shows the secret " + secret);
        assertFalse(run.err().contains(secret), format + " error output shows the secret " + secret);
      }
    }
  }

  @Test
  void reportUnsetParameterTurnsTheNoteOff() throws IOException {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
            - name: b
              image: b:1
              securityContext: {allowPrivilegeEscalation: true}
        """;
    RuleDefinition standard = rule("privilege-escalation", t -> t);
    RuleDefinition explicitOnly = rule("privilege-escalation", t -> replaceOnce(t, "      default: true", "      default: false"));
    assertEquals(List.of("note", "warning"), levels(lint(pod, standard)));
    assertEquals(List.of("warning"), levels(lint(pod, explicitOnly)));
  }

  @Test
  void capabilityListsComeFromTheParameters() throws IOException {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              securityContext:
                capabilities:
                  add: [SYS_TIME, NET_ADMIN]
        """;
    RuleDefinition standard = rule("dangerous-capabilities", t -> t);
    assertEquals(List.of("note", "warning", "warning"), levels(lint(pod, standard)));
    // SYS_TIME allowed, NET_ADMIN critical, NET_RAW not required to be dropped
    RuleDefinition tuned = rule("dangerous-capabilities", t -> replaceOnce(replaceOnce(replaceOnce(t,
        "SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]", "SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT, SYS_TIME]"),
        "default: [ALL, SYS_ADMIN,", "default: [NET_ADMIN, ALL, SYS_ADMIN,"),
        "      type: boolean\n      default: true", "      type: boolean\n      default: false"));
    assertEquals(List.of("error"), levels(lint(pod, tuned)));
  }

  /**
   * Each hostPath volume gets one of the three hostPath rules, and the partition follows the
   * definitions the run uses: a path added to sensitive-host-mount's list leaves host-path-volume.
   */
  @Test
  void hostPathRulesShareTheRunsDefinitions() throws IOException {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              volumeMounts: [{name: data, mountPath: /data}]
          volumes:
            - name: data
              hostPath: {path: /srv/data}
        """;
    RuleDefinition general = rule("host-path-volume", t -> t);
    RuleDefinition standard = rule("sensitive-host-mount", t -> t);
    RuleDefinition extended = rule("sensitive-host-mount", t -> replaceOnce(t, "        - /opt/cni/**\n",
        "        - /opt/cni/**\n        - /srv/**\n"));
    assertEquals(List.of("host-path-volume"), names(lint(pod, general, standard)));
    assertEquals(List.of("sensitive-host-mount"), names(lint(pod, general, extended)));
  }

  @Test
  void secretNameWordsAreWholeWords() throws IOException {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              env:
                - {name: TOKENIZER, value: bert-base-uncased}
                - {name: authToken, value: bert-base-uncased}
                - {name: X_PASSWORD_Y, value: bert-base-uncased}
        """;
    List<Finding> found = lint(pod, rule("secret-in-env", t -> t));
    assertEquals(List.of(10, 11), found.stream().map(f -> f.span().start().line()).toList());
  }

  // ------------------------------------------------------------------------------------------------

  /** A built-in rule, its file text changed by {@code edit}, parsed as a rule file. */
  private static RuleDefinition rule(String name, UnaryOperator<String> edit) throws IOException {
    RuleDefinition builtin = TestSupport.catalog().get(name);
    String text = Files.readString(TestSupport.ROOT.resolve("rules").resolve(builtin.fileName()), StandardCharsets.UTF_8);
    return RuleCatalog.parse(new ManifestLoader(), builtin.fileName(), edit.apply(text));
  }

  private static String replaceOnce(String text, String from, String to) {
    int i = text.indexOf(from);
    assertTrue(i >= 0, "the rule file no longer holds: " + from);
    return text.substring(0, i) + to + text.substring(i + from.length());
  }

  private static List<Finding> lint(String text, RuleDefinition... rules) {
    Linter linter = TestSupport.linter(TestSupport.catalog(), List.of(rules), LintOptions.DEFAULT);
    return linter.lintText(new SourceFile("test.yaml", null), text).findings();
  }

  private static List<String> levels(List<Finding> findings) {
    return findings.stream().map(f -> f.severity().name().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static List<String> names(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().name()).toList();
  }
}
