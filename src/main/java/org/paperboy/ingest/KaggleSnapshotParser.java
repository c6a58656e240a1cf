package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Source;

/**
 * Kaggle's {@code arxiv-metadata-oai-snapshot.json}: one JSON object per line, with {@code
 * versions} ({@code v1} + RFC 1123 date) and {@code authors_parsed} ([keyname, forenames, suffix]).
 */
public final class KaggleSnapshotParser implements PaperParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void parse(InputStream in, String fileName, RecordSink sink) throws IOException {
    ByteLines lines = new ByteLines(in);
    while (lines.next()) {
      String where = "line " + lines.lineNumber();
      if (lines.tooLong()) {
        sink.reject(where, "line longer than " + ByteLines.MAX_LINE + " bytes");
        continue;
      }
      if (isBlank(lines.bytes(), lines.length())) {
        continue;
      }
      try (JsonParser p = JSON.getFactory().createParser(lines.bytes(), 0, lines.length())) {
        sink.accept(toPaper(readRow(p)));
      } catch (JsonProcessingException e) {
        sink.reject(where, "not a JSON object: " + e.getOriginalMessage());
      } catch (IllegalArgumentException e) {
        sink.reject(where, e.getMessage());
      }
    }
  }

  /** The fields of one line that Paperboy keeps, read with the streaming parser (no tree). */
  private static final class Row {
    String id;
    String title;
    String abstractText;
    String authors;
    String categories;
    String comments;
    String journalRef;
    String doi;
    String updateDate;
    final List<String[]> versions = new ArrayList<>();
    final List<String[]> authorsParsed = new ArrayList<>();
  }

  private static Row readRow(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Row row = new Row();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> row.id = scalar(p, value);
        case "title" -> row.title = scalar(p, value);
        case "abstract" -> row.abstractText = scalar(p, value);
        case "authors" -> row.authors = scalar(p, value);
        case "categories" -> row.categories = scalar(p, value);
        case "comments" -> row.comments = scalar(p, value);
        case "journal-ref" -> row.journalRef = scalar(p, value);
        case "doi" -> row.doi = scalar(p, value);
        case "update_date" -> row.updateDate = scalar(p, value);
        case "versions" -> readVersions(p, value, row.versions);
        case "authors_parsed" -> readAuthors(p, value, row.authorsParsed);
        default -> p.skipChildren();
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw new IllegalArgumentException("not a single JSON object");
    }
    return row;
  }

  private static String scalar(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t.isStructStart()) {
      p.skipChildren();
      throw new IllegalArgumentException("field '" + p.currentName() + "' is not a string");
    }
    return p.getText();
  }

  private static void readVersions(JsonParser p, JsonToken t, List<String[]> out)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String[] v = new String[2];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("version".equals(name)) {
          v[0] = scalar(p, value);
        } else if ("created".equals(name)) {
          v[1] = scalar(p, value);
        } else {
          p.skipChildren();
        }
      }
      out.add(v);
    }
  }

  private static void readAuthors(JsonParser p, JsonToken t, List<String[]> out)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_ARRAY) {
      String[] parts = new String[3];
      int i = 0;
      JsonToken part;
      while ((part = p.nextToken()) != JsonToken.END_ARRAY) {
        String text = scalar(p, part);
        if (i < 3) {
          parts[i] = text;
        }
        i++;
      }
      out.add(parts);
    }
  }

  private static boolean isBlank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static Paper toPaper(Row row) {
    ArxivId id =
        ArxivId.parse(row.id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        row.id == null ? "missing id" : "not an arXiv id: '" + row.id + "'"));
    if (row.title == null || row.title.isBlank()) {
      throw new IllegalArgumentException("missing title for " + id.id());
    }
    List<PaperVersion> versions = new ArrayList<>();
    for (String[] v : row.versions) {
      String label = v[0];
      int n =
          label != null && label.matches("v\\d+")
              ? Integer.parseInt(label.substring(1))
              : versions.size() + 1;
      versions.add(new PaperVersion(n, SourceDates.rfc1123(v[1])));
    }
    LocalDate published = versions.isEmpty() ? null : versions.get(0).date();
    LocalDate updated = versions.isEmpty() ? null : versions.get(versions.size() - 1).date();
    if (updated == null) {
      updated = SourceDates.iso(row.updateDate);
    }
    List<String> authors = new ArrayList<>();
    for (String[] a : row.authorsParsed) {
      String name = AuthorNames.join(a[0], a[1], a[2]);
      if (!name.isEmpty()) {
        authors.add(name);
      }
    }
    if (authors.isEmpty()) {
      authors = AuthorNames.split(row.authors);
    }
    return Paper.builder(id.id())
        .source(Source.KAGGLE)
        .title(row.title)
        .abstractText(row.abstractText)
        .authors(authors)
        .categories(
            row.categories == null
                ? List.of()
                : Arrays.asList(row.categories.strip().split("\\s+")))
        .versions(versions)
        .published(published)
        .updated(updated)
        .doi(row.doi)
        .journalRef(row.journalRef)
        .comments(row.comments)
        .build();
  }
}
