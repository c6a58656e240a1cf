package org.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.HybridFusion;
import org.paperboy.eval.BeirDataset;
import org.paperboy.index.IndexSettings;
import org.paperboy.index.PaperIndex;
import org.paperboy.paper.Paper;
import org.paperboy.testing.SharedData;

/**
 * Exact BM25 rankings on SciFact for a few queries, pinned like Anserini's golden tests: any change
 * to analysis, schema or scoring shows up here first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeywordGoldenTest {
  private PaperIndex index;
  private PaperSearcher searcher;

  @BeforeAll
  void indexSciFact(@TempDir Path tmp) {
    index = PaperIndex.open(tmp.resolve("index"), new IndexSettings("none", 16, 100, false));
    for (BeirDataset.Doc d : BeirDataset.load(SharedData.path("beir-scifact"), "test").corpus()) {
      index.upsert(Paper.builder(d.id()).title(d.title()).abstractText(d.text()).build(), null);
    }
    index.commit();
    searcher = new PaperSearcher(index, Optional.empty(), HybridFusion.RRF, id -> Optional.empty());
  }

  @AfterAll
  void close() {
    index.close();
  }

  private List<String> top5(String query) {
    return searcher.rank(UserQuery.plain(query), SearchMode.KEYWORD, 5).stream()
        .map(ScoredId::id)
        .toList();
  }

  @Test
  void bm25RankingsArePinned() {
    assertThat(top5("0-dimensional biomaterials lack inductive properties."))
        .containsExactly(GOLDEN_0);
    assertThat(top5("1 in 5 million in UK have abnormal PrP positivity."))
        .containsExactly(GOLDEN_2);
    assertThat(
            top5(
                "ALDH1 expression is associated with poorer prognosis for breast cancer primary tumors."))
        .containsExactly(GOLDEN_3);
  }

  @Test
  void keywordScoresOfGivenPapersAreTheirScoresInTheRanking() {
    UserQuery q = UserQuery.plain("ALDH1 expression is associated with poorer prognosis");
    List<ScoredId> ranked = searcher.rank(q, SearchMode.KEYWORD, 30);
    List<String> some = List.of(ranked.get(3).id(), ranked.get(17).id(), ranked.get(29).id());
    var engine = new LuceneSearchEngine(index);
    var scores = engine.keywordScores(q, new java.util.ArrayList<>(some));
    assertThat(scores).hasSize(3);
    assertThat(scores.get(some.get(0))).isEqualTo((float) ranked.get(3).score());
    assertThat(scores.get(some.get(1))).isEqualTo((float) ranked.get(17).score());
    assertThat(scores.get(some.get(2))).isEqualTo((float) ranked.get(29).score());
    // A paper that has none of the words is left out, not scored 0.
    String unrelated = top5("1 in 5 million in UK have abnormal PrP positivity.").get(0);
    assertThat(engine.keywordScores(q, List.of(unrelated))).isEmpty();
  }

  @Test
  void moreLikeThisFindsThePaperItselfFirstThenPinnedNeighbours() {
    var engine = new LuceneSearchEngine(index);
    List<String> like = engine.moreLikeThis("13734012", 5).stream().map(ScoredId::id).toList();
    assertThat(like).containsExactly(GOLDEN_LIKE_13734012);
    assertThat(engine.moreLikeThis("no-such-paper", 5)).isEmpty();
    // Without embeddings, similar papers are more-like-this alone, never the paper itself.
    assertThat(searcher.similarIds("13734012", 4).orElseThrow().stream().map(ScoredId::id))
        .containsExactly(
            GOLDEN_LIKE_13734012[1],
            GOLDEN_LIKE_13734012[2],
            GOLDEN_LIKE_13734012[3],
            GOLDEN_LIKE_13734012[4]);
  }

  private static final String[] GOLDEN_LIKE_13734012 = {
    "13734012", "18617259", "15879544", "27063470", "9272598"
  };

  private static final String[] GOLDEN_0 = {
    "10608397", "14827874", "26071782", "195680777", "95764370"
  };
  // 13734012 is the document judged relevant for this query.
  private static final String[] GOLDEN_2 = {
    "13734012", "18617259", "4828631", "12438901", "18340282"
  };
  private static final String[] GOLDEN_3 = {
    "45638119", "7821634", "10024681", "22401720", "15113221"
  };
}
