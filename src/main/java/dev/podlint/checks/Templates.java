package dev.podlint.checks;

/** Recognises template text that was never rendered (Helm, envsubst, Kustomize vars). */
final class Templates {
  private Templates() {}

  /** {@code ${X}}, {@code $(X)} or {@code {{ .Values.x }}}: not a value yet but a template. */
  static boolean isUnrendered(String s) {
    return s.contains("${") || s.contains("$(") || s.contains("{{");
  }
}
