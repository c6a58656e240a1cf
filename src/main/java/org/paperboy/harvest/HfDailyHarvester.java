package org.paperboy.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.paperboy.ingest.BatchWriter;
import org.paperboy.ingest.HfDailyParser;
import org.paperboy.store.PaperStore;

/**
 * Hugging Face's {@code api/daily_papers?date=D}, one request per day: upvotes, comment counts, the
 * Daily Papers day, AI summary and keywords, code and project links. Without dates it goes from the
 * last day it completed (again: counts change) to today.
 */
public final class HfDailyHarvester {
  public static final String SOURCE = "hf-daily";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_DAYS = 3660;

  private final PoliteFetcher fetcher;
  private final URI endpoint;
  private final HarvestStore state;
  private final PaperStore store;
  private final Consumer<BatchWriter.Committed> onCommit;
  private final Clock clock;

  public HfDailyHarvester(
      PoliteFetcher fetcher,
      URI endpoint,
      HarvestStore state,
      PaperStore store,
      Consumer<BatchWriter.Committed> onCommit,
      Clock clock) {
    this.fetcher = fetcher;
    this.endpoint = endpoint;
    this.state = state;
    this.store = store;
    this.onCommit = onCommit;
    this.clock = clock;
  }

  /** Harvests days {@code from}..{@code to}; nulls mean "where the last one stopped" / today. */
  public HarvestReport run(LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    HarvestState saved = state.load(SOURCE);
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
    PageSink sink = new PageSink(store, onCommit);
    HfDailyParser parser = new HfDailyParser();
    int requests = 0;
    try {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        byte[] body = fetcher.get(URI.create(endpoint + "?date=" + d), HfDailyHarvester::checkJson);
        requests++;
        sink.write(parser, body, d + ".json");
        state.checkpoint(
            SOURCE, d.toString(), first.toString(), last.toString(), null, requests, sink.records);
      }
      // Only a harvest that went up to today moves where the next one starts.
      state.succeeded(SOURCE, to == null ? last.toString() : null, clock.instant());
    } catch (RuntimeException e) {
      state.failed(SOURCE, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
      throw e;
    }
    return new HarvestReport(
        SOURCE,
        requests,
        sink.records,
        sink.created,
        sink.changed,
        sink.rejected,
        sink.rejections,
        false,
        (System.nanoTime() - start) / 1e9);
  }

  /** A complete JSON array, else the fetcher retries (a cut-off response is not a day). */
  private static void checkJson(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isArray()) {
        throw new IllegalArgumentException("expected a JSON array of daily papers");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not complete JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }
}
