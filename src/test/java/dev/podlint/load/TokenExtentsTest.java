package dev.podlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podlint.model.FileObjects;
import dev.podlint.model.K8sObject;
import dev.podlint.model.Position;
import dev.podlint.model.SourceFile;
import dev.podlint.model.TextExtents;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the loader says an object's text ends: the place a proposal's text goes. */
class TokenExtentsTest {
  private record Loaded(List<K8sObject> objects, TextExtents extents) {}

  private static Loaded load(String text) {
    LoadedFile f = new ManifestLoader().loadText(new SourceFile("t.yaml", null), text);
    return new Loaded(f.objects(), ((FileObjects) f.objects()).extents().orElseThrow());
  }

  /** The node span of a block root ends inside the brackets of its last value; the text ends after them. */
  @Test
  void aDocumentEndingInsideFlowCollectionsEndsAfterTheirBrackets() {
    Loaded l = load("apiVersion: v1\nkind: Pod\nspec:\n  probe: {exec: {command: [redis-cli, ping]}}\n"
        + "# own line after\n---\napiVersion: v1\nkind: Service\n");
    assertEquals(new Position(5, 1), l.extents().textEnd(l.objects().get(0).root()),
        "past the brackets and the line break, before the comment on a line of its own");
    assertEquals(new Position(9, 1), l.extents().textEnd(l.objects().get(1).root()));
  }

  @Test
  void aCommentOnTheLastLineGoesWithTheText() {
    Loaded l = load("apiVersion: v1\nkind: Pod\nx: [a, b]  # the last line\n\n# a comment of its own\n");
    assertEquals(new Position(4, 1), l.extents().textEnd(l.objects().get(0).root()));
  }

  @Test
  void theLastLineOfAFileWithoutALineBreakEndsAtItsLastToken() {
    Loaded l = load("apiVersion: v1\nkind: Pod\nx: [1, 2]");
    assertEquals(new Position(3, 10), l.extents().textEnd(l.objects().get(0).root()));
    Loaded quoted = load("apiVersion: v1\nkind: Pod\nx: 'a b'   ");
    assertEquals(new Position(3, 9), quoted.extents().textEnd(quoted.objects().get(0).root()));
  }

  @Test
  void anAliasAtTheEndCountsWhereItIsWritten() {
    Loaded l = load("apiVersion: v1\nkind: Pod\nmetadata:\n  labels: &l {app: x}\nspec:\n  x: *l\n# after\n");
    assertEquals(new Position(7, 1), l.extents().textEnd(l.objects().get(0).root()));
  }

  @Test
  void crlfAndCrLineEnds() {
    Loaded crlf = load("apiVersion: v1\r\nkind: Pod\r\nx: {a: [1]}\r\n# after\r\n");
    assertEquals(new Position(4, 1), crlf.extents().textEnd(crlf.objects().get(0).root()));
    Loaded cr = load("apiVersion: v1\rkind: Pod\rx: {a: [1]}\r# after\r");
    assertEquals(new Position(4, 1), cr.extents().textEnd(cr.objects().get(0).root()));
  }

  @Test
  void itemsOfABlockListKnowTheirDash() {
    Loaded l = load("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: A\n  x: {a: [1]}\n"
        + "-   apiVersion: v1\n    kind: B\n  # between\n- apiVersion: v1\n  kind: C\n");
    K8sObject a = l.objects().get(0);
    K8sObject b = l.objects().get(1);
    assertEquals(new Position(7, 1), l.extents().textEnd(a.root()));
    assertEquals(Optional.of(new Position(4, 1)), l.extents().entryDash(a.root()));
    assertEquals(Optional.of(new Position(7, 1)), l.extents().entryDash(b.root()));
    assertEquals(5, b.root().span().start().column());
    assertEquals(new Position(9, 1), l.extents().textEnd(b.root()), "the comment between the items stays");
    assertFalse(l.extents().inFlow(a.root()));
    assertTrue(l.extents().entryDash(l.objects().get(2).root()).isPresent());
  }

  @Test
  void itemsOfAFlowListAreInFlow() {
    Loaded l = load("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"A\"}]}\n");
    K8sObject a = l.objects().get(0);
    assertTrue(l.extents().inFlow(a.root()));
    assertEquals(Optional.empty(), l.extents().entryDash(a.root()));
  }

  @Test
  void aSyntaxErrorLaterLeavesTheDocumentsBeforeItAnswered() {
    Loaded l = load("apiVersion: v1\nkind: Pod\nx: [1]\n---\napiVersion: v1\nkind: Pod\nx: [1\n");
    assertEquals(new Position(4, 1), l.extents().textEnd(l.objects().get(0).root()));
  }
}
