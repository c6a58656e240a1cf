package org.paperboy.ingest;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX readers hardened against entity tricks, and one-line messages for XML errors. */
final class XmlReaders {
  private static final XMLInputFactory FACTORY = new com.fasterxml.aalto.stax.InputFactoryImpl();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
  }

  private XmlReaders() {}

  static XMLStreamReader open(InputStream in) {
    try {
      return FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  static BadInputException malformed(XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
    // The JDK parser prefixes "ParseError at [row,col]:[…]\nMessage: "; keep only the message.
    int idx = message.indexOf("Message: ");
    if (idx >= 0) {
      message = message.substring(idx + "Message: ".length());
    }
    int aaltoWhere = message.indexOf(" at [row,col");
    if (aaltoWhere >= 0) {
      message = message.substring(0, aaltoWhere); // the location is reported below
    }
    message = message.replaceAll("\\s+", " ").strip();
    String where =
        at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    return new BadInputException("malformed or truncated XML" + where + ": " + message, e);
  }

  static int line(XMLStreamReader r) {
    Location at = r.getLocation();
    return at == null ? -1 : at.getLineNumber();
  }
}
