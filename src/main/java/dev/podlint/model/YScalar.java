package dev.podlint.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A scalar: its text as written (after YAML unquoting and folding), its resolved type, and whether
 * it was quoted. Quoted scalars are always strings.
 */
public record YScalar(String value, Type type, boolean quoted, Span span, YPath path) implements YNode {
  public enum Type { STRING, INT, FLOAT, BOOL, NULL }

  public boolean isNull() {
    return type == Type.NULL;
  }

  public boolean isString() {
    return type == Type.STRING;
  }

  /** The integer value of an INT scalar (decimal, 0o octal or 0x hex), if it fits in a long. */
  public Optional<Long> asLong() {
    if (type != Type.INT) {
      return Optional.empty();
    }
    try {
      String v = value.replace("_", "");
      int sign = 1;
      if (v.startsWith("-") || v.startsWith("+")) {
        sign = v.startsWith("-") ? -1 : 1;
        v = v.substring(1);
      }
      BigInteger b;
      if (v.startsWith("0x")) {
        b = new BigInteger(v.substring(2), 16);
      } else if (v.startsWith("0o")) {
        b = new BigInteger(v.substring(2), 8);
      } else {
        b = new BigInteger(v);
      }
      b = sign < 0 ? b.negate() : b;
      return b.bitLength() < 64 ? Optional.of(b.longValue()) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A display form for messages: strings as written, other types by their text. */
  @Override
  public String toString() {
    return value;
  }
}
