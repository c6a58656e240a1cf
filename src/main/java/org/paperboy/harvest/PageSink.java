package org.paperboy.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.ingest.BadInputException;
import org.paperboy.ingest.PaperParser;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;
import org.paperboy.store.BatchOutcome;
import org.paperboy.store.BatchWriter;
import org.paperboy.store.PaperStore;

/**
 * Parses one fetched page and writes its records in one transaction (so a page is stored whole or
 * not at all), calling {@code afterPage} after each stored page. Counts what it did.
 */
final class PageSink {
  static final int KEEP_REJECTIONS = 20;

  private final PaperStore store;
  private final Runnable afterPage;
  long records;
  long created;
  long changed;
  long rejected;
  final List<String> rejections = new ArrayList<>();

  PageSink(PaperStore store, Runnable afterPage) {
    this.store = store;
    this.afterPage = afterPage;
  }

  /** The report of a harvest that fetched {@code requests} pages into this sink. */
  HarvestReport report(String source, int requests, boolean resumed, long startNanos) {
    return new HarvestReport(
        source,
        requests,
        records,
        created,
        changed,
        rejected,
        rejections,
        resumed,
        (System.nanoTime() - startNanos) / 1e9);
  }

  /** Returns the number of good records on the page. */
  int write(PaperParser parser, byte[] body, String name) {
    List<Paper> papers = new ArrayList<>();
    try {
      parser.parse(
          new ByteArrayInputStream(body),
          name,
          new RecordSink() {
            @Override
            public void accept(Paper paper) {
              papers.add(paper);
            }

            @Override
            public void reject(String where, String reason) {
              rejected++;
              if (rejections.size() < KEEP_REJECTIONS) {
                rejections.add(name + " " + where + ": " + reason);
              }
            }
          });
    } catch (IOException | BadInputException e) {
      throw new HarvestException(name + ": " + e.getMessage(), e);
    }
    if (!papers.isEmpty()) {
      BatchOutcome c = new BatchWriter(store).write(papers);
      afterPage.run();
      created += c.created();
      changed += c.created() + c.updated() + c.deleted();
    }
    records += papers.size();
    return papers.size();
  }
}
