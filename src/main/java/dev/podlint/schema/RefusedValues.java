package dev.podlint.schema;

import dev.podlint.model.YNode;
import dev.podlint.model.YScalar;
import dev.podlint.model.YTree;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;

/**
 * Values Kubernetes refuses wherever they are, whatever the schema says: a standard tag its value
 * contradicts ({@code !!int three}: Go's YAML reader cannot decode the document) and {@code .inf}
 * or {@code .nan} (JSON, which Kubernetes turns YAML into, has no such numbers). Each is a violation
 * at the value, in place of anything the schema says about it.
 */
final class RefusedValues {
  private RefusedValues() {}

  /** One violation per refused value below {@code root}, in document order. */
  static List<Violation> of(YNode root) {
    List<Violation> out = new ArrayList<>();
    YTree.forEachNode(root, n -> {
      if (n instanceof YScalar s) {
        String problem = s.contradictsTag() ? tagProblem(s) : notFinite(s);
        if (problem != null) {
          out.add(new Violation(s, s.path().describe(), problem));
        }
      }
    });
    return out;
  }

  /**
   * What is wrong with {@code .inf}, {@code -.inf} or {@code .nan} as a value (in any field): Kubernetes
   * turns YAML into JSON, which has no such numbers; null for any other scalar.
   */
  private static String notFinite(YScalar s) {
    if (s.type() != YScalar.Type.FLOAT) {
      return null;
    }
    double d = s.asDouble().orElse(0.0);
    String go = Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "+Inf" : "-Inf") : null;
    return go == null ? null : "got number " + SchemaValidator.shorten(s.value()) + ", which JSON cannot hold, so"
        + " Kubernetes refuses the whole document (\"json: unsupported value: " + go + "\"); quote it if you mean the text";
  }

  /** What is wrong with a value whose tag its text contradicts ({@code !!int three}). */
  private static String tagProblem(YScalar s) {
    String what = switch (s.tag()) {
      case "!!int" -> "an integer";
      case "!!float" -> "a number";
      case "!!bool" -> "a boolean";
      default -> "null";
    };
    String is = switch (s.type()) {
      case STRING -> "a string";
      case INT -> "an integer";
      case FLOAT -> "a number";
      case BOOL -> "a boolean";
      case NULL -> "null";
    };
    String goTag = switch (s.type()) {
      case STRING -> "!!str";
      case INT -> "!!int";
      case FLOAT -> "!!float";
      case BOOL -> "!!bool";
      case NULL -> "!!null";
    };
    String v = SchemaValidator.shorten(s.value());
    return "the tag " + s.tag() + " says " + what + ", but " + JSONObject.quote(v) + " is " + is
        + ", so Kubernetes refuses the whole document (\"cannot decode " + goTag + " `" + v + "` as a " + s.tag()
        + "\"); remove the tag or fix the value";
  }
}
