package org.paperboy.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import org.paperboy.ingest.HfDailyParser;

/**
 * Hugging Face's {@code api/daily_papers?date=D}, one request per day: upvotes, comment counts, the
 * Daily Papers day, AI summary and keywords, code and project links. Without dates it goes from the
 * last day it completed (again: counts change) to today.
 */
public final class HfDailyHarvester {
  public static final String SOURCE = "hf-daily";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_DAYS = 3660;

  private final SourceContext c;

  HfDailyHarvester(SourceContext c) {
    this.c = c;
  }

  /** Harvests days {@code from}..{@code to}; nulls mean "where the last one stopped" / today. */
  public HarvestReport run(LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    LocalDate today = LocalDate.ofInstant(c.clock().instant(), java.time.ZoneOffset.UTC);
    HarvestState saved = c.state().load(SOURCE);
    LocalDate last = to != null ? to : today;
    LocalDate first =
        from != null
            ? from
            : saved.incrementalFrom() != null ? LocalDate.parse(saved.incrementalFrom()) : today;
    if (first.isAfter(last)) {
      throw new HarvestException("hf-daily: --from " + first + " is after --to " + last);
    }
    if (first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new HarvestException("hf-daily: at most " + MAX_DAYS + " days per harvest");
    }
    PageSink sink = c.sink();
    HfDailyParser parser = new HfDailyParser();
    int requests = 0;
    try {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        byte[] body =
            c.fetcher()
                .get(URI.create(c.endpoint() + "?date=" + d), HfDailyHarvester::checkJson)
                .body();
        requests++;
        sink.write(parser, body, d + ".json");
        c.state()
            .checkpoint(
                SOURCE,
                d.toString(),
                first.toString(),
                last.toString(),
                null,
                requests,
                sink.records);
      }
      // Only a harvest that went up to today moves where the next one starts.
      c.state().succeeded(SOURCE, to == null ? last.toString() : null, c.clock().instant());
    } catch (RuntimeException e) {
      throw c.failed(SOURCE, e);
    }
    return sink.report(SOURCE, requests, false, start);
  }

  /** A complete JSON array, else the fetcher retries (a cut-off response is not a day). */
  private static JsonNode checkJson(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isArray()) {
        throw new IllegalArgumentException("expected a JSON array of daily papers");
      }
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not complete JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }
}
