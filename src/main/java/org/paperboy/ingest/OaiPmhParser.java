package org.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Source;

/**
 * OAI-PMH {@code ListRecords} responses with {@code metadataPrefix=arXiv} or {@code arXivRaw},
 * streamed with StAX. Deleted records ({@code <header status="deleted">}) become tombstones.
 */
public final class OaiPmhParser implements PaperParser {

  @Override
  public void parse(InputStream in, String fileName, RecordSink sink) throws IOException {
    XMLStreamReader r = XmlReaders.open(in);
    try {
      while (r.hasNext()) {
        int event = r.next();
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "error" -> {
            String code = r.getAttributeValue(null, "code");
            throw new BadInputException(
                "OAI-PMH error response"
                    + (code == null ? "" : " (" + code + ")")
                    + ": "
                    + r.getElementText().strip());
          }
          case "record" -> readRecord(r, sink);
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw XmlReaders.malformed(e);
    }
  }

  private static void readRecord(XMLStreamReader r, RecordSink sink) throws XMLStreamException {
    String where = "record at line " + XmlReaders.line(r);
    Fields f = new Fields();
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if ("author".equals(r.getLocalName()) && f.authorParts != null) {
          f.finishAuthor();
        }
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      // Leaves are read with getElementText(), which consumes their end tag; containers are not.
      boolean container = false;
      switch (name) {
        case "identifier" -> f.identifier = r.getElementText();
        case "datestamp" -> f.datestamp = r.getElementText();
        case "keyname" -> f.authorPart(0, r.getElementText());
        case "forenames" -> f.authorPart(1, r.getElementText());
        case "suffix" -> f.authorPart(2, r.getElementText());
        case "date" ->
            f.versions.add(versionOf(f.versionLabel, r.getElementText(), f.versions.size()));
        case "id",
            "title",
            "abstract",
            "categories",
            "comments",
            "journal-ref",
            "doi",
            "created",
            "updated" ->
            f.put(name, r.getElementText());
        case "authors" -> {
          if ("arXivRaw".equals(f.format)) {
            f.rawAuthors = r.getElementText();
          } else {
            container = true;
          }
        }
        default -> {
          container = true;
          switch (name) {
            case "header" -> f.deleted = "deleted".equals(r.getAttributeValue(null, "status"));
            case "arXiv", "arXivRaw" -> f.format = name;
            case "author" -> f.authorParts = new String[3];
            case "version" -> f.versionLabel = r.getAttributeValue(null, "version");
            default -> {}
          }
        }
      }
      if (container) {
        depth++;
      }
    }
    try {
      sink.accept(f.toPaper());
    } catch (IllegalArgumentException e) {
      sink.reject(where, e.getMessage());
    }
  }

  private static PaperVersion versionOf(String label, String date, int index) {
    int n =
        label != null && label.matches("v\\d+") ? Integer.parseInt(label.substring(1)) : index + 1;
    return new PaperVersion(n, SourceDates.rfc1123(date));
  }

  /** What one record said, before validation. */
  private static final class Fields {
    boolean deleted;
    String identifier;
    String datestamp;
    String format;
    String id;
    String title;
    String abstractText;
    String categories;
    String comments;
    String journalRef;
    String doi;
    String created;
    String updated;
    String rawAuthors;
    String versionLabel;
    String[] authorParts;
    final List<String> authors = new ArrayList<>();
    final List<PaperVersion> versions = new ArrayList<>();

    void put(String name, String value) {
      switch (name) {
        case "id" -> id = value;
        case "title" -> title = value;
        case "abstract" -> abstractText = value;
        case "categories" -> categories = value;
        case "comments" -> comments = value;
        case "journal-ref" -> journalRef = value;
        case "doi" -> doi = value;
        case "created" -> created = value;
        case "updated" -> updated = value;
        default -> throw new IllegalStateException(name);
      }
    }

    void authorPart(int i, String value) {
      if (authorParts == null) {
        authorParts = new String[3];
      }
      authorParts[i] = value;
    }

    void finishAuthor() {
      String name = AuthorNames.join(authorParts[0], authorParts[1], authorParts[2]);
      if (!name.isEmpty()) {
        authors.add(name);
      }
      authorParts = null;
    }

    Paper toPaper() {
      String raw = id != null ? id : identifier;
      ArxivId arxivId =
          ArxivId.parse(raw)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          raw == null ? "missing identifier" : "not an arXiv id: '" + raw + "'"));
      if (deleted) {
        LocalDate day = SourceDates.iso(datestamp);
        return Paper.builder(arxivId.id())
            .source(Source.OAI)
            .authority(Paper.authority(null, Source.OAI))
            .deletedOn(day == null ? LocalDate.EPOCH : day)
            .build();
      }
      if (format == null) {
        throw new IllegalArgumentException(
            "unsupported metadata format for " + arxivId.id() + " (expected arXiv or arXivRaw)");
      }
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("missing title for " + arxivId.id());
      }
      LocalDate published;
      LocalDate newest;
      if (versions.isEmpty()) {
        published = SourceDates.iso(created);
        LocalDate upd = SourceDates.iso(updated);
        newest = upd != null ? upd : published;
        if (published != null) {
          versions.add(new PaperVersion(1, published));
        }
      } else {
        versions.sort(null);
        published = versions.get(0).date();
        newest = versions.get(versions.size() - 1).date();
      }
      return Paper.builder(arxivId.id())
          .source(Source.OAI)
          .title(title)
          .abstractText(abstractText)
          .authors(rawAuthors != null ? AuthorNames.split(rawAuthors) : authors)
          .categories(
              categories == null ? List.of() : Arrays.asList(categories.strip().split("\\s+")))
          .versions(versions)
          .published(published)
          .updated(newest)
          .doi(doi)
          .journalRef(journalRef)
          .comments(comments)
          .build();
    }
  }
}
