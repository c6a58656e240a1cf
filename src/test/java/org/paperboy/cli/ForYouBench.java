package org.paperboy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.LongField;
import org.paperboy.app.Services;
import org.paperboy.app.Workspace;
import org.paperboy.community.CommunityStore;
import org.paperboy.config.ConfigLoader;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.feed.Period;
import org.paperboy.foryou.InterestStore;
import org.paperboy.foryou.Recommender;
import org.paperboy.index.IndexSchema;

/**
 * Benchmark (not a test): time to rank about 10,000 candidate papers for one reader with 25
 * upvotes, with the reader's model cached (the usual request) and retrained (the first request
 * after a vote). Usage: {@code ForYouBench DATA_DIR FIRST_DAY LAST_DAY}; see bench/foryou.sh.
 */
public final class ForYouBench {
  private ForYouBench() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    Period period =
        new Period(Period.Kind.WEEK, LocalDate.parse(args[1]), LocalDate.parse(args[2]));
    PaperboyConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", data.toString()));
    PrintStream err = System.err;
    try (Workspace w = Workspace.open(config, err)) {
      Clock clock = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
      Recommender r = Services.build(w, Optional.empty(), clock, () -> "", false).recommender();
      CommunityStore community = new CommunityStore(w.jdbc);
      InterestStore interests = r.interests();
      long first = period.first().toEpochDay();
      long last = period.last().toEpochDay();
      int candidates =
          w.lucene.withSearcher(
              s -> s.count(LongField.newRangeQuery(IndexSchema.PUBLISHED, first, last)));
      List<String> before =
          w.lucene.withSearcher(
              s -> {
                var q = LongField.newRangeQuery(IndexSchema.PUBLISHED, first - 30, first - 1);
                var stored = s.storedFields();
                List<String> ids = new ArrayList<>();
                for (var sd : s.search(q, 25).scoreDocs) {
                  ids.add(stored.document(sd.doc).get(IndexSchema.ID));
                }
                return ids;
              });
      w.jdbc.update(
          "INSERT INTO users (id, username, username_key, email, password_hash, role, created_at)"
              + " VALUES ('bench', 'bench', 'bench', NULL, '!', 'READER', 0)"
              + " ON CONFLICT (id) DO NOTHING");
      long t = 0;
      for (String id : before) {
        community.vote("bench", id, Instant.ofEpochMilli(++t));
      }
      for (int i = 0; i < 30; i++) {
        r.rank("bench", period, 50);
      }
      List<Long> cached = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long t0 = System.nanoTime();
        r.rank("bench", period, 50);
        cached.add(System.nanoTime() - t0);
      }
      List<Long> retrained = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        // A dismissal changes the reader's signals, so the next request trains a new model.
        String dismissed = "bench-" + i;
        interests.dismiss("bench", dismissed, Instant.ofEpochMilli(1000 + i));
        long t0 = System.nanoTime();
        r.rank("bench", period, 50);
        retrained.add(System.nanoTime() - t0);
      }
      System.out.printf(
          "candidates %d, upvotes %d%ncached model:  p50 %.1f ms, p99 %.1f ms (200 runs)%n"
              + "new model:     p50 %.1f ms, p99 %.1f ms (50 runs)%n",
          candidates,
          before.size(),
          pct(cached, 50),
          pct(cached, 99),
          pct(retrained, 50),
          pct(retrained, 99));
    }
  }

  private static double pct(List<Long> xs, int p) {
    List<Long> s = xs.stream().sorted().toList();
    return s.get(Math.min(s.size() - 1, s.size() * p / 100)) / 1e6;
  }
}
