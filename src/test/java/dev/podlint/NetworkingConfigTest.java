package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration that teaches podlint an image's ports teaches every networking rule. */
class NetworkingConfigTest {
  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: shop
      spec:
        containers:
          - name: web
            image: registry.example.com/shop/web:3.1.0
            ports:
              - containerPort: 80
            readinessProbe:
              httpGet: {path: /, port: 8080}
          - name: client
            image: registry.example.com/shop/client:1.0.0
            env:
              - {name: WEB_URL, value: "http://localhost:9090/"}
      """;

  @Test
  void configuredImagePortsReachProbeAndLocalhostRules(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pod.yaml"), POD);
    Cli.Run before = Cli.run(dir, null, "--fail-on", "none", "pod.yaml");
    assertTrue(before.out().contains("[PL004 probe-port-undeclared]"), before.out());
    assertTrue(before.out().contains("[PL019 localhost-port-unbound]"), before.out());

    Files.writeString(dir.resolve(".podlint.yaml"), """
        rules:
          localhost-port-unbound:
            params:
              imagePorts:
                - {image: '(^|/)registry\\.example\\.com/shop/web$', ports: [80, 8080, 9090]}
        """);
    Cli.Run after = Cli.run(dir, null, "--fail-on", "none", "pod.yaml");
    assertEquals(0, after.code(), after.err());
    assertFalse(after.out().contains("probe-port-undeclared"), after.out());
    assertFalse(after.out().contains("localhost-port-unbound"), after.out());
  }

  @Test
  void aPortThatIsNoneIsAConfigurationError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("pod.yaml"), POD);
    Files.writeString(dir.resolve(".podlint.yaml"), """
        rules:
          localhost-port-unbound:
            params:
              imagePorts:
                - {image: 'web$', ports: ["99999"]}
        """);
    Cli.Run run = Cli.run(dir, null, "pod.yaml");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(".podlint.yaml:3:5: error: rules.localhost-port-unbound.params: rule "
        + "localhost-port-unbound cannot use these parameters: '99999'"), run.err());
  }
}
