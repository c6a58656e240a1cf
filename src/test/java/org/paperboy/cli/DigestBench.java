package org.paperboy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.lucene.document.LongField;
import org.paperboy.app.Services;
import org.paperboy.app.Workspace;
import org.paperboy.community.CommunityStore;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.digest.DigestPlanner;
import org.paperboy.digest.DigestSender;
import org.paperboy.digest.Digests;
import org.paperboy.feed.FeedService;
import org.paperboy.feed.Period;
import org.paperboy.foryou.Recommender;
import org.paperboy.index.IndexSchema;
import org.paperboy.jobs.Sleeper;
import org.paperboy.testing.ScriptedSmtpServer;

/**
 * Benchmark (not a test): one daily edition for N confirmed readers, half of them account holders
 * with 25 upvotes and a followed category (so their mail has "for you" and topic sections), the
 * other half address-only (trending). Composes into the outbox, then delivers over SMTP to a sink
 * on 127.0.0.1 that accepts everything, without a rate limit; prints mails/s and the time per
 * reader of the "for you" ranking. Usage: {@code DigestBench DATA_DIR READERS EDITION_DATE}; see
 * bench/digest.sh.
 */
public final class DigestBench {
  private DigestBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int readers = Integer.parseInt(args[1]);
    LocalDate edition = LocalDate.parse(args[2]);
    Period day = Period.day(edition.minusDays(1));
    Clock clock = Clock.fixed(edition.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    try (ScriptedSmtpServer sink = new ScriptedSmtpServer(to -> "250 OK")) {
      Map<String, String> flags = new HashMap<>();
      flags.put("data", data.toString());
      flags.put("mail.smtp.host", "127.0.0.1");
      flags.put("mail.smtp.port", Integer.toString(sink.port()));
      flags.put("mail.rate-per-second", "100000");
      PaperboyConfig config = ConfigLoader.load(null, Map.of(), flags);
      PrintStream err = System.err;
      try (Workspace w = Workspace.open(config, err)) {
        Recommender recommender =
            Services.build(w, Optional.empty(), clock, () -> "", false).recommender();
        long first = day.first().toEpochDay();
        List<String> recent =
            w.lucene.withSearcher(
                s -> {
                  var q = LongField.newRangeQuery(IndexSchema.PUBLISHED, first - 30, first - 1);
                  var stored = s.storedFields();
                  List<String> ids = new ArrayList<>();
                  for (var sd : s.search(q, 5000).scoreDocs) {
                    ids.add(stored.document(sd.doc).get(IndexSchema.ID));
                  }
                  return ids;
                });
        int candidates =
            w.lucene.withSearcher(
                s -> s.count(LongField.newRangeQuery(IndexSchema.PUBLISHED, first, first)));
        List<String> accounts = seed(w, readers, recent);
        Digests digests =
            new Digests(
                config.mail(),
                w.jdbc,
                new FeedService(w.store, new CommunityStore(w.jdbc), clock),
                recommender,
                recommender.interests(),
                () -> "https://papers.example.org",
                clock,
                Sleeper.REAL,
                null,
                config.jobs().tick());
        long t0 = System.nanoTime();
        DigestPlanner.Report plan = digests.planner().plan(true);
        long t1 = System.nanoTime();
        DigestSender.Report sent = digests.deliver();
        long t2 = System.nanoTime();
        digests.close();
        double compose = (t1 - t0) / 1e9;
        double deliver = (t2 - t1) / 1e9;
        System.out.printf(
            "readers %d (%d with for-you), edition %s covering %s (%d papers published that day)%n",
            readers, accounts.size(), edition, day.first(), candidates);
        System.out.printf(
            "composed %d (skipped %d) in %.1f s = %.0f mails/s%n",
            plan.composed(), plan.skipped(), compose, plan.composed() / compose);
        System.out.printf(
            "delivered %d (failed %d) in %.1f s = %.0f mails/s; sink got %d%n",
            sent.sent(), sent.failed(), deliver, sent.sent() / deliver, sink.delivered.size());
        System.out.printf("compose + deliver: %.0f mails/s%n", sent.sent() / (compose + deliver));
        // The "for you" ranking alone, per reader, with no cached models (a fresh recommender).
        Recommender cold =
            Services.build(w, Optional.empty(), clock, () -> "", false).recommender();
        List<Long> times = new ArrayList<>();
        for (String user : accounts.subList(0, Math.min(300, accounts.size()))) {
          long s = System.nanoTime();
          cold.rank(user, day, 10, java.util.Set.of());
          times.add(System.nanoTime() - s);
        }
        Collections.sort(times);
        System.out.printf(
            "for-you ranking per reader (model trained): p50 %.1f ms, p99 %.1f ms (%d readers)%n",
            times.get(times.size() / 2) / 1e6,
            times.get((int) (times.size() * 0.99)) / 1e6,
            times.size());
      }
    }
  }

  /** Readers, users, upvotes and topics straight into the store; returns the account ids. */
  private static List<String> seed(Workspace w, int readers, List<String> recent) {
    SplittableRandom random = new SplittableRandom(42);
    List<String> accounts = new ArrayList<>();
    w.jdbc.inTransaction(
        c -> {
          for (int i = 0; i < readers; i++) {
            String user = null;
            if (i % 2 == 0) {
              user = "bench-" + i;
              accounts.add(user);
              org.paperboy.store.Jdbc.update(
                  c,
                  "INSERT INTO users (id, username, username_key, email, password_hash, role,"
                      + " created_at) VALUES (?, ?, ?, NULL, '!', 'READER', 0)",
                  user,
                  user,
                  user);
              for (int v = 0; v < 25; v++) {
                org.paperboy.store.Jdbc.update(
                    c,
                    "INSERT INTO votes (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                    user,
                    recent.get(random.nextInt(recent.size())),
                    v);
              }
              org.paperboy.store.Jdbc.update(
                  c,
                  "INSERT INTO topics (user_id, kind, value, created_at) VALUES (?, 'category', ?, 0)",
                  user,
                  List.of("cs.LG", "cs.CV", "cs.CL", "quant-ph", "math.PR").get(i % 5));
            }
            org.paperboy.store.Jdbc.update(
                c,
                "INSERT INTO subscriptions (id, email, email_key, user_id, status, frequency,"
                    + " send_hour, time_zone, sections, max_per_section, skip_empty, topics,"
                    + " created_at, confirmed_at) VALUES (?, ?, ?, ?, 'active', 'daily', 8, 'UTC',"
                    + " 'for-you,topics,trending', 10, 1, '', 0, 0)",
                "sub-" + i,
                "reader" + i + "@example.org",
                "reader" + i + "@example.org",
                user);
          }
          return null;
        });
    return accounts;
  }
}
