package dev.podlint.lsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents the editor has open, with the text it sent last (full synchronisation): written by
 * the protocol's thread, read by the linting thread as a snapshot.
 */
final class OpenDocuments {
  /** One open document as the editor last sent it. */
  record Doc(String uri, String languageId, int version, String text) {}

  private final Map<String, Doc> docs = new ConcurrentHashMap<>();

  void open(String uri, String languageId, int version, String text) {
    docs.put(uri, new Doc(uri, languageId, version, text));
  }

  /** The document's new text (the last full text of a change). */
  void change(String uri, int version, String text) {
    docs.computeIfPresent(uri, (u, d) -> new Doc(u, d.languageId(), version, text));
  }

  void close(String uri) {
    docs.remove(uri);
  }

  Optional<Doc> get(String uri) {
    return Optional.ofNullable(docs.get(uri));
  }

  /** Every open document as it is now. */
  List<Doc> snapshot() {
    return List.copyOf(docs.values());
  }
}
