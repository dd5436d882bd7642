package dev.podlint.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a reproducible corpus of realistic manifests for {@code podlint bench}: Deployments (each
 * followed by its Service), StatefulSets and CronJobs with 1 to 4 containers, as multi-document
 * files. The same seed and count give the same bytes on every machine ({@link Random} is specified).
 */
public final class CorpusGenerator {
  /** The seed {@code podlint bench} uses unless told otherwise. */
  public static final long DEFAULT_SEED = 20261121L;

  private static final String[] APPS = {"checkout", "cart", "catalog", "search", "payments", "auth", "orders",
      "inventory", "shipping", "reviews", "recommend", "notify", "billing", "gateway", "profile"};
  private static final String[] IMAGES = {"nginx:1.27.2", "redis:7.4.1", "postgres:16.4", "ghcr.io/acme/api:2.3.1",
      "registry.example.com/team/worker@sha256:" + "a".repeat(64), "busybox:1.36", "envoyproxy/envoy:v1.31.2",
      "otel/opentelemetry-collector:0.112.0", "python:3.12-slim", "ghcr.io/acme/web:latest"};
  private static final String[] ROLES = {"app", "sidecar", "proxy", "exporter"};

  private final Random random;
  private int serial;

  public CorpusGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Writes {@code documents} documents into {@code dir}, {@code perFile} to a file (the last file
   * may hold fewer), and returns the files written in order.
   */
  public List<Path> write(Path dir, int documents, int perFile) throws IOException {
    if (documents < 0 || perFile < 1) {
      throw new IllegalArgumentException("documents must be >= 0 and perFile >= 1");
    }
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    int written = 0;
    while (written < documents) {
      Path file = dir.resolve(String.format("manifests-%05d.yaml", files.size()));
      int inFile = Math.min(perFile, documents - written);
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inFile; i++) {
          if (i > 0) {
            sb.append("---\n");
          }
          // a Deployment is followed by its Service when there is room in the file
          int kind = random.nextInt(10);
          if (kind < 5 && i + 1 < inFile) {
            String name = name();
            deployment(sb, name);
            sb.append("---\n");
            service(sb, name);
            i++;
          } else if (kind < 5) {
            deployment(sb, name());
          } else if (kind < 8) {
            statefulSet(sb, name());
          } else {
            cronJob(sb, name());
          }
        }
        w.write(sb.toString());
        written += inFile;
      }
      files.add(file);
    }
    return files;
  }

  private String name() {
    return APPS[random.nextInt(APPS.length)] + "-" + (serial++);
  }

  private String namespace() {
    return "team-" + (char) ('a' + random.nextInt(6));
  }

  private void deployment(StringBuilder sb, String name) {
    sb.append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: ").append(namespace()).append("\n  labels:\n    app: ").append(name)
        .append("\n    tier: backend\nspec:\n  replicas: ").append(1 + random.nextInt(5));
    selectorAndTemplate(sb, name);
  }

  private void statefulSet(StringBuilder sb, String name) {
    sb.append("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: ").append(namespace()).append("\nspec:\n  serviceName: ").append(name)
        .append("\n  replicas: ").append(1 + random.nextInt(3));
    selectorAndTemplate(sb, name);
    sb.append("  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n")
        .append("        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: ")
        .append(1 + random.nextInt(100)).append("Gi\n");
  }

  /** A Deployment's or StatefulSet's selector and pod template, both labelled {@code app: name}. */
  private void selectorAndTemplate(StringBuilder sb, String name) {
    sb.append("\n  selector:\n    matchLabels:\n      app: ").append(name)
        .append("\n  template:\n    metadata:\n      labels:\n        app: ").append(name).append('\n');
    podSpec(sb, "    ", false);
  }

  private void cronJob(StringBuilder sb, String name) {
    sb.append("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: ").append(namespace()).append("\nspec:\n  schedule: \"")
        .append(random.nextInt(60)).append(" */").append(1 + random.nextInt(12)).append(" * * *\"\n");
    if (random.nextBoolean()) {
      sb.append("  startingDeadlineSeconds: 300\n");
    }
    sb.append("  jobTemplate:\n    spec:\n      backoffLimit: 2\n      template:\n        metadata:\n")
        .append("          labels:\n            app: ").append(name).append('\n');
    podSpec(sb, "        ", true);
  }

  private void service(StringBuilder sb, String name) {
    sb.append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name)
        .append("\nspec:\n  selector:\n    app: ").append(name)
        .append("\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n");
  }

  /** A pod template's {@code spec:} at {@code indent}, with 1 to 4 containers. */
  private void podSpec(StringBuilder sb, String indent, boolean job) {
    String i = indent;
    sb.append(i).append("spec:\n");
    if (job) {
      sb.append(i).append("  restartPolicy: OnFailure\n");
    }
    if (random.nextInt(3) > 0) {
      sb.append(i).append("  automountServiceAccountToken: false\n");
    }
    if (random.nextBoolean()) {
      sb.append(i).append("  securityContext:\n").append(i).append("    runAsNonRoot: true\n")
          .append(i).append("    seccompProfile:\n").append(i).append("      type: RuntimeDefault\n");
    }
    sb.append(i).append("  containers:\n");
    int containers = 1 + random.nextInt(4);
    for (int c = 0; c < containers; c++) {
      String image = IMAGES[random.nextInt(IMAGES.length)];
      sb.append(i).append("    - name: ").append(ROLES[c]).append('\n')
          .append(i).append("      image: ").append(image).append('\n');
      if (c == 0 && !job) {
        sb.append(i).append("      ports:\n").append(i).append("        - name: http\n")
            .append(i).append("          containerPort: 8080\n");
      }
      if (random.nextBoolean()) {
        sb.append(i).append("      env:\n").append(i).append("        - name: LOG_LEVEL\n")
            .append(i).append("          value: info\n").append(i).append("        - name: POD_NAME\n")
            .append(i).append("          valueFrom:\n").append(i).append("            fieldRef:\n")
            .append(i).append("              fieldPath: metadata.name\n");
      }
      if (random.nextInt(4) > 0) {
        sb.append(i).append("      resources:\n").append(i).append("        requests:\n")
            .append(i).append("          cpu: ").append(50 * (1 + random.nextInt(8))).append("m\n")
            .append(i).append("          memory: ").append(64 * (1 + random.nextInt(8))).append("Mi\n")
            .append(i).append("        limits:\n")
            .append(i).append("          memory: ").append(128 * (1 + random.nextInt(8))).append("Mi\n");
      }
      if (c == 0 && !job && random.nextBoolean()) {
        sb.append(i).append("      readinessProbe:\n").append(i).append("        httpGet:\n")
            .append(i).append("          path: /healthz\n").append(i).append("          port: http\n");
      }
      if (random.nextBoolean()) {
        sb.append(i).append("      securityContext:\n")
            .append(i).append("        allowPrivilegeEscalation: false\n")
            .append(i).append("        readOnlyRootFilesystem: true\n")
            .append(i).append("        capabilities:\n").append(i).append("          drop: [ALL]\n");
      }
    }
  }
}
