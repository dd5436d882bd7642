package dev.podlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Image references: registry ports are not tags, digests pin, placeholders are not judged. */
class ImagesTest {
  private static Images.Ref ref(String image) {
    Optional<Images.Ref> r = Images.parse(image);
    assertTrue(r.isPresent(), image + " should parse");
    return r.get();
  }

  @Test
  void tagsDigestsAndRegistryPorts() {
    assertEquals(new Images.Ref("nginx", null, null), ref("nginx"));
    assertEquals(new Images.Ref("nginx", "1.27.3", null), ref("nginx:1.27.3"));
    assertEquals(new Images.Ref("registry.example.com:5000/team/app", null, null),
        ref("registry.example.com:5000/team/app"));
    assertEquals(new Images.Ref("localhost:5000/app", "v1", null), ref(" localhost:5000/app:v1 "));
    String digest = "sha256:6999a7657e2f2fb0ca6ebf417213eebf6dc7d21b30708c622f6fcb11183a2bb0";
    assertEquals(new Images.Ref("quay.io/org/app", "latest", digest), ref("quay.io/org/app:latest@" + digest));
    assertEquals(new Images.Ref("app", null, digest), ref("app@" + digest));
    assertEquals(new Images.Ref("Registry.Example.com/app", "Release_2.0", null), ref("Registry.Example.com/app:Release_2.0"));
  }

  @Test
  void placeholdersAndTemplatesAreNotReferences() {
    for (String s : new String[] {"", "  ", "{{ .Values.image }}", "${IMAGE}", "$(IMAGE)",
        "us-docker.pkg.dev/PROJECT_ID/repo/app", "gcr.io/$PROJECT_ID/app:latest", "<your-image>",
        "my image", "app:", "app:-bad"}) {
      assertEquals(Optional.empty(), Images.parse(s), s);
    }
  }
}
