package dev.podlint.schema;

import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;

/**
 * What a string {@code format} of a schema asks for, in people's words: the Kubernetes schemas use
 * {@code date-time}, rule parameters {@code regex} (and a configuration may use others).
 */
final class FormatNames {
  private FormatNames() {}

  /** The name of the format {@code violated} asks for, or null when it names none. */
  private static String format(Schema violated) {
    return EveritErrors.unwrap(violated) instanceof StringSchema s && s.getFormatValidator() != null
        ? s.getFormatValidator().formatName() : null;
  }

  /** {@code an RFC 3339 date-time}, {@code a regular expression}, {@code a string of format "email"}. */
  static String expected(Schema violated) {
    String f = format(violated);
    if (f == null) {
      return "a string of the schema's format";
    }
    return switch (f) {
      case "date-time" -> "an RFC 3339 date-time";
      case "regex" -> "a regular expression";
      case "date" -> "an RFC 3339 date";
      case "time" -> "an RFC 3339 time";
      case "uri" -> "a URI";
      case "email" -> "an email address";
      case "ipv4" -> "an IPv4 address";
      case "ipv6" -> "an IPv6 address";
      case "hostname" -> "a host name";
      default -> "a string of format \"" + f + "\"";
    };
  }

  /** Why the value is not of the format, when podlint can say more than that: a regex's syntax error. */
  static String why(Schema violated, YNode value) {
    if (!"regex".equals(format(violated)) || !(value instanceof YScalar s)) {
      return "";
    }
    try {
      Pattern.compile(s.value());
      return "";
    } catch (PatternSyntaxException x) {
      return " (" + x.getDescription() + " near index " + x.getIndex() + ")";
    }
  }
}
