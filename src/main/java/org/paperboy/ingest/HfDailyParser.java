package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Organization;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Source;

/**
 * Hugging Face {@code api/daily_papers} responses: a JSON array of entries, each with a {@code
 * paper} object. The schema grew over time; every field Paperboy stores is taken when present.
 *
 * <p>A response belongs to the day it was requested for. When the file name holds a {@code
 * YYYY-MM-DD} day, that is the Daily Papers day; otherwise {@code submittedOnDailyAt}, and in early
 * responses that lack it, the entry's own {@code publishedAt} (when it was listed).
 */
public final class HfDailyParser implements PaperParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void parse(InputStream in, String fileName, RecordSink sink) throws IOException {
    LocalDate fileDay = SourceDates.dayInFileName(fileName);
    JsonFactory factory = JSON.getFactory();
    try (JsonParser p = factory.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        readEntry(p, 1, fileDay, sink);
        return;
      }
      if (first != JsonToken.START_ARRAY) {
        throw new BadInputException("expected a JSON array of daily papers, found " + first);
      }
      int index = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new BadInputException(
              "truncated JSON: the array ends without ']' after record " + index);
        }
        index++;
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          sink.reject(where(index, p.currentTokenLocation()), "not a JSON object");
          continue;
        }
        readEntry(p, index, fileDay, sink);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new BadInputException(
          "malformed or truncated JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage().replaceAll("\\s+", " "),
          e);
    }
  }

  private static void readEntry(JsonParser p, int index, LocalDate fileDay, RecordSink sink)
      throws IOException {
    String where = where(index, p.currentTokenLocation());
    JsonNode entry = p.readValueAsTree();
    try {
      sink.accept(toPaper(entry, fileDay));
    } catch (IllegalArgumentException e) {
      sink.reject(where, e.getMessage());
    }
  }

  private static String where(int index, JsonLocation at) {
    return "record " + index + " (line " + at.getLineNr() + ")";
  }

  static Paper toPaper(JsonNode entry, LocalDate fileDay) {
    JsonNode paper = entry.has("paper") ? entry.get("paper") : entry;
    String rawId = text(paper, "id");
    ArxivId id =
        ArxivId.parse(rawId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        rawId == null ? "missing paper.id" : "not an arXiv id: '" + rawId + "'"));
    String title = firstText(paper, entry, "title");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("missing title for " + id.id());
    }
    List<String> authors = new ArrayList<>();
    for (JsonNode a : paper.path("authors")) {
      String name = text(a, "name");
      if (name != null) {
        authors.add(name);
      }
    }
    List<String> keywords = new ArrayList<>();
    for (JsonNode k : paper.path("ai_keywords")) {
      keywords.add(k.asText());
    }
    LocalDate day = fileDay != null ? fileDay : SourceDates.iso(text(paper, "submittedOnDailyAt"));
    if (day == null && entry != paper) {
      // Early responses lack submittedOnDailyAt; the entry's own publishedAt is when it was listed.
      day = SourceDates.iso(text(entry, "publishedAt"));
    }
    LocalDate published = SourceDates.iso(text(paper, "publishedAt"));
    return Paper.builder(id.id())
        .source(Source.HF)
        .title(title)
        .abstractText(firstText(paper, entry, "summary"))
        .authors(authors)
        .published(published)
        .updated(published)
        .upvotes(integer(paper, "upvotes"))
        .numComments(integer(entry, "numComments"))
        .dailyDate(day)
        .codeUrl(text(paper, "githubRepo"))
        .projectUrl(text(paper, "projectPage"))
        .aiSummary(text(paper, "ai_summary"))
        .aiKeywords(keywords)
        .githubStars(integer(paper, "githubStars"))
        .organization(organization(paper.path("organization")))
        .build();
  }

  private static String firstText(JsonNode a, JsonNode b, String field) {
    String v = text(a, field);
    return v != null ? v : text(b, field);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  /** {@code paper.organization}: {@code {name, fullname, avatar}}; null when absent or nameless. */
  private static Organization organization(JsonNode org) {
    if (!org.isObject()) {
      return null;
    }
    String name = text(org, "name");
    return name == null || name.isBlank()
        ? null
        : new Organization(name, text(org, "fullname"), text(org, "avatar"));
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt()) {
      throw new IllegalArgumentException(field + " is not a number: " + v);
    }
    return v.asInt();
  }
}
