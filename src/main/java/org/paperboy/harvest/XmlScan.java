package org.paperboy.harvest;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a whole OAI-PMH or Atom response once to check it is complete, well-formed XML, and picks
 * out what paging needs: the response date, an OAI-PMH error, the resumption token, the total.
 *
 * @param resumptionToken null when the page has no token element; empty on the last page
 */
public record XmlScan(
    String responseDate,
    String errorCode,
    String errorMessage,
    String resumptionToken,
    Long totalResults,
    int entries) {
  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  /** Throws {@link IllegalArgumentException} when the body is not complete, well-formed XML. */
  public static XmlScan of(byte[] body) {
    String date = null;
    String code = null;
    String message = null;
    String token = null;
    Long total = null;
    int entries = 0;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        while (r.hasNext()) {
          if (r.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          switch (r.getLocalName()) {
            case "responseDate" -> date = r.getElementText().strip();
            case "error" -> {
              code = r.getAttributeValue(null, "code");
              message = r.getElementText().strip();
            }
            case "resumptionToken" -> token = r.getElementText().strip();
            case "totalResults" -> {
              try {
                total = Long.parseLong(r.getElementText().strip());
              } catch (NumberFormatException e) {
                total = null;
              }
            }
            case "record", "entry" -> entries++;
            default -> {}
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException(
          "not complete XML (" + e.getMessage().replaceAll("\\s+", " ") + ")");
    }
    return new XmlScan(date, code, message, token, total, entries);
  }
}
