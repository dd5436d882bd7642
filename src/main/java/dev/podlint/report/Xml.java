package dev.podlint.report;

/** Escaping for the XML formats (XML 1.0). */
final class Xml {
  private Xml() {}

  /**
   * Text for an attribute value in double quotes or element content: markup characters and double
   * quotes become entities (apostrophes need none), line
   * breaks and tabs become character references (so attribute values keep them), and characters
   * XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE, U+FFFF) become U+FFFD.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        case '\t' -> sb.append("&#9;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Element content: like {@link #escape}, but line breaks stay as they are. */
  static String text(String s) {
    return escape(s).replace("&#10;", "\n");
  }

  /** {@code name="value"} with a leading space. */
  static String attr(String name, Object value) {
    return " " + name + "=\"" + escape(String.valueOf(value)) + "\"";
  }

  /** Sorted findings cut into runs of one file each. */
  static java.util.List<java.util.List<dev.podlint.engine.Finding>> byFile(
      java.util.List<dev.podlint.engine.Finding> sorted) {
    java.util.List<java.util.List<dev.podlint.engine.Finding>> out = new java.util.ArrayList<>();
    for (dev.podlint.engine.Finding f : sorted) {
      if (out.isEmpty() || !out.get(out.size() - 1).get(0).file().equals(f.file())) {
        out.add(new java.util.ArrayList<>());
      }
      out.get(out.size() - 1).add(f);
    }
    return out;
  }
}
