package org.paperboy.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Source;
import org.paperboy.store.PaperStore;

/**
 * Writes every live paper as one JSON object per line, in id order. Field names are snake_case and
 * stable; absent values are {@code null}.
 */
public final class JsonlExporter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonlExporter() {}

  /** Writes the collection to {@code out} (not closed) and returns the number of papers. */
  public static long write(PaperStore store, OutputStream out) {
    AtomicLong n = new AtomicLong();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.setRootValueSeparator(null);
      store.forEachLive(
          p -> {
            try {
              writePaper(g, p);
              g.writeRaw('\n');
              n.incrementAndGet();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write export: " + e.getMessage(), e);
    }
    return n.get();
  }

  static void writePaper(JsonGenerator g, Paper p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeBooleanField("provisional", p.provisional());
    g.writeStringField("title", p.title());
    g.writeStringField("abstract", p.abstractText());
    strings(g, "authors", p.authors());
    g.writeNumberField("author_count", p.authorCount());
    strings(g, "categories", p.categories());
    date(g, "published", p.published());
    date(g, "updated", p.updated());
    g.writeArrayFieldStart("versions");
    for (PaperVersion v : p.versions()) {
      g.writeStartObject();
      g.writeNumberField("version", v.number());
      date(g, "date", v.date());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("doi", p.doi());
    g.writeStringField("journal_ref", p.journalRef());
    g.writeStringField("comments", p.comments());
    g.writeObjectFieldStart("links");
    g.writeStringField("abs", p.absUrl().orElse(null));
    g.writeStringField("pdf", p.pdfUrl().orElse(null));
    g.writeStringField("code", p.codeUrl());
    g.writeStringField("project", p.projectUrl());
    g.writeEndObject();
    integer(g, "upvotes", p.upvotes());
    integer(g, "num_comments", p.numComments());
    date(g, "daily_date", p.dailyDate());
    g.writeStringField("ai_summary", p.aiSummary());
    strings(g, "ai_keywords", p.aiKeywords());
    integer(g, "github_stars", p.githubStars());
    if (p.organization() == null) {
      g.writeNullField("organization");
    } else {
      g.writeObjectFieldStart("organization");
      g.writeStringField("name", p.organization().name());
      g.writeStringField("fullname", p.organization().fullname());
      g.writeStringField("avatar", p.organization().avatar());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("sources");
    for (Source s : p.sources()) {
      g.writeString(s.key());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void date(JsonGenerator g, String name, LocalDate d) throws IOException {
    g.writeStringField(name, d == null ? null : d.toString());
  }

  private static void integer(JsonGenerator g, String name, Integer v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }
}
