package dev.podlint.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A closed vocabulary of rule files ({@code engine}, {@code category}, {@code kind},
 * {@code precision}): an enum whose constants are written in rule files as their {@link #label()},
 * the constant's name in lower case with dashes ({@code VERY_HIGH}: {@code very-high}).
 */
public interface Vocabulary {
  /** The word a rule file writes. */
  default String label() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant of {@code type} written as {@code word}. */
  static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String word) {
    for (E e : type.getEnumConstants()) {
      if (e.label().equals(word)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The words of {@code type}, in declaration order. */
  static <E extends Enum<E> & Vocabulary> List<String> labels(Class<E> type) {
    List<String> out = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      out.add(e.label());
    }
    return out;
  }
}
