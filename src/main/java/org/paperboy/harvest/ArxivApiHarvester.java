package org.paperboy.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.paperboy.ingest.ArxivAtomParser;
import org.paperboy.ingest.BatchWriter;
import org.paperboy.paper.ArxivId;
import org.paperboy.store.PaperStore;

/** The arXiv API (Atom): papers by id (in batches) or by a search query, paged. */
public final class ArxivApiHarvester {
  public static final String SOURCE = "arxiv-api";
  static final int PAGE = 100;
  static final int IDS_PER_REQUEST = 50;

  private final PoliteFetcher fetcher;
  private final URI endpoint;
  private final HarvestStore state;
  private final PaperStore store;
  private final Consumer<BatchWriter.Committed> onCommit;
  private final Clock clock;

  public ArxivApiHarvester(
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

  public HarvestReport byIds(List<ArxivId> ids) {
    return harvest(
        (sink, parser) -> {
          int requests = 0;
          for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
            List<ArxivId> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST));
            String list = String.join(",", chunk.stream().map(ArxivId::id).toList());
            byte[] body =
                fetcher.get(
                    URI.create(endpoint + "?id_list=" + enc(list) + "&max_results=" + chunk.size()),
                    XmlScan::of);
            requests++;
            sink.write(parser, body, "response " + requests);
          }
          return requests;
        });
  }

  public HarvestReport byQuery(String query, int max) {
    return harvest(
        (sink, parser) -> {
          int requests = 0;
          for (int startAt = 0; startAt < max; startAt += PAGE) {
            int n = Math.min(PAGE, max - startAt);
            byte[] body =
                fetcher.get(
                    URI.create(
                        endpoint
                            + "?search_query="
                            + enc(query)
                            + "&start="
                            + startAt
                            + "&max_results="
                            + n),
                    XmlScan::of);
            requests++;
            XmlScan scan = XmlScan.of(body);
            sink.write(parser, body, "response " + requests);
            boolean end =
                scan.entries() < n
                    || (scan.totalResults() != null && startAt + n >= scan.totalResults());
            if (end) {
              break;
            }
          }
          return requests;
        });
  }

  private interface Pages {
    int fetch(PageSink sink, ArxivAtomParser parser);
  }

  private HarvestReport harvest(Pages pages) {
    long start = System.nanoTime();
    PageSink sink = new PageSink(store, onCommit);
    int requests;
    try {
      requests = pages.fetch(sink, new ArxivAtomParser());
      state.succeeded(SOURCE, null, clock.instant());
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

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
