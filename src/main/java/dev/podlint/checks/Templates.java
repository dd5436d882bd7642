package dev.podlint.checks;

/** Recognises template text that was never rendered (Helm, envsubst, Kustomize vars). */
final class Templates {
  private Templates() {}

  /** {@code ${X}}, {@code $(X)} or {@code {{ .Values.x }}}: not a value yet but a template. */
  static boolean isUnrendered(String s) {
    return s.contains("${") || s.contains("$(") || s.contains("{{");
  }

  /** A tutorial placeholder for a name to fill in: {@code <KSA_NAME>}, {@code $SA_NAME}. */
  static boolean isPlaceholder(String s) {
    return s.matches("<[^<>]+>|\\$[A-Za-z_][A-Za-z0-9_]*");
  }
}
