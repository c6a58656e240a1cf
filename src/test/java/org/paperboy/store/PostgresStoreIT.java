package org.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.paperboy.index.ChangeFollower;
import org.paperboy.index.IndexSchema;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.paper.Paper;
import org.paperboy.testing.PostgresServer;

/** The store contract on PostgreSQL (a throwaway server the test starts itself). */
class PostgresStoreIT extends StoreContract {
  private static final IndexSettings SETTINGS = new IndexSettings("m", 16, 100, false);

  @Override
  String newStore(Path tmp) {
    return PostgresServer.shared().newDatabase();
  }

  @Override
  Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  /**
   * An app node's local index follows the change log while two other writers commit concurrently
   * (embeddings in small batches; deletions and Daily Papers days), and ends equal to the store;
   * its mark survives a restart.
   */
  @Test
  void aFollowerKeepsALocalIndexInStepWithConcurrentWriters() throws Exception {
    assertThat(cli(importArgs()).exit()).isZero();
    List<String> ids = new ArrayList<>();
    papers.forEachLive(p -> ids.add(p.id()));
    Path dir = tmp.resolve("node-index");
    PaperIndex index = PaperIndex.open(dir, SETTINGS);
    assertThat(index.followedChange()).isEqualTo(-1);
    index.followedChange(0);
    ChangeFollower follower = new ChangeFollower(papers, index, "m");
    assertThat(follower.catchUp()).isEqualTo(ids.size());
    assertThat(index.count()).isEqualTo(ids.size());

    List<String> embedded = ids.subList(0, 300);
    List<String> deleted = ids.subList(300, 340);
    List<String> onADay = ids.subList(340, 400);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> vectors =
          pool.submit(
              () -> {
                for (int i = 0; i < embedded.size(); i += 10) {
                  Map<String, float[]> batch = new LinkedHashMap<>();
                  for (String id : embedded.subList(i, i + 10)) {
                    batch.put(id, unit(id));
                  }
                  papers.embeddings().save("m", batch);
                }
              });
      Future<?> edits =
          pool.submit(
              () -> {
                for (int i = 0; i < deleted.size(); i++) {
                  List<String> one = List.of(deleted.get(i));
                  papers.inTransaction(
                      tx -> {
                        tx.delete(one);
                        return null;
                      });
                  papers.putOnDay(onADay.get(i), LocalDate.parse("2026-08-22"));
                }
              });
      Future<?> following =
          pool.submit(
              () -> {
                while (writing.get()) {
                  follower.catchUp();
                }
              });
      vectors.get();
      edits.get();
      writing.set(false);
      following.get();
    } finally {
      pool.shutdown();
    }
    follower.catchUp();

    assertThat(index.count()).isEqualTo(ids.size() - deleted.size());
    index.withSearcher(
        s -> {
          assertThat(s.count(new FieldExistsQuery(IndexSchema.VECTOR))).isEqualTo(300);
          for (String id : deleted) {
            assertThat(s.count(new TermQuery(new Term(IndexSchema.ID, id)))).isZero();
          }
          assertThat(s.count(new FieldExistsQuery(IndexSchema.DAILY)))
              .isEqualTo(
                  papers
                      .dailyPapers(LocalDate.parse("1990-01-01"), LocalDate.parse("2100-01-01"))
                      .size());
          return null;
        });
    long mark = papers.changes().last();
    assertThat(index.followedChange()).isEqualTo(mark);
    index.close();

    // A restarted node resumes from its committed mark: only what changed since is applied.
    PaperIndex reopened = PaperIndex.open(dir, SETTINGS);
    try {
      assertThat(reopened.rebuildNeeded()).isFalse();
      assertThat(reopened.followedChange()).isEqualTo(mark);
      Paper p = papers.find(ids.get(500)).orElseThrow();
      papers.putOnDay(p.id(), LocalDate.parse("2026-08-23"));
      ChangeFollower again = new ChangeFollower(papers, reopened, "m");
      assertThat(again.catchUp()).isEqualTo(1);
      assertThat(again.catchUp()).isZero();
    } finally {
      reopened.close();
    }
  }

  /**
   * The log is pruned to its newest entries; a node whose mark is older than what is left (it was
   * down meanwhile) rebuilds its local index from the store instead of missing changes.
   */
  @Test
  void aNodeBehindThePrunedLogRebuildsItsIndex() {
    assertThat(cli(importArgs()).exit()).isZero();
    long live = papers.countLive();
    long last = papers.changes().last();
    assertThat(papers.changes().first()).isEqualTo(1);

    PaperIndex up = PaperIndex.open(tmp.resolve("up"), SETTINGS);
    PaperIndex down = PaperIndex.open(tmp.resolve("down"), SETTINGS);
    try {
      up.followedChange(0);
      down.followedChange(0);
      assertThat(new ChangeFollower(papers, up, "m", 10).catchUp()).isEqualTo((int) live);
      // Caught up, the running node pruned the log to its newest 10 entries.
      assertThat(papers.changes().first()).isEqualTo(last - 9);
      assertThat(papers.changes().last()).isEqualTo(last);

      assertThat(new ChangeFollower(papers, down, "m", 10).catchUp()).isEqualTo((int) live);
      assertThat(down.count()).isEqualTo((int) live);
      assertThat(down.followedChange()).isEqualTo(last);
      Paper p = papers.find(papers.changes().after(last - 1, 1).get(0).paperId()).orElseThrow();
      papers.putOnDay(p.id(), LocalDate.parse("2026-09-01"));
      assertThat(new ChangeFollower(papers, down, "m", 10).catchUp()).isEqualTo(1);
    } finally {
      up.close();
      down.close();
    }
  }

  private static float[] unit(String id) {
    SplittableRandom r = new SplittableRandom(id.hashCode());
    float[] v = new float[384];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
