package dev.podlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Image references: registry ports are not tags, digests pin, placeholders are not judged. */
class ImageRefTest {
  private static ImageRef ref(String image) {
    Optional<ImageRef> r = ImageRef.parse(image);
    assertTrue(r.isPresent(), image + " should parse");
    return r.get();
  }

  @Test
  void tagsDigestsAndRegistryPorts() {
    assertEquals(new ImageRef(null, "nginx", null, null), ref("nginx"));
    assertEquals(new ImageRef(null, "nginx", "1.27.3", null), ref("nginx:1.27.3"));
    assertEquals(new ImageRef("registry.example.com:5000", "team/app", null, null),
        ref("registry.example.com:5000/team/app"));
    assertEquals("registry.example.com:5000/team/app", ref("registry.example.com:5000/team/app").name());
    assertEquals(new ImageRef("localhost:5000", "app", "v1", null), ref(" localhost:5000/app:v1 "));
    String digest = "sha256:6999a7657e2f2fb0ca6ebf417213eebf6dc7d21b30708c622f6fcb11183a2bb0";
    assertEquals(new ImageRef("quay.io", "org/app", "latest", digest), ref("quay.io/org/app:latest@" + digest));
    assertEquals(new ImageRef(null, "app", null, digest), ref("app@" + digest));
    assertTrue(ref("app@" + digest).pinnedByDigest());
    assertEquals(new ImageRef("Registry.Example.com", "app", "Release_2.0", null),
        ref("Registry.Example.com/app:Release_2.0"));
    assertEquals(new ImageRef(null, "bitnami/redis", "7", null), ref("bitnami/redis:7"));
  }

  @Test
  void placeholdersAndTemplatesAreNotReferences() {
    for (String s : new String[] {"", "  ", "{{ .Values.image }}", "${IMAGE}", "$(IMAGE)",
        "us-docker.pkg.dev/PROJECT_ID/repo/app", "gcr.io/$PROJECT_ID/app:latest", "<your-image>",
        "my image", "app:", "app:-bad"}) {
      assertEquals(Optional.empty(), ImageRef.parse(s), s);
    }
  }

  @Test
  void splitTakesAnyReferenceApart() {
    ImageRef placeholder = ImageRef.split("us-docker.pkg.dev/PROJECT_ID/redis:7@sha256:abc");
    assertEquals(new ImageRef("us-docker.pkg.dev", "PROJECT_ID/redis", "7", "sha256:abc"), placeholder);
    assertEquals("us-docker.pkg.dev/PROJECT_ID/redis", placeholder.name());
    assertEquals(new ImageRef("LOCALHOST", "app", null, null), ImageRef.split("LOCALHOST/app"));
    assertEquals(new ImageRef(null, "team/app", null, null), ImageRef.split("team/app:"));
    assertEquals(new ImageRef(null, "/app", null, null), ImageRef.split("/app"));
    assertEquals(new ImageRef(null, "host", "5000", null), ImageRef.split("host:5000"));
  }
}
