package org.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Source;

/**
 * arXiv API responses (Atom 1.0 with {@code arxiv:} extensions), both the legacy layout and the
 * 2025+ one (un-prefixed children, https links). An API error entry fails the whole response.
 */
public final class ArxivAtomParser implements PaperParser {
  /**
   * arXiv categories look like {@code cs.LG}, {@code hep-th}, {@code math-ph}; MSC/ACM codes do
   * not.
   */
  private static final Pattern CATEGORY = Pattern.compile("[a-z-]+(\\.[A-Za-z-]+)?");

  @Override
  public void parse(InputStream in, String fileName, RecordSink sink) throws IOException {
    XMLStreamReader r = XmlReaders.open(in);
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && "entry".equals(r.getLocalName())) {
          readEntry(r, sink);
        }
      }
    } catch (XMLStreamException e) {
      throw XmlReaders.malformed(e);
    }
  }

  private static void readEntry(XMLStreamReader r, RecordSink sink) throws XMLStreamException {
    String where = "entry at line " + XmlReaders.line(r);
    Entry e = new Entry();
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (r.getLocalName()) {
        case "id" -> e.id = r.getElementText();
        case "title" -> e.title = r.getElementText();
        case "summary" -> e.summary = r.getElementText();
        case "published" -> e.published = r.getElementText();
        case "updated" -> e.updated = r.getElementText();
        case "name" -> e.authors.add(r.getElementText());
        case "comment" -> e.comment = r.getElementText();
        case "journal_ref" -> e.journalRef = r.getElementText();
        case "doi" -> e.doi = r.getElementText();
        case "primary_category" -> {
          e.primary = r.getAttributeValue(null, "term");
          depth++;
        }
        case "category" -> {
          e.categories.add(r.getAttributeValue(null, "term"));
          depth++;
        }
        default -> depth++;
      }
    }
    if (e.id != null && e.id.contains("/api/errors")) {
      throw new BadInputException(
          "arXiv API error: " + (e.summary == null ? "no details" : e.summary.strip()));
    }
    try {
      sink.accept(e.toPaper());
    } catch (IllegalArgumentException ex) {
      sink.reject(where, ex.getMessage());
    }
  }

  /** What one entry said, before validation. */
  private static final class Entry {
    String id;
    String title;
    String summary;
    String published;
    String updated;
    String comment;
    String journalRef;
    String doi;
    String primary;
    final List<String> authors = new ArrayList<>();
    final List<String> categories = new ArrayList<>();

    Paper toPaper() {
      ArxivId arxivId =
          ArxivId.parse(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          id == null ? "missing id" : "not an arXiv id: '" + id.strip() + "'"));
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("missing title for " + arxivId.id());
      }
      LocalDate first = SourceDates.iso(published);
      LocalDate last = SourceDates.iso(updated);
      List<PaperVersion> versions = new ArrayList<>();
      if (first != null) {
        versions.add(new PaperVersion(1, first));
      }
      if (arxivId.version() > 1) {
        versions.add(new PaperVersion(arxivId.version(), last));
      }
      List<String> cats = new ArrayList<>();
      if (primary != null && CATEGORY.matcher(primary).matches()) {
        cats.add(primary);
      }
      for (String c : categories) {
        if (c != null && CATEGORY.matcher(c).matches() && !cats.contains(c)) {
          cats.add(c);
        }
      }
      return Paper.builder(arxivId.id())
          .source(Source.API)
          .title(title)
          .abstractText(summary)
          .authors(authors)
          .categories(cats)
          .versions(versions)
          .published(first)
          .updated(last != null ? last : first)
          .doi(doi)
          .journalRef(journalRef)
          .comments(comment)
          .build();
    }
  }
}
