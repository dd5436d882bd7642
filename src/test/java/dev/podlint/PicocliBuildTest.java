package dev.podlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * picocli is compiled from its source with podlint's classes (pom.xml), so that class-data
 * sharing archives and AOT caches take its classes: its own jar holds Java 5 bytecode, which
 * neither does.
 */
class PicocliBuildTest {
  @Test
  void picocliIsJava17BytecodeLikePodlints() throws IOException {
    assertEquals(61, majorVersion("picocli/CommandLine.class"), "picocli compiled at release 17");
    assertEquals(61, majorVersion("picocli/CommandLine$Model$CommandSpec.class"));
    assertEquals(majorVersion("dev/podlint/cli/Main.class"), majorVersion("picocli/CommandLine.class"));
  }

  @Test
  void itsLicenceNoticeTravelsWithIt() throws IOException {
    try (InputStream in = PicocliBuildTest.class.getClassLoader().getResourceAsStream("META-INF/NOTICE-picocli.txt")) {
      assertNotNull(in, "META-INF/NOTICE-picocli.txt");
      String notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(notice.contains("picocli " + picocli.CommandLine.VERSION), notice);
      assertTrue(notice.contains("Apache License, Version 2.0"), notice);
    }
  }

  private static int majorVersion(String resource) throws IOException {
    try (InputStream in = PicocliBuildTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      DataInputStream d = new DataInputStream(in);
      assertEquals(0xCAFEBABE, d.readInt(), resource);
      d.readUnsignedShort(); // minor
      return d.readUnsignedShort();
    }
  }
}
