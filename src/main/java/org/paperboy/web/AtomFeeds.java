package org.paperboy.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.paperboy.feed.FeedEntry;
import org.paperboy.feed.FeedSort;
import org.paperboy.feed.Period;
import org.paperboy.paper.CleanText;
import org.paperboy.paper.Paper;

/** Atom 1.0 feeds of the daily list, the trending list and any search. */
final class AtomFeeds {
  static final int ENTRIES = 30;
  private final WebServices s;
  private final java.util.function.Supplier<String> base;

  /**
   * @param base the public base URL links start with
   */
  AtomFeeds(WebServices s, java.util.function.Supplier<String> base) {
    this.s = s;
    this.base = base;
  }

  void daily(Context ctx) {
    Period day = Period.day(s.feed().latestDay().orElse(s.feed().today()));
    List<FeedEntry> entries = s.feed().list(day, FeedSort.TRENDING);
    send(ctx, "Paperboy · daily papers " + day.key(), "/feeds/daily.atom", day.path(), entries);
  }

  void trending(Context ctx) {
    send(
        ctx,
        "Paperboy · trending papers",
        "/feeds/trending.atom",
        "/trending",
        s.feed().trending().entries());
  }

  void search(Context ctx) {
    SearchPage.Query q = SearchPage.query(ctx);
    if (q.blank()) {
      throw WebError.badRequest("q: a query is required");
    }
    SearchPage.Results r = SearchPage.run(s, q, 0, ENTRIES);
    String self = "/feeds/search.atom?q=" + SearchPage.enc(q.q());
    send(
        ctx,
        "Paperboy · search: " + q.q(),
        self,
        "/search?q=" + SearchPage.enc(q.q()),
        r.entries());
  }

  /** Sends {@code entries} as an Atom feed (also for other areas: a public reading list). */
  void send(Context ctx, String title, String self, String alternate, List<FeedEntry> entries) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle(xml(title));
    feed.setUri(url(self));
    feed.setLink(url(alternate));
    Instant newest = Instant.EPOCH;
    List<SyndEntry> out = new ArrayList<>();
    for (FeedEntry e : entries.subList(0, Math.min(ENTRIES, entries.size()))) {
      Paper p = e.paper();
      SyndEntry en = new SyndEntryImpl();
      en.setTitle(xml(p.title()));
      en.setLink(url(Cards.href(p.id())));
      en.setUri(url(Cards.href(p.id())));
      Instant when = instant(p.dailyDate() != null ? p.dailyDate() : p.published());
      if (when.isAfter(newest)) {
        newest = when;
      }
      en.setUpdatedDate(Date.from(when));
      if (p.published() != null) {
        en.setPublishedDate(Date.from(instant(p.published())));
      }
      List<SyndPerson> authors = new ArrayList<>();
      for (String a : p.authors().isEmpty() ? List.of(Cards.authorsLine(p)) : p.authors()) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(xml(a));
        authors.add(person);
      }
      en.setAuthors(authors);
      SyndContent summary = new SyndContentImpl();
      summary.setType("text");
      summary.setValue(
          xml(p.abstractText())
              + "\n\n"
              + e.upvotes()
              + " upvotes · "
              + e.comments()
              + " comments");
      en.setDescription(summary);
      out.add(en);
    }
    feed.setEntries(out);
    feed.setPublishedDate(Date.from(newest.equals(Instant.EPOCH) ? s.clock().instant() : newest));
    try {
      ctx.contentType("application/atom+xml; charset=utf-8")
          .result(new SyndFeedOutput().outputString(feed));
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the Atom feed", e);
    }
  }

  /**
   * Text as XML can carry it. Imports already drop such characters ({@code CleanText}); this also
   * covers a typed query and papers stored before that rule, so no feed fails on its data.
   */
  private static String xml(String text) {
    return CleanText.dropControls(text);
  }

  private static Instant instant(LocalDate d) {
    return d == null ? Instant.EPOCH : d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private String url(String path) {
    return base.get() + path;
  }
}
