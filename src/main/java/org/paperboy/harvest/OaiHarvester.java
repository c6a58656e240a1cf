package org.paperboy.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.paperboy.ingest.OaiPmhParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * arXiv's OAI-PMH {@code ListRecords}: follows resumption tokens, checkpoints after every page (so
 * a crash or kill resumes at the next page, with nothing skipped and nothing doubled — re-importing
 * a page changes nothing), and is incremental: without {@code from}, a harvest starts at the
 * response date of the last complete one.
 */
public final class OaiHarvester {
  private static final Logger LOG = LoggerFactory.getLogger(OaiHarvester.class);

  /** What to harvest; {@code from}/{@code until} null for "incremental" and "up to now". */
  public record Request(String set, String metadataPrefix, LocalDate from, LocalDate until) {
    public String source() {
      return "arxiv:" + (set == null ? "all" : set) + ":" + metadataPrefix;
    }
  }

  private final SourceContext c;

  OaiHarvester(SourceContext c) {
    this.c = c;
  }

  public HarvestReport run(Request req) {
    long start = System.nanoTime();
    String source = req.source();
    HarvestState saved = c.state().load(source);
    String from = req.from() != null ? req.from().toString() : saved.incrementalFrom();
    String until = req.until() == null ? null : req.until().toString();
    boolean resumed =
        saved.cursor() != null
            && (req.from() == null || req.from().toString().equals(saved.cursorFrom()))
            && java.util.Objects.equals(until, saved.cursorUntil());
    String token = resumed ? saved.cursor() : null;
    if (resumed) {
      from = saved.cursorFrom();
    }
    String started = resumed ? saved.cursorStarted() : null;
    int pages = resumed ? saved.pages() : 0;
    long records = resumed ? saved.records() : 0;
    int requests = 0;
    boolean restarted = false;
    PageSink sink = c.sink();
    OaiPmhParser parser = new OaiPmhParser();
    try {
      while (true) {
        URI uri = token != null ? resumeUri(token) : firstUri(req, from, until);
        PoliteFetcher.Fetched<XmlScan> fetched = c.fetcher().get(uri, XmlScan::of);
        byte[] body = fetched.body();
        XmlScan page = fetched.value();
        requests++;
        if (started == null) {
          started = page.responseDate();
        }
        if (page.errorCode() != null) {
          switch (page.errorCode()) {
            case "noRecordsMatch" -> {
              token = "";
            }
            case "badResumptionToken" -> {
              if (token == null || restarted) {
                throw new HarvestException(
                    "OAI-PMH error badResumptionToken: " + page.errorMessage());
              }
              // The token expired (e.g. a long pause after a crash): start this range again.
              // Pages already stored are re-read and change nothing; nothing is skipped.
              LOG.warn("resumption token expired; harvesting {} again from {}", source, from);
              restarted = true;
              token = null;
              started = null;
              continue;
            }
            default ->
                throw new HarvestException(
                    "OAI-PMH error " + page.errorCode() + ": " + page.errorMessage());
          }
        } else {
          records += sink.write(parser, body, "page " + (pages + 1));
          pages++;
          token = page.resumptionToken() == null ? "" : page.resumptionToken();
        }
        if (token.isEmpty()) {
          break;
        }
        c.state().checkpoint(source, token, from, until, started, pages, records);
      }
      c.state().checkpoint(source, null, null, null, null, pages, records);
      c.state().succeeded(source, incrementalFrom(started, until), c.clock().instant());
    } catch (RuntimeException e) {
      throw c.failed(source, e);
    }
    return sink.report(source, requests, resumed, start);
  }

  /**
   * The next incremental harvest starts on the day of this harvest's first response (records
   * stamped that day are read again, harmlessly), unless this one stopped at an {@code until}.
   */
  private static String incrementalFrom(String responseDate, String until) {
    if (until != null) {
      return null;
    }
    return responseDate == null || responseDate.length() < 10
        ? null
        : responseDate.substring(0, 10);
  }

  private URI firstUri(Request req, String from, String until) {
    StringBuilder b =
        new StringBuilder(c.endpoint().toString())
            .append("?verb=ListRecords&metadataPrefix=")
            .append(enc(req.metadataPrefix()));
    if (req.set() != null) {
      b.append("&set=").append(enc(req.set()));
    }
    if (from != null) {
      b.append("&from=").append(enc(from));
    }
    if (until != null) {
      b.append("&until=").append(enc(until));
    }
    return URI.create(b.toString());
  }

  private URI resumeUri(String token) {
    return URI.create(c.endpoint() + "?verb=ListRecords&resumptionToken=" + enc(token));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
