package dev.podlint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about podlint itself. */
public final class Podlint {
  /** The project's home page, also the base of rule help links. */
  public static final String HOME = "https://podlint.dev";

  private static final String VERSION = readVersion();

  private Podlint() {}

  public static String version() {
    return VERSION;
  }

  /** Where a rule's documentation lives on the web. */
  public static String helpUri(String ruleName) {
    return HOME + "/rules#" + ruleName;
  }

  private static String readVersion() {
    try (InputStream in = Podlint.class.getResourceAsStream("podlint.properties")) {
      if (in == null) {
        return "0.0.0-dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "0.0.0-dev");
      return v.startsWith("${") ? "0.0.0-dev" : v;
    } catch (IOException e) {
      return "0.0.0-dev";
    }
  }
}
