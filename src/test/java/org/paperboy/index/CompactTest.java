package org.paperboy.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.eval.BeirDataset;
import org.paperboy.paper.Paper;
import org.paperboy.search.LuceneSearchEngine;
import org.paperboy.search.ScoredId;
import org.paperboy.search.UserQuery;
import org.paperboy.testing.SharedData;

/** A bulk load ends in few segments, and merging them changes no keyword score. */
class CompactTest {
  @Test
  void compactLeavesFewSegmentsAndTheSameKeywordRanking(@TempDir Path tmp) {
    List<BeirDataset.Doc> docs =
        BeirDataset.load(SharedData.path("beir-scifact"), "test").corpus().subList(0, 480);
    try (PaperIndex index =
        PaperIndex.open(tmp.resolve("index"), new IndexSettings("test", 16, 64, false))) {
      for (int i = 0; i < docs.size(); i++) {
        BeirDataset.Doc d = docs.get(i);
        index.add(Paper.builder(d.id()).title(d.title()).abstractText(d.text()).build(), null);
        if (i % 60 == 59) {
          index.commit(); // one segment or more per commit
        }
      }
      index.commit();
      assertThat(segments(index)).isGreaterThan(PaperIndex.COMPACT_SEGMENTS);
      LuceneSearchEngine engine = new LuceneSearchEngine(index);
      UserQuery q = UserQuery.plain("cancer tumor cells");
      List<ScoredId> before = engine.keyword(q, 50);
      List<ScoredId> likeBefore = engine.moreLikeThis(docs.get(5).id(), 20);

      index.compact();

      assertThat(segments(index)).isLessThanOrEqualTo(PaperIndex.COMPACT_SEGMENTS);
      assertThat(index.count()).isEqualTo(docs.size());
      assertThat(engine.keyword(q, 50)).isEqualTo(before);
      assertThat(engine.moreLikeThis(docs.get(5).id(), 20)).isEqualTo(likeBefore);
    }
  }

  @Test
  void writeBufferIsASixthOfTheHeapWithinBounds() {
    long mib = 1024L * 1024;
    assertThat(PaperIndex.ramBufferMb(512 * mib)).isEqualTo(128);
    assertThat(PaperIndex.ramBufferMb(2048 * mib)).isEqualTo(341);
    assertThat(PaperIndex.ramBufferMb(16384 * mib)).isEqualTo(1024);
  }

  private static int segments(PaperIndex index) {
    return index.withSearcher(s -> s.getIndexReader().leaves().size());
  }
}
