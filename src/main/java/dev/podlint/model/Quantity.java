package dev.podlint.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1}, {@code 0.5}, {@code 1Gi}, {@code 1e3},
 * {@code 128M}), parsed exactly into a decimal number of base units.
 */
public final class Quantity {
  private static final Pattern FORM = Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(.*)");
  private static final Pattern EXPONENT = Pattern.compile("[eE]([+-]?[0-9]{1,4})");
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("n", new BigDecimal("1e-9")),
      Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")),
      Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")),
      Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")),
      Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
      Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
      Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
      Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantity() {}

  /** The value in base units (cores, bytes, ...), or empty when the text is not a quantity. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number;
    try {
      number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String suffix = m.group(2);
    BigDecimal factor = SUFFIXES.get(suffix);
    if (factor != null) {
      return Optional.of(number.multiply(factor));
    }
    Matcher e = EXPONENT.matcher(suffix);
    if (e.matches()) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(e.group(1))));
    }
    return Optional.empty();
  }
}
