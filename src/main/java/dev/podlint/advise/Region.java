package dev.podlint.advise;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Position;
import dev.podlint.model.Span;
import dev.podlint.model.TextExtents;
import java.util.List;
import java.util.Optional;

/**
 * The text a proposal replaces for one object, and how the objects that take its place are
 * written there: a whole document (from its first key to the end of its text, the comments and
 * markers around it untouched), or an item of a {@code kind: List} written in block style (the
 * new objects become items of that list). An item of a flow collection ({@code [...]}, as JSON
 * has them) has no such place: podlint does not rewrite flow text.
 *
 * @param dashIndent for an item, the column (0-based) of its dash
 * @param contentIndent for an item, the column (0-based) its text starts at
 */
record Region(Span span, boolean item, int dashIndent, int contentIndent) {
  /** Where {@code o}'s text is, or empty when podlint cannot replace it. */
  static Optional<Region> of(K8sObject o, List<K8sObject> fileObjects) {
    if (!(fileObjects instanceof FileObjects f) || f.extents().isEmpty()) {
      return Optional.empty(); // the text is not known
    }
    TextExtents x = f.extents().get();
    Position start = o.root().span().start();
    Span span = new Span(start, x.textEnd(o.root()));
    if (o.root().path().isRoot()) {
      return Optional.of(new Region(span, false, 0, 0));
    }
    Optional<Position> dash = x.entryDash(o.root());
    if (dash.isEmpty() || x.inFlow(o.root())) {
      return Optional.empty();
    }
    return Optional.of(new Region(span, true, dash.get().column() - 1, start.column() - 1));
  }

  /** Why {@code o}'s text cannot be replaced, or empty when it can. */
  static Optional<String> whyNot(K8sObject o, List<K8sObject> fileObjects) {
    if (of(o, fileObjects).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(fileObjects instanceof FileObjects f && f.extents().isPresent()
        ? "its text is an item of a flow-style (JSON) list, which podlint does not rewrite"
        : "podlint was not given the text of its file");
  }

  /** The text that takes the place of the region: {@code objects}, each with its comments. */
  String text(List<YamlWriter.Commented> objects) {
    String text;
    if (item) {
      text = YamlWriter.items(objects, dashIndent, contentIndent);
    } else {
      text = YamlWriter.documents(objects.stream().map(o -> YamlWriter.document(o.comments(), o.value())).toList());
      if (span.start().column() > 1) {
        text = "\n" + text; // the document started on its "---" line: the comments cannot
      }
    }
    // the region ends at a line start, unless it is the last line of a file without a final break
    return span.end().column() == 1 ? text : text.substring(0, text.length() - 1);
  }
}
