package dev.podlint.schema;

import dev.podlint.model.Quantity;
import java.util.Optional;
import org.everit.json.schema.FormatValidator;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.loader.SchemaLoader;

/**
 * The string formats of podlint's Kubernetes schemas (see the schema generator): {@code quantity}
 * (the quantity grammar of {@link Quantity}) and {@code non-negative-quantity} (one that is not below
 * zero, as the API server requires of requests, limits and sizes). A violation's message is the
 * reason alone; {@link SchemaValidator} words it for the value.
 */
final class KubernetesFormats {
  static final String QUANTITY = "quantity";
  static final String NON_NEGATIVE_QUANTITY = "non-negative-quantity";
  /** The message of a quantity that is below zero where that is not allowed. */
  static final String NEGATIVE = "negative";

  private KubernetesFormats() {}

  /** everit's loader with bounded regular expressions and these formats. */
  static SchemaLoader.SchemaLoaderBuilder loader() {
    return BoundedRegexpFactory.loader().addFormatValidator(new QuantityFormat(QUANTITY, false))
        .addFormatValidator(new QuantityFormat(NON_NEGATIVE_QUANTITY, true));
  }

  /** Whether {@code schema} is a string schema of one of the quantity formats. */
  static boolean isQuantity(Object schema) {
    if (!(schema instanceof StringSchema s) || s.getFormatValidator() == null) {
      return false;
    }
    String name = s.getFormatValidator().formatName();
    return QUANTITY.equals(name) || NON_NEGATIVE_QUANTITY.equals(name);
  }

  private record QuantityFormat(String formatName, boolean nonNegative) implements FormatValidator {
    @Override
    public Optional<String> validate(String subject) {
      Optional<String> problem = Quantity.problem(subject);
      if (problem.isPresent()) {
        return problem;
      }
      return nonNegative && Quantity.negative(subject) ? Optional.of(NEGATIVE) : Optional.empty();
    }
  }
}
