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
