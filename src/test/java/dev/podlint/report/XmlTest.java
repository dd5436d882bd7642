package dev.podlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlTest {
  @Test
  void markupQuotesAndLineBreaksSurviveAnAttributeRoundTrip() throws Exception {
    String nasty = "a<b>&c \"d\" 'e'\nline\ttab\r\u00e9 \ud83d\ude00";
    assertEquals(nasty, attributeRoundTrip(nasty));
  }

  @Test
  void charactersXmlCannotHoldBecomeReplacementCharacters() throws Exception {
    assertEquals("x\uFFFDy\uFFFDz\uFFFD", attributeRoundTrip("x\u0001y\ud800z\uFFFF"));
    assertEquals("a&amp;b&lt;c\n", Xml.text("a&b<c\n"));
  }

  private static String attributeRoundTrip(String value) throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><e" + Xml.attr("v", value) + ">" + Xml.text(value) + "</e>";
    Element e = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    String text = e.getTextContent().replace("\r", "").replace("\n", "");
    assertEquals(e.getAttribute("v").replace("\r", "").replace("\n", ""), text.replace("\r", "").replace("\n", ""));
    return e.getAttribute("v");
  }
}
