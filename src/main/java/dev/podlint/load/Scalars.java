package dev.podlint.load;

import dev.podlint.model.Span;
import dev.podlint.model.YPath;
import dev.podlint.model.YScalar;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Types a scalar as Kubernetes reads it (YAML 1.1, see {@link Yaml11}) and notes whether the YAML
 * 1.2 Core reading (snakeyaml-engine's tag) disagrees. A tag written on the scalar is kept and read
 * as Go's reader reads it: {@code !!str} makes a string of anything, a standard tag ({@code !!int},
 * {@code !!float}, {@code !!bool}, {@code !!null}) types the text as if it were plain, quoted or
 * not (see {@link YScalar#contradictsTag} for a text that does not fit), and any other tag leaves
 * the text a string.
 */
final class Scalars {
  /** The Core schema's resolver, as the composer of {@link Settings#MANIFESTS} resolves with it. */
  private static final ScalarResolver RESOLVER = Settings.MANIFESTS.getSchema().getScalarResolver();

  private Scalars() {}

  /**
   * The tag snakeyaml-engine's composer gives a scalar event: resolved from the text (Core schema)
   * when none is written or only {@code !}, else the tag written.
   */
  static Tag tag(ScalarEvent e) {
    String written = e.getTag().orElse(null);
    if (written == null || written.equals("!")) {
      return RESOLVER.resolve(e.getValue(), e.getImplicit().canOmitTagInPlainScalar());
    }
    return new Tag(written);
  }

  /** Whether {@link #tag} resolved the tag (none was written) rather than taking the one written. */
  static boolean resolved(ScalarEvent e) {
    return e.getTag().map("!"::equals).orElse(true);
  }

  /**
   * The scalar {@code value} with snakeyaml-engine's {@code tag}, {@code resolved} from the text or
   * written, {@code plain} or quoted.
   */
  static YScalar of(String value, Tag tag, boolean resolved, boolean plain, Span span, YPath path) {
    if (!resolved) {
      return tagged(value, tag, plain, span, path);
    }
    YScalar.Type core;
    if (tag.equals(Tag.INT)) {
      core = YScalar.Type.INT;
    } else if (tag.equals(Tag.FLOAT)) {
      core = YScalar.Type.FLOAT;
    } else if (tag.equals(Tag.BOOL)) {
      core = YScalar.Type.BOOL;
    } else if (tag.equals(Tag.NULL)) {
      core = YScalar.Type.NULL;
    } else {
      core = YScalar.Type.STRING;
    }
    if (!plain) {
      return new YScalar(value, core, true, false, span, path);
    }
    YScalar.Type kube = Yaml11.resolve(value);
    boolean ambiguous = kube != core || kube == YScalar.Type.INT && !sameInteger(value);
    return new YScalar(value, kube, false, ambiguous, span, path);
  }

  /** A scalar with a tag written on it ({@code !!int "3"}, {@code !!str 3}, {@code !custom x}). */
  private static YScalar tagged(String value, Tag tag, boolean plain, Span span, YPath path) {
    String name = tag.getValue().startsWith(Tag.PREFIX) ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
        : tag.getValue();
    YScalar.Type type = YScalar.Type.STRING;
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
      type = Yaml11.resolve(value);
      if (tag.equals(Tag.FLOAT) && type == YScalar.Type.INT) {
        type = YScalar.Type.FLOAT; // Go makes a float64 of it
      }
    }
    // both readers follow the tag; only an octal 0755 still reads differently
    boolean ambiguous = type == YScalar.Type.INT && tag.equals(Tag.INT) && !sameInteger(value);
    return new YScalar(value, type, !plain, ambiguous, span, path, name);
  }

  /** Whether YAML 1.2 Core (decimal, 0o, 0x) reads an integer as YAML 1.1 does (0755 is not). */
  private static boolean sameInteger(String v) {
    String digits = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
    return !(digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1)));
  }
}
