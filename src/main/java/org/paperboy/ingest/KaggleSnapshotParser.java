package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
final class KaggleSnapshotParser implements PaperParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void parse(InputStream in, String fileName, RecordSink sink) throws IOException {
    ByteLines lines = new ByteLines(in);
    byte[] line;
    while ((line = lines.next()) != null) {
      String where = "line " + lines.lineNumber();
      if (lines.tooLong()) {
        sink.reject(where, "line longer than " + ByteLines.MAX_LINE + " bytes");
        continue;
      }
      if (isBlank(line)) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        sink.reject(where, "not a JSON object: " + e.getOriginalMessage());
        continue;
      }
      try {
        sink.accept(toPaper(node));
      } catch (IllegalArgumentException e) {
        sink.reject(where, e.getMessage());
      }
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  static Paper toPaper(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String rawId = text(node, "id");
    ArxivId id =
        ArxivId.parse(rawId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        rawId == null ? "missing id" : "not an arXiv id: '" + rawId + "'"));
    String title = text(node, "title");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("missing title for " + id.id());
    }
    List<PaperVersion> versions = new ArrayList<>();
    JsonNode vs = node.path("versions");
    for (JsonNode v : vs) {
      String label = text(v, "version");
      int n =
          label != null && label.matches("v\\d+")
              ? Integer.parseInt(label.substring(1))
              : versions.size() + 1;
      versions.add(new PaperVersion(n, SourceDates.rfc1123(text(v, "created"))));
    }
    LocalDate published = versions.isEmpty() ? null : versions.get(0).date();
    LocalDate updated = versions.isEmpty() ? null : versions.get(versions.size() - 1).date();
    LocalDate updateDate = SourceDates.iso(text(node, "update_date"));
    if (updated == null) {
      updated = updateDate;
    }
    String categories = text(node, "categories");
    return Paper.builder(id.id())
        .source(Source.KAGGLE)
        .title(title)
        .abstractText(text(node, "abstract"))
        .authors(authors(node))
        .categories(
            categories == null ? List.of() : Arrays.asList(categories.strip().split("\\s+")))
        .versions(versions)
        .published(published)
        .updated(updated)
        .doi(text(node, "doi"))
        .journalRef(text(node, "journal-ref"))
        .comments(text(node, "comments"))
        .build();
  }

  private static List<String> authors(JsonNode node) {
    JsonNode parsed = node.path("authors_parsed");
    List<String> out = new ArrayList<>();
    if (parsed.isArray() && !parsed.isEmpty()) {
      for (JsonNode a : parsed) {
        String name = AuthorNames.join(text(a, 0), text(a, 1), text(a, 2));
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
      return out;
    }
    return AuthorNames.split(text(node, "authors"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String text(JsonNode array, int i) {
    JsonNode v = array.get(i);
    return v == null || v.isNull() ? null : v.asText();
  }
}
