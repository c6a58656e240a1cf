package org.paperboy.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.paperboy.ingest.ArxivAtomParser;
import org.paperboy.paper.ArxivId;

/** The arXiv API (Atom): papers by id (in batches) or by a search query, paged. */
public final class ArxivApiHarvester {
  public static final String SOURCE = "arxiv-api";
  static final int PAGE = 100;
  static final int IDS_PER_REQUEST = 50;

  private final SourceContext c;

  ArxivApiHarvester(SourceContext c) {
    this.c = c;
  }

  public HarvestReport byIds(List<ArxivId> ids) {
    return harvest(
        (sink, parser) -> {
          int requests = 0;
          for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
            List<ArxivId> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST));
            String list = String.join(",", chunk.stream().map(ArxivId::id).toList());
            URI uri =
                URI.create(c.endpoint() + "?id_list=" + enc(list) + "&max_results=" + chunk.size());
            byte[] body = c.fetcher().get(uri, XmlScan::of).body();
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
            PoliteFetcher.Fetched<XmlScan> page =
                c.fetcher()
                    .get(
                        URI.create(
                            c.endpoint()
                                + "?search_query="
                                + enc(query)
                                + "&start="
                                + startAt
                                + "&max_results="
                                + n),
                        XmlScan::of);
            requests++;
            XmlScan scan = page.value();
            sink.write(parser, page.body(), "response " + requests);
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
    PageSink sink = c.sink();
    int requests;
    try {
      requests = pages.fetch(sink, new ArxivAtomParser());
      c.state().succeeded(SOURCE, null, c.clock().instant());
    } catch (RuntimeException e) {
      throw c.failed(SOURCE, e);
    }
    return sink.report(SOURCE, requests, false, start);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
